import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import type { EntityColumn, ImportProvenance, RejectedRow } from '@veza/shared';
import { PhoneReader, type CountryCode } from './exchange.cdr.service.ts';
import { insertEntityRows, phoneNumbersOf } from './exchange.repository.ts';
import { mapFtmEntity } from './exchange.ftm.ts';

const MAX_VALUE = 2000;

/** The entities one row describes: one per schema mapped, with the row's values as properties. */
export interface EntityRowRead {
  row: number;
  entities: { schema: string; properties: Record<string, string[]> }[];
}

/**
 * Two entities of one row are tied to each other when the row says who holds what: a person's phone,
 * vehicle or address. Other combinations stay side by side, unlinked.
 */
const ROW_LINKS: readonly { from: string; to: string; schema: string; source: string; target: string }[] = [
  { from: 'Person', to: 'Phone', schema: 'UsesPhone', source: 'person', target: 'phone' },
  { from: 'Person', to: 'Vehicle', schema: 'Drives', source: 'driver', target: 'vehicle' },
  { from: 'Person', to: 'Address', schema: 'LivesAt', source: 'person', target: 'address' },
];

export function validateEntityRows(
  rows: readonly (readonly string[])[],
  columns: readonly EntityColumn[],
  region: CountryCode | undefined,
  firstRow = 2,
  onProgress?: (done: number) => void,
): { rows: EntityRowRead[]; rejections: RejectedRow[] } {
  const phones = new PhoneReader(region);
  const read: EntityRowRead[] = [];
  const rejections: RejectedRow[] = [];
  rows.forEach((cells, index) => {
    const row = firstRow + index;
    if (index % 10_000 === 0) onProgress?.(index);
    const bySchema = new Map<string, Record<string, string[]>>();
    for (const c of columns) {
      let value = (cells[c.column] ?? '').trim();
      if (value === '') continue;
      const field = `${c.schema}.${c.property}`;
      if (value.length > MAX_VALUE) return void rejections.push({ row, reason: 'value_too_long', field });
      if (c.schema === 'Phone' && c.property === 'number') {
        const e164 = phones.read(value);
        if (!e164)
          return void rejections.push({ row, reason: 'invalid_phone', field, value: value.slice(0, 200) });
        value = e164;
      }
      const properties = bySchema.get(c.schema) ?? {};
      (properties[c.property] ??= []).push(value);
      bySchema.set(c.schema, properties);
    }
    if (bySchema.size === 0) {
      if (cells.some((c) => c.trim() !== '')) rejections.push({ row, reason: 'empty_row' });
      return;
    }
    read.push({ row, entities: [...bySchema].map(([schema, properties]) => ({ schema, properties })) });
  });
  onProgress?.(rows.length);
  return { rows: read, rejections };
}

/**
 * Writes the entities of the rows: a phone number the case already holds (or an earlier row gave)
 * is the same Phone entity, everything else a new entity; the holder links of each row follow.
 */
export async function writeEntityRows(
  q: Queryable,
  input: {
    caseId: string;
    rows: readonly EntityRowRead[];
    provenance: ImportProvenance;
    region: CountryCode | undefined;
    userId: string;
  },
): Promise<{ entities: number; newIds: string[] }> {
  const { provenance } = input;
  const now = new Date();
  const reader = new PhoneReader(input.region);
  const phoneIds = new Map<string, string>();
  for (const { entityId, value } of await phoneNumbersOf(q, input.caseId)) {
    const e164 = reader.read(value);
    if (e164 && !phoneIds.has(e164)) phoneIds.set(e164, entityId);
  }
  const entityRows: { id: string; schema: string; caption: string }[] = [];
  const statementRows: { entityId: string; property: string; value: string }[] = [];
  const add = (schema: string, properties: Record<string, string[]>): string => {
    const id = uuidv7();
    const mapped = mapFtmEntity({ id, schema, properties });
    entityRows.push({ id, schema, caption: typeof mapped === 'string' ? schema : mapped.caption });
    for (const [property, values] of Object.entries(properties))
      for (const value of values) statementRows.push({ entityId: id, property, value });
    return id;
  };
  for (const { entities } of input.rows) {
    const idBySchema = new Map<string, string>();
    for (const e of entities) {
      const number = e.schema === 'Phone' ? e.properties.number?.[0] : undefined;
      const known = number ? phoneIds.get(number) : undefined;
      const id = known ?? add(e.schema, e.properties);
      if (number && !known) phoneIds.set(number, id);
      idBySchema.set(e.schema, id);
    }
    for (const link of ROW_LINKS) {
      const from = idBySchema.get(link.from);
      const to = idBySchema.get(link.to);
      if (from && to) add(link.schema, { [link.source]: [from], [link.target]: [to] });
    }
  }
  await insertEntityRows(
    q,
    entityRows.map((e) => ({
      ...e,
      caseId: input.caseId,
      sourceId: null,
      createdBy: input.userId,
      createdAt: now,
    })),
    statementRows.map((s) => ({
      id: uuidv7(),
      ...s,
      source: provenance.source,
      evaluationSource: provenance.evaluationSource,
      evaluationInfo: provenance.evaluationInfo,
      handlingCode: provenance.handlingCode,
      kind: provenance.kind,
      recordedBy: input.userId,
      recordedAt: now,
    })),
  );
  return { entities: entityRows.length, newIds: entityRows.map((e) => e.id) };
}
