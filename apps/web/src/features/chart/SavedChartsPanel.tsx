import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SavedChartState } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert, errorMessage } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { chartApi } from './chart.api.ts';

/** Charts saved with the case: name one, save it, load it back, update or delete it. */
export function SavedChartsPanel({
  caseId,
  canEdit,
  currentState,
  onLoad,
}: {
  caseId: string;
  canEdit: boolean;
  currentState: () => SavedChartState;
  onLoad: (state: SavedChartState) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['case', caseId, 'charts'];
  const charts = useQuery({ queryKey: key, queryFn: () => chartApi.charts(caseId) });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [reason, setReason] = useState('');

  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: () => chartApi.createChart(caseId, { name: name.trim(), state: currentState() }),
    onSuccess: async (chart) => {
      setName('');
      setLoadedId(chart.id);
      setChosen(chart.id);
      await refresh();
      notifySuccess(t('chart.saved', { name: chart.name }));
    },
    onError: (error) => {
      if (isApiError(error, 'name_taken')) setNameError(t('chart.nameTaken'));
    },
  });
  const update = useMutation({
    mutationFn: (id: string) => chartApi.updateChart(caseId, id, { state: currentState() }),
    onSuccess: async (chart) => {
      await refresh();
      notifySuccess(t('chart.updated', { name: chart.name }));
    },
  });
  const load = useMutation({
    mutationFn: (id: string) => chartApi.chart(caseId, id),
    onSuccess: (chart) => {
      setLoadedId(chart.id);
      onLoad(chart.state);
      notifySuccess(t('chart.loaded', { name: chart.name }));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => chartApi.deleteChart(caseId, id, reason.trim()),
    onSuccess: async () => {
      setDeleting(false);
      setReason('');
      setChosen(null);
      setLoadedId(null);
      await refresh();
      notifySuccess(t('chart.deleted'));
    },
  });
  const loadedName = charts.data?.find((c) => c.id === loadedId)?.name;

  return (
    <Stack component="section" aria-labelledby="chart-saved" gap="xs">
      <Title order={2} size="h4" id="chart-saved">
        {t('chart.savedCharts')}
      </Title>
      <ErrorAlert error={charts.error ?? load.error ?? update.error ?? remove.error} />
      <Group align="flex-end" gap="xs">
        <Select
          label={t('chart.savedChart')}
          placeholder={charts.data?.length === 0 ? t('chart.noSavedCharts') : t('chart.chooseChart')}
          data={(charts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={chosen}
          onChange={setChosen}
          w={280}
        />
        <Button
          variant="default"
          disabled={!chosen}
          loading={load.isPending}
          onClick={() => chosen && load.mutate(chosen)}
        >
          {t('chart.load')}
        </Button>
        {canEdit && (
          <Button variant="default" color="red" disabled={!chosen} onClick={() => setDeleting(true)}>
            {t('chart.delete')}
          </Button>
        )}
      </Group>
      {canEdit ? (
        <Group align="flex-start" gap="xs">
          <TextInput
            label={t('chart.chartName')}
            value={name}
            maxLength={120}
            error={
              nameError ??
              (save.isError && !isApiError(save.error, 'name_taken') ? errorMessage(t, save.error) : null)
            }
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(null);
            }}
            w={280}
          />
          <Button
            mt={25}
            disabled={name.trim() === ''}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {t('chart.save')}
          </Button>
          {loadedId && loadedName && (
            <Button
              mt={25}
              variant="default"
              loading={update.isPending}
              onClick={() => update.mutate(loadedId)}
            >
              {t('chart.update', { name: loadedName })}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm">{t('chart.readOnly')}</Text>
      )}
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('chart.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Textarea
            label={t('chart.deleteReason')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim() === ''}
              loading={remove.isPending}
              onClick={() => chosen && remove.mutate(chosen)}
            >
              {t('chart.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
