import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Grid, Group, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconFocus2, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  communities as findCommunities,
  keyPlayers as rankKeyPlayers,
  shortestPath,
  type ChartGraph,
  type Communities,
  type KeyPlayers,
} from '@veza/graph';
import type { Case, CaseGraph } from '@veza/shared';
import { ErrorAlert } from '../../ui/errors.tsx';
import { entityCaption, schemaName } from '../entities/entity-caption.ts';
import { chartApi } from './chart.api.ts';
import { layoutInBackground } from './background-layout.ts';
import {
  BACKGROUND_LAYOUT_FROM,
  CALLS_COLOUR,
  INITIAL_VIEW,
  colourOfCommunity,
  colourOfType,
  fromSavedState,
  fullGraph,
  groupedPositions,
  mergeGraphs,
  placeNodes,
  relationshipEnds,
  toSavedState,
  typesOf,
  visibleGraph,
  type ChartView,
} from './chart.model.ts';
import { AnalysisPanels } from './AnalysisPanels.tsx';
import { EntityTable } from './EntityTable.tsx';
import { FiltersPanel } from './FiltersPanel.tsx';
import { SavedChartsPanel } from './SavedChartsPanel.tsx';
import { SigmaCanvas, type ChartHighlight, type ChartLook, type SigmaCanvasHandle } from './SigmaCanvas.tsx';
import { download, svgToPng, toSvg } from './svg.ts';

/** Above this many entities, betweenness is estimated from a sample of starting points. */
export const EXACT_BETWEENNESS_UP_TO = 1000;
export const BETWEENNESS_SAMPLE = 256;

export interface PathEnds {
  from: string | null;
  to: string | null;
}

/** The link chart of one case: the drawing, its panels, and the same content as lists. */
export function LinkChart({ record, initial }: { record: Case; initial: CaseGraph }) {
  const { t } = useTranslation();
  const canvas = useRef<SigmaCanvasHandle>(null);
  const [data, setData] = useState(initial);
  const [view, setView] = useState<ChartView>(INITIAL_VIEW);
  const [known, setKnown] = useState<ReadonlyMap<string, readonly [number, number]>>(new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [pathEnds, setPathEnds] = useState<PathEnds>({ from: null, to: null });
  const [pathAsked, setPathAsked] = useState(false);
  const [search, setSearch] = useState('');
  const [players, setPlayers] = useState<KeyPlayers | null>(null);
  const [shownCommunity, setShownCommunity] = useState<number | null>(null);
  const [noWebGL, setNoWebGL] = useState(false);
  const [expandError, setExpandError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => setData(initial), [initial]);

  const nodeData = useMemo(() => new Map(data.nodes.map((n) => [n.id, n])), [data]);
  const ends = useMemo(() => relationshipEnds(data), [data]);
  const captionOf = useCallback(
    (id: string): string => {
      const named = (entityId: string): string => {
        const node = nodeData.get(entityId);
        if (!node) return entityId;
        if (node.withheld) return t('chart.withheldPerson');
        return node.caption || node.schema;
      };
      const node = nodeData.get(id);
      // A relationship is named by what it links, in the reader's language, as in the case's lists;
      // a withheld one (its stored caption names persons) so too, its persons shown as withheld.
      if (node?.relationship) return entityCaption({ ...node, ends: ends.get(id) }, named, t);
      return named(id);
    },
    [nodeData, ends, t],
  );

  const full = useMemo(() => fullGraph(data, view.entityIds), [data, view.entityIds]);
  const placed = useMemo(() => placeNodes(full, known), [full, known]);
  const [layoutOf, setLayoutOf] = useState<ChartGraph | null>(null);
  useEffect(() => {
    if (![...placed.keys()].some((id) => !known.has(id))) return;
    // A large chart's first view is drawn by communities; ForceAtlas2 then runs in a worker.
    if (known.size === 0 && full.order >= BACKGROUND_LAYOUT_FROM) setLayoutOf(full);
    setKnown(placed);
  }, [placed, known, full]);
  useEffect(() => {
    if (!layoutOf) return;
    const job = layoutInBackground(layoutOf, placed);
    void job.result.then((positions) => {
      if (positions) setKnown((current) => new Map([...current, ...positions]));
      setLayoutOf(null);
    });
    return job.cancel;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- starts from where the chart was when asked
  }, [layoutOf]);
  const visible = useMemo(() => visibleGraph(full, view), [full, view]);
  const grouped = useMemo(
    () => (view.groupByType ? groupedPositions(visible) : null),
    [visible, view.groupByType],
  );
  const communities: Communities | null = useMemo(
    () => (view.colourByCommunity && visible.order > 0 ? findCommunities(visible) : null),
    [visible, view.colourByCommunity],
  );
  const path = useMemo(
    () =>
      pathAsked && pathEnds.from && pathEnds.to ? shortestPath(visible, pathEnds.from, pathEnds.to) : null,
    [visible, pathAsked, pathEnds],
  );
  const edgeData = useMemo(() => new Map(data.edges.map((e) => [e.id, e])), [data]);

  const look: ChartLook = useMemo(
    () => ({
      position: (id) => grouped?.get(id) ?? placed.get(id) ?? [0, 0],
      colour: (id) =>
        communities
          ? colourOfCommunity(communities.communityOf.get(id))
          : colourOfType(visible.getNodeAttribute(id, 'type')),
      label: captionOf,
      edgeColour: (id) => (edgeData.get(id)?.kind === 'calls' ? CALLS_COLOUR : '#8a94a6'),
      edgeSize: (id) => {
        const calls = edgeData.get(id)?.calls;
        return calls ? Math.min(6, 1 + Math.log2(calls.count)) : 1;
      },
    }),
    [grouped, placed, communities, visible, captionOf, edgeData],
  );

  const highlight: ChartHighlight | null = useMemo(() => {
    if (path) return { nodes: new Set(path.nodeIds), edges: new Set(path.edgeIds) };
    if (communities && shownCommunity !== null) {
      const members = new Set(communities.groups[shownCommunity] ?? []);
      const edges = new Set<string>();
      visible.forEachEdge((id, _a, s, tg) => {
        if (members.has(s) && members.has(tg)) edges.add(id);
      });
      return { nodes: members, edges };
    }
    const query = search.trim().toLocaleLowerCase();
    if (query.length >= 2) {
      const nodes = new Set<string>();
      visible.forEachNode((id) => {
        if (captionOf(id).toLocaleLowerCase().includes(query)) nodes.add(id);
      });
      return { nodes, edges: new Set() };
    }
    if (selected && visible.hasNode(selected)) {
      const nodes = new Set([selected, ...visible.neighbors(selected)]);
      return { nodes, edges: new Set(visible.edges(selected)) };
    }
    return null;
  }, [path, communities, shownCommunity, search, selected, visible, captionOf]);

  useEffect(() => {
    if (!pathAsked) return;
    setAnnouncement(
      path
        ? t('chart.pathFound', { links: path.edgeIds.length })
        : t('chart.noPath', {
            from: pathEnds.from ? captionOf(pathEnds.from) : '',
            to: pathEnds.to ? captionOf(pathEnds.to) : '',
          }),
    );
  }, [path, pathAsked, pathEnds, captionOf, t]);

  const expand = useCallback(
    async (id: string) => {
      setExpandError(null);
      try {
        const more = await chartApi.neighbours(record.id, id);
        setData((current) => mergeGraphs(current, more));
        setView((v) =>
          v.entityIds === null
            ? v
            : { ...v, entityIds: new Set([...v.entityIds, ...more.nodes.map((n) => n.id)]) },
        );
        setSelected(id);
        // The drawing is rescaled to what is on it: show it whole.
        requestAnimationFrame(() => canvas.current?.setCamera(null));
        setAnnouncement(t('chart.expanded', { name: captionOf(id), count: more.nodes.length - 1 }));
      } catch (error) {
        setExpandError(error);
      }
    },
    [record.id, captionOf, t],
  );

  const focusOn = (id: string) => {
    setView((v) => ({ ...v, entityIds: new Set([id]) }));
    setSelected(id);
    setPathAsked(false);
    requestAnimationFrame(() => canvas.current?.setCamera(null));
  };

  const setPathEnd = (end: keyof PathEnds, id: string | null) => {
    setPathEnds((p) => ({ ...p, [end]: id }));
    setPathAsked(false);
  };

  const exportAs = async (format: 'svg' | 'png') => {
    const picture = canvas.current?.picture(t('chart.exportTitle', { reference: record.reference }));
    if (!picture) return;
    const svg = toSvg(picture);
    const name = `${record.reference}-chart.${format}`;
    if (format === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), name);
    else download(await svgToPng(svg, picture.width, picture.height), name);
  };

  const savedState = () =>
    toSavedState(
      view,
      placed,
      pathAsked && pathEnds.from && pathEnds.to ? { from: pathEnds.from, to: pathEnds.to } : null,
      canvas.current?.camera() ?? null,
    );

  const load = (state: Parameters<typeof fromSavedState>[0]) => {
    const restored = fromSavedState(state);
    setLayoutOf(null);
    setKnown(restored.positions);
    setView(restored.view);
    setSelected(null);
    setShownCommunity(null);
    setPlayers(null);
    setPathEnds({ from: state.path?.from ?? null, to: state.path?.to ?? null });
    setPathAsked(state.path !== null);
    // The drawing follows the new graph first; the camera then goes where the chart was saved.
    requestAnimationFrame(() => canvas.current?.setCamera(state.camera));
  };

  const types = useMemo(() => typesOf(full), [full]);
  const canEdit = data.allowed.includes('case.edit');

  return (
    <Stack gap="md">
      <VisuallyHidden aria-live="polite" data-testid="chart-announcement">
        {announcement}
      </VisuallyHidden>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="md">
            <TextInput
              label={t('chart.search')}
              description={t('chart.searchHelp')}
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
            <FiltersPanel types={types} view={view} onChange={setView} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Stack gap="sm">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" data-testid="chart-counts">
                {t('chart.counts', { entities: visible.order, links: visible.size })}
              </Text>
              {layoutOf && (
                <Text size="sm" c="dimmed" role="status">
                  {t('chart.layingOut')}
                </Text>
              )}
              {view.entityIds !== null && (
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconFocus2 size={14} aria-hidden="true" />}
                  onClick={() => {
                    setView((v) => ({ ...v, entityIds: null }));
                    requestAnimationFrame(() => canvas.current?.setCamera(null));
                  }}
                >
                  {t('chart.showWholeCase')}
                </Button>
              )}
              <Button
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden="true" />}
                onClick={() => void exportAs('svg')}
              >
                {t('chart.exportSvg')}
              </Button>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden="true" />}
                onClick={() => void exportAs('png')}
              >
                {t('chart.exportPng')}
              </Button>
            </Group>
            {visible.order === 0 && (
              <Alert color="gray" data-testid="chart-empty">
                {data.nodes.length === 0 ? t('chart.emptyCase') : t('chart.allFiltered')}
              </Alert>
            )}
            {noWebGL ? (
              <Alert color="yellow" variant="outline" title={t('chart.noWebglTitle')}>
                {t('chart.noWebgl')}
              </Alert>
            ) : (
              <SigmaCanvas
                ref={canvas}
                graph={visible}
                look={look}
                highlight={highlight}
                label={t('chart.canvasLabel', { entities: visible.order, links: visible.size })}
                onClickNode={setSelected}
                onDoubleClickNode={(id) => void expand(id)}
                onUnavailable={() => setNoWebGL(true)}
              />
            )}
            <Text size="sm" c="dimmed">
              {t('chart.canvasHelp')}
            </Text>
            <ErrorAlert error={expandError} />
            {selected && nodeData.has(selected) && (
              <Stack component="section" aria-labelledby="chart-selected" gap={4}>
                <Title order={2} size="h4" id="chart-selected">
                  {t('chart.selected', {
                    name: captionOf(selected),
                    type: schemaName(nodeData.get(selected)!.schema, t),
                  })}
                </Title>
                <Group gap="xs">
                  <Button size="xs" onClick={() => void expand(selected)}>
                    {t('chart.expand')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => focusOn(selected)}>
                    {t('chart.focus')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setPathEnd('from', selected)}>
                    {t('chart.pathFromHere')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setPathEnd('to', selected)}>
                    {t('chart.pathToHere')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => canvas.current?.focus(selected)}>
                    {t('chart.centre')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <AnalysisPanels
        graph={visible}
        captionOf={captionOf}
        pathEnds={pathEnds}
        onPathEnd={setPathEnd}
        onFindPath={() => setPathAsked(true)}
        onClearPath={() => {
          setPathAsked(false);
          setPathEnds({ from: null, to: null });
        }}
        path={pathAsked ? path : undefined}
        communities={communities}
        colourByCommunity={view.colourByCommunity}
        onColourByCommunity={(on) => {
          setShownCommunity(null);
          setView((v) => ({ ...v, colourByCommunity: on }));
        }}
        shownCommunity={shownCommunity}
        onShowCommunity={setShownCommunity}
        players={players}
        onRankPlayers={() =>
          setPlayers(
            rankKeyPlayers(visible, {
              limit: 10,
              exactUpTo: EXACT_BETWEENNESS_UP_TO,
              sampleSize: BETWEENNESS_SAMPLE,
            }),
          )
        }
      />
      <SavedChartsPanel caseId={record.id} canEdit={canEdit} currentState={savedState} onLoad={load} />
      <EntityTable
        graph={visible}
        nodes={nodeData}
        captionOf={captionOf}
        search={search}
        onSelect={(id) => {
          setSelected(id);
          canvas.current?.focus(id);
        }}
        onExpand={(id) => void expand(id)}
        onPathEnd={setPathEnd}
      />
    </Stack>
  );
}
