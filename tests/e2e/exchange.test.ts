import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import writeXlsxFile from 'write-excel-file/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, gone, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// A Macedonian analyst (Macedonian UI) receives an operator's call-detail records for her case. One
// number in them, written 00381 64 123 4567, is the courier's phone in the Belgrade drugs case.
const DRUGS_RS = 'drugs.rs@demo.veza.example';
const ANALYST_MK = 'analyst.mk@demo.veza.example';
const SEVER_PHONE = '+381 64 123 4567';
const lang = 'mk';
const CASE_TITLE = 'Операција Вардар';

// Two circles of callers that only the Serbian number joins, and one row the operator got wrong.
const CALLS = [
  'Повикувач;Повикан;Време;Траење;Ќелија',
  '070 123 456;071 234 567;01.03.2026 09:00;120;SK-Centar-1',
  '071 234 567;072 345 678;01.03.2026 09:30;60;SK-Centar-1',
  '072 345 678;070 123 456;01.03.2026 10:00;45;SK-Aerodrom',
  '070 123 456;072 345 678;02.03.2026 11:15;300;SK-Aerodrom',
  '072 345 678;00381 64 123 4567;02.03.2026 18:40;95;KU-Tabanovce',
  '00381 64 123 4567;075 111 222;02.03.2026 19:05;30;KU-Tabanovce',
  '075 111 222;076 222 333;03.03.2026 08:00;200;TE-1',
  '076 222 333;077 333 444;03.03.2026 08:20;150;TE-1',
  '077 333 444;075 111 222;03.03.2026 09:10;80;TE-2',
  '075 111 222;077 333 444;04.03.2026 12:00;65;TE-2',
  'непознат;070 123 456;04.03.2026 13:00;10;SK-Centar-1',
].join('\n');

/** A message with plurals, formatted as the app formats it. */
const plural = (key: string, values: Record<string, number>) =>
  String(new IntlMessageFormat(t(lang, key), lang).format(values));

let veza: RunningVeza;
let browser: Browser;
let dir: string;

interface CaseRow {
  id: string;
  title: string;
  reference: string;
  members: { userId: string; displayName: string }[];
}

async function apiPost(page: Page, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ url, payload }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(payload),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { url: path, payload: body },
  );
}

/** Chooses in a searchable select as a user does: open it, type, pick. */
async function pick(page: Page, label: string, option: string, typed: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: new RegExp(`^\\${option}`) }).click();
}

async function casesOf(page: Page): Promise<CaseRow[]> {
  const list = (await apiGet(page, '/api/cases')).body as CaseRow[] | { items: CaseRow[] };
  return Array.isArray(list) ? list : list.items;
}

interface ReadGraph {
  nodes: { id: string; type: string; label: string }[];
  edges: { source: string; target: string; id: string; type: string; weight: number }[];
}

/**
 * The first Python that has networkx: the one on the PATH (pip), or Debian's, where
 * `apt-get install python3-networkx` puts it. Neither having it fails the test: install one.
 */
function pythonWithNetworkx(): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import networkx'], { stdio: 'ignore' });
      return python;
    } catch {
      // Not this one.
    }
  }
  throw new Error('no python3 with networkx: apt-get install python3-networkx');
}

/** Reads a GraphML file as networkx does (the tool analysts use beside Gephi and i2). */
function readWithNetworkx(path: string): ReadGraph {
  const script = [
    'import json, sys, networkx as nx',
    'g = nx.read_graphml(sys.argv[1])',
    'nodes = [{"id": n, "type": d.get("type"), "label": d.get("label")} for n, d in g.nodes(data=True)]',
    'edges = [{"source": u, "target": v, "id": d.get("id"), "type": d.get("type"), "weight": d.get("weight")}',
    '         for u, v, d in g.edges(data=True)]',
    'print(json.dumps({"nodes": nodes, "edges": edges}))',
  ].join('\n');
  return JSON.parse(
    execFileSync(pythonWithNetworkx(), ['-c', script, path], { encoding: 'utf8' }),
  ) as ReadGraph;
}

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
  dir = mkdtempSync(join(tmpdir(), 'veza-exchange-'));
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('import and export of a case', () => {
  it('imports call records with a column mapping, links a number to the drugs case, and exports GraphML networkx reads', async () => {
    // The drug case's owner has the analyst on his team (they work the border case together).
    const owner = await newPage(browser);
    await signIn(owner.page, veza.url, DRUGS_RS);
    const ownerCases = await casesOf(owner.page);
    const sever = ownerCases.find((c) => c.title === 'Operacija Sever');
    const analyst = ownerCases
      .find((c) => c.title === 'Табановце')
      ?.members.find((m) => m.displayName === 'Елена Николовска');
    expect(sever && analyst).toBeTruthy();
    expect(
      (await apiPost(owner.page, `/api/cases/${sever?.id}/members`, { userId: analyst?.userId })).status,
    ).toBe(200);
    await owner.context.close();

    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, ANALYST_MK);
    const opened = await apiPost(page, '/api/cases', {
      title: CASE_TITLE,
      type: 'trafficking',
      handlingCode: 'H0',
    });
    expect(opened.status).toBe(201);
    const own = opened.body as { id: string; reference: string };

    // From the case, Import and export → Import data.
    await page.goto(`${veza.url}/cases/${own.id}`);
    await visible(pageHeading(page, new RegExp(CASE_TITLE)));
    await page.getByRole('button', { name: t(lang, 'exchange.menu'), exact: true }).click();
    await page.getByRole('menuitem', { name: t(lang, 'exchange.importData'), exact: true }).click();
    await visible(
      pageHeading(page, t(lang, 'exchange.importTitle', { reference: own.reference, title: CASE_TITLE })),
    );

    const file = join(dir, 'povici-mart.csv');
    writeFileSync(file, CALLS);
    await page.getByLabel(t(lang, 'exchange.file'), { exact: true }).setInputFiles(file);
    const sample = await visible(page.getByRole('table', { name: t(lang, 'exchange.sample') }));
    await visible(sample.getByRole('columnheader', { name: 'Повикувач' }));
    // The headings are Macedonian, so the analyst maps the columns herself.
    const mapping = page.getByRole('region', { name: t(lang, 'exchange.mapping') });
    for (const [field, heading] of [
      ['caller', 'Повикувач'],
      ['callee', 'Повикан'],
      ['start', 'Време'],
      ['duration', 'Траење'],
      ['cell', 'Ќелија'],
    ] as const) {
      await mapping
        .getByRole('combobox', { name: t(lang, `exchange.callFields.${field}`) })
        .selectOption({ label: heading });
    }
    await page
      .getByRole('textbox', { name: t(lang, 'exchange.source') })
      .fill('А1 Македонија, наредба на суд ПРИ 45/26');
    await page.getByRole('combobox', { name: t(lang, 'exchange.sourceGrade') }).selectOption('B');
    await page.getByRole('combobox', { name: t(lang, 'exchange.infoGrade') }).selectOption('2');
    await screenshot(page, 'import-mapping-mk');
    await expectAccessible(page, 'import mapping');
    await page.getByRole('button', { name: t(lang, 'exchange.startImport'), exact: true }).click();

    const done = await visible(page.getByRole('status').filter({ hasText: t(lang, 'exchange.done') }));
    await visible(done.getByText(plural('exchange.summary', { imported: 10, rejected: 1, suggestions: 1 })));
    const rejected = await visible(page.getByRole('table', { name: t(lang, 'exchange.rejectedTable') }));
    const badRow = rejected.getByRole('row').filter({ hasText: 'непознат' });
    await visible(
      badRow.getByText(
        t(lang, 'exchange.reasons.invalid_phone', { field: t(lang, 'exchange.callFields.caller') }),
        { exact: true },
      ),
    );
    expect(await badRow.getByRole('cell').first().textContent()).toBe('12');
    await screenshot(page, 'import-report-mk');
    await expectAccessible(page, 'import report');

    // Back on the case: the Serbian number is suggested as the courier's phone in Operacija Sever.
    await page
      .getByRole('link', { name: t(lang, 'exchange.backToCase'), exact: true })
      .first()
      .click();
    await visible(pageHeading(page, new RegExp(CASE_TITLE)));
    await page.getByRole('button', { name: '+381641234567', exact: true }).click();
    const suggestions = await visible(
      page.getByRole('table', { name: t(lang, 'investigation.suggestionsTable') }),
    );
    await visible(suggestions.getByRole('row').filter({ hasText: sever?.reference ?? '' }));
    await page
      .getByRole('button', {
        name: t(lang, 'linkage.confirmLabel', { caption: SEVER_PHONE, reference: sever?.reference ?? '' }),
      })
      .click();
    await visible(page.getByRole('table', { name: t(lang, 'linkage.canonicalTable') }));
    await screenshot(page, 'import-confirmed-mk');

    // The chart: the shortest way from one circle to the other runs through the Serbian number,
    // and Louvain finds the two circles.
    await page.getByRole('link', { name: t(lang, 'chart.openChart'), exact: true }).click();
    await visible(page.getByTestId('link-chart-canvas'));
    await pick(page, t(lang, 'chart.pathFrom'), '+38970123456', '70123');
    await pick(page, t(lang, 'chart.pathTo'), '+38977333444', '77333');
    await page.getByRole('button', { name: t(lang, 'chart.findPath'), exact: true }).click();
    const steps = await visible(page.getByTestId('chart-path-steps'));
    const names = (await steps.getByRole('listitem').allTextContents()).map((s) =>
      s.replace(/\s*\(.*\)$/, ''),
    );
    expect(names).toEqual(['+38970123456', '+38972345678', '+381641234567', '+38975111222', '+38977333444']);
    await page.getByRole('switch', { name: t(lang, 'chart.colourByCommunity'), exact: true }).check();
    const groups = await (
      await visible(page.getByTestId('chart-community-list'))
    )
      .getByRole('listitem')
      .allTextContents();
    const groupOf = (number: string) => groups.findIndex((g) => g.includes(number));
    expect(groupOf('+38970123456')).toBe(groupOf('+38971234567'));
    expect(groupOf('+38975111222')).toBe(groupOf('+38977333444'));
    expect(groupOf('+38970123456')).not.toBe(groupOf('+38977333444'));
    await screenshot(page, 'import-chart-mk');
    await page.getByRole('link', { name: t(lang, 'chart.backToCase'), exact: true }).click();
    await visible(pageHeading(page, new RegExp(CASE_TITLE)));

    // Export the case as GraphML for networkx, stating recipient and purpose.
    await page.getByRole('button', { name: t(lang, 'exchange.menu'), exact: true }).click();
    await page.getByRole('menuitem', { name: t(lang, 'exchange.formats.graphml'), exact: true }).click();
    const dialog = await visible(
      page.getByRole('dialog', {
        name: t(lang, 'exchange.exportTitle', { format: t(lang, 'exchange.formats.graphml') }),
      }),
    );
    await dialog.getByRole('textbox', { name: t(lang, 'exchange.recipient') }).fill('Аналитички оддел, МВР');
    await dialog
      .getByRole('textbox', { name: t(lang, 'exchange.purpose') })
      .fill('Анализа на мрежата на повици');
    await expectAccessible(page, 'export dialog');
    await screenshot(page, 'export-dialog-mk');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: t(lang, 'exchange.exportButton'), exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${own.reference}.graphml`);
    const graphml = join(dir, 'vardar.graphml');
    await download.saveAs(graphml);
    await gone(page.getByRole('dialog'));

    const read = readWithNetworkx(graphml);
    const phones = new Map(read.nodes.filter((n) => n.type === 'Phone').map((n) => [n.id, n.label]));
    expect([...phones.values()].sort()).toEqual([
      '+381641234567',
      '+38970123456',
      '+38971234567',
      '+38972345678',
      '+38975111222',
      '+38976222333',
      '+38977333444',
    ]);
    const calls = read.edges
      .filter((e) => e.type === 'Call')
      .map((e) => `${phones.get(e.source)}>${phones.get(e.target)}×${e.weight}`)
      .sort();
    expect(calls).toEqual([
      '+381641234567>+38975111222×1',
      '+38970123456>+38971234567×1',
      '+38970123456>+38972345678×1',
      '+38971234567>+38972345678×1',
      '+38972345678>+381641234567×1',
      '+38972345678>+38970123456×1',
      '+38975111222>+38976222333×1',
      '+38975111222>+38977333444×1',
      '+38976222333>+38977333444×1',
      '+38977333444>+38975111222×1',
    ]);
    // The same nodes and call links the case's chart is drawn from.
    const chart = (await apiGet(page, `/api/cases/${own.id}/graph`)).body as {
      nodes: { id: string }[];
      edges: { id: string; source: string; target: string; kind: string }[];
    };
    expect(chart.nodes.map((n) => n.id).sort()).toEqual(read.nodes.map((n) => n.id).sort());
    expect(
      chart.edges
        .filter((e) => e.kind === 'calls')
        .map((e) => `${e.id} ${e.source} ${e.target}`)
        .sort(),
    ).toEqual(
      read.edges
        .filter((e) => e.type === 'Call')
        .map((e) => `${e.id} ${e.source} ${e.target}`)
        .sort(),
    );
    await context.close();
  });

  it('imports persons and their phones from a spreadsheet, with the evaluation the officer gives', async () => {
    const sq = 'sq';
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, 'officer.xk@demo.veza.example');
    const opened = await apiPost(page, '/api/cases', {
      title: 'Rasti Prizreni',
      type: 'trafficking',
      handlingCode: 'H1',
    });
    expect(opened.status).toBe(201);
    const own = opened.body as { id: string; reference: string };
    const workbook = await writeXlsxFile([
      [{ value: 'Emri' }, { value: 'Telefoni' }, { value: 'Shënim' }],
      [{ value: 'Arben Krasniqi' }, { value: '044 123 456' }, { value: 'shofer' }],
      [{ value: 'Blerta Gashi' }, { value: '+383 49 555 666' }, { value: '' }],
      [{ value: 'Valbona Hoxha' }, { value: 'pa numër' }, { value: '' }],
    ]).toBuffer();
    const file = join(dir, 'personat.xlsx');
    writeFileSync(file, workbook);
    await page.goto(`${veza.url}/cases/${own.id}/import`);
    await visible(
      pageHeading(page, t(sq, 'exchange.importTitle', { reference: own.reference, title: 'Rasti Prizreni' })),
    );
    await page.getByLabel(t(sq, 'exchange.file'), { exact: true }).setInputFiles(file);
    await visible(page.getByRole('table', { name: t(sq, 'exchange.sample') }));
    await page.getByText(t(sq, 'exchange.targetEntities'), { exact: true }).click();
    const mapping = page.getByRole('region', { name: t(sq, 'exchange.mapping') });
    await mapping
      .getByRole('combobox', { name: 'Emri' })
      .selectOption({ label: t(sq, 'exchange.targets.Person_name') });
    await mapping
      .getByRole('combobox', { name: 'Telefoni' })
      .selectOption({ label: t(sq, 'exchange.targets.Phone_number') });
    await page.getByRole('combobox', { name: t(sq, 'exchange.sourceGrade') }).selectOption('A');
    await page.getByRole('combobox', { name: t(sq, 'exchange.infoGrade') }).selectOption('3');
    await expectAccessible(page, 'entity mapping');
    await screenshot(page, 'import-entities-sq');
    await page.getByRole('button', { name: t(sq, 'exchange.startImport'), exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: t(sq, 'exchange.done') }));
    const rejected = await visible(page.getByRole('table', { name: t(sq, 'exchange.rejectedTable') }));
    await visible(rejected.getByRole('row').filter({ hasText: 'pa numër' }));
    await screenshot(page, 'import-entities-report-sq');

    const entities = (await apiGet(page, `/api/cases/${own.id}/entities`)).body as {
      schema: string;
      caption: string;
    }[];
    expect(entities.map((e) => `${e.schema} ${e.caption}`).sort()).toEqual([
      'Person Arben Krasniqi',
      'Person Blerta Gashi',
      'Phone +38344123456',
      'Phone +38349555666',
      'UsesPhone UsesPhone',
      'UsesPhone UsesPhone',
    ]);
    await context.close();
  });
});
