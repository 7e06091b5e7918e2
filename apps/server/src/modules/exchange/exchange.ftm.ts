import type { FtmEntity } from '@veza/matching';
import { validateEntity } from '@veza/model';
import { FtmPropertyName, FtmSchemaName } from '@veza/shared';

/** One FtM entity as the case will hold it: a caption and one statement per property value. */
export interface MappedEntity {
  sourceId: string;
  schema: string;
  caption: string;
  values: { property: string; value: string }[];
}

const MAX_VALUE = 2000;
// What FtM itself shows as an entity's caption, in order of preference.
const CAPTION_PROPERTIES = ['name', 'title', 'number', 'registrationNumber', 'email', 'full'];

/** Maps an FtM entity, or says in one sentence why the line cannot be taken. */
export function mapFtmEntity(entity: FtmEntity): MappedEntity | string {
  if (!FtmSchemaName.safeParse(entity.schema).success) return `"${entity.schema}" is not an FtM schema name`;
  if (entity.id.length > 200) return 'the id is longer than 200 characters';
  const values: MappedEntity['values'] = [];
  for (const [property, list] of Object.entries(entity.properties)) {
    if (!FtmPropertyName.safeParse(property).success) return `"${property}" is not an FtM property name`;
    for (const raw of list) {
      const value = raw.trim();
      if (value.length > MAX_VALUE) return `${property} is longer than ${MAX_VALUE} characters`;
      if (value.length > 0) values.push({ property, value });
    }
  }
  const grouped: Record<string, string[]> = {};
  for (const { property, value } of values) (grouped[property] ??= []).push(value);
  const problem = validateEntity(entity.schema, grouped)[0];
  if (problem) return problem.message;
  return { sourceId: entity.id, schema: entity.schema, caption: captionOf(entity), values };
}

function captionOf(entity: FtmEntity): string {
  const p = entity.properties;
  for (const property of CAPTION_PROPERTIES) {
    const first = p[property]?.find((v) => v.trim().length > 0);
    if (first) return first.trim().slice(0, 300);
  }
  const parts = [...(p.firstName ?? []), ...(p.lastName ?? [])].join(' ').trim();
  return parts.length > 0 ? parts.slice(0, 300) : entity.schema;
}
