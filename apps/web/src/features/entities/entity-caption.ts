import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isRelationshipType } from '@veza/graph/model';

/** i18next's `t`, or anything that formats a message of the catalogues the same way. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What a list needs to name an entity; `ends` are the ids of a relationship's two ends. */
export interface CaptionedEntity {
  readonly id: string;
  readonly schema: string;
  readonly caption: string;
  /** The caption names a person the reader may not identify (a supervisor by rank): it is empty. */
  readonly withheld?: boolean | undefined;
  readonly ends?: { readonly source: readonly string[]; readonly target: readonly string[] } | undefined;
}

/**
 * How lists, titles and pickers name an entity. A relationship entity (UsesPhone, Recruited ...) is
 * named by what it links, with its type in the reader's language: "Dragan Nikolić → +381 64 123 4567
 * (koristi telefon)". Its stored caption is not shown: it may be a word in the language of whoever
 * recorded it ("uses", "përdor"), which an analyst in another country cannot read.
 */
export function entityCaption(
  entity: CaptionedEntity,
  captionOf: (id: string) => string | undefined,
  t: Translate,
): string {
  if (!isRelationshipType(entity.schema))
    return entity.withheld ? t('casework.withheldPerson') : entity.caption;
  const translated = t(`casework.schemata.${entity.schema}`, { defaultValue: entity.schema });
  // The type follows the names in brackets, where a capital would read as the start of a sentence.
  const type = translated.charAt(0).toLocaleLowerCase() + translated.slice(1);
  const ends = entity.ends;
  // Ends that name no entity of the case (an import whose ends were not found): the stored caption.
  if (!ends || (ends.source.length === 0 && ends.target.length === 0)) {
    return t('casework.relationshipWithoutEnds', { caption: entity.caption, type });
  }
  const named = (ids: readonly string[]) =>
    ids.length === 0
      ? t('casework.unknownEnd')
      : ids.map((id) => captionOf(id) ?? t('casework.unknownEnd')).join(', ');
  return t('casework.relationshipCaption', { source: named(ends.source), target: named(ends.target), type });
}

/** An entity type (FtM schema: Person, UsesPhone ...) in the reader's language; unknown ones as they are. */
export function schemaName(schema: string, t: Translate): string {
  return t(`casework.schemata.${schema}`, { defaultValue: schema });
}

/** {@link entityCaption} for the entities of one case, the ends named by their captions in it. */
export function useEntityCaption(
  entities: readonly CaptionedEntity[] | undefined,
): (entity: CaptionedEntity) => string {
  const { t } = useTranslation();
  const captions = useMemo(
    () => new Map((entities ?? []).map((e) => [e.id, e.withheld ? t('casework.withheldPerson') : e.caption])),
    [entities, t],
  );
  return useCallback(
    (entity: CaptionedEntity) => entityCaption(entity, (id) => captions.get(id), t),
    [captions, t],
  );
}
