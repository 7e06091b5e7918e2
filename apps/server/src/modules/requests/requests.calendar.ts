import { serbianCyrillicToLatin } from '@veza/matching/serbian';
import type { Locale } from '@veza/shared';
import type { CalendarContributor, CalendarEvent } from '../../platform/calendar.ts';
import { listScope } from '../../platform/policy/index.ts';
import { openDeadlinesOfUnits } from './requests.repository.ts';

interface Texts {
  /** The event's title: the reference only, never a name, a case title or what is sought. */
  summary: string;
  description: string;
}

const srCyrl: Texts = {
  summary: 'Рок за захтев {reference}',
  description: 'Рок за одговор на захтев за информације {reference} ({from}). Отворите захтев у Вези.',
};

/** The feed is written by the server, so its texts live here, in every UI language. */
export const CALENDAR_TEXTS: Readonly<Record<Locale, Texts>> = {
  en: {
    summary: 'Request {reference} due',
    description: 'The answer to information request {reference} ({from}) is due. Open the request in Veza.',
  },
  sq: {
    summary: 'Afati i kërkesës {reference}',
    description:
      'Afati i përgjigjes për kërkesën për informacion {reference} ({from}). Hapeni kërkesën në Veza.',
  },
  mk: {
    summary: 'Рок за барањето {reference}',
    description:
      'Рок за одговор на барањето за информации {reference} ({from}). Отворете го барањето во Веза.',
  },
  'sr-Cyrl': srCyrl,
  'sr-Latn': {
    summary: serbianCyrillicToLatin(srCyrl.summary),
    description: serbianCyrillicToLatin(srCyrl.description),
  },
  bs: {
    summary: 'Rok za zahtjev {reference}',
    description: 'Rok za odgovor na zahtjev za informacije {reference} ({from}). Otvorite zahtjev u Vezi.',
  },
  hr: {
    summary: 'Rok za zahtjev {reference}',
    description: 'Rok za odgovor na zahtjev za informacije {reference} ({from}). Otvorite zahtjev u Vezi.',
  },
  cnr: {
    summary: 'Rok za zahtjev {reference}',
    description: 'Rok za odgovor na zahtjev za informacije {reference} ({from}). Otvorite zahtjev u Vezi.',
  },
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** A deadline is a moment; calendars want a span, so the event is the quarter of an hour it ends. */
const SPAN_MS = 15 * 60_000;

/**
 * The answer deadlines of the requests the user's SPOC unit handles (the policy's `request.answer`
 * scope: the cooperation officers of the requested side's holding unit), one event per request.
 */
export const requestDeadlines: CalendarContributor = async (q, { actor, language }) => {
  const scope = listScope(actor, 'request.answer', 'information_request');
  if (scope.kind !== 'units') return [];
  const texts = CALENDAR_TEXTS[language];
  const rows = await openDeadlinesOfUnits(q, scope.unitIds);
  return rows.flatMap((row): CalendarEvent[] => {
    if (!row.dueAt) return [];
    const values = { reference: row.reference, from: row.fromJurisdictionCode };
    return [
      {
        uid: `request-${row.id}-due@veza`,
        start: new Date(row.dueAt.getTime() - SPAN_MS),
        end: row.dueAt,
        summary: fill(texts.summary, values),
        description: fill(texts.description, values),
        path: `/requests/${row.id}`,
      },
    ];
  });
};
