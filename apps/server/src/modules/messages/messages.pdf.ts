import { serbianCyrillicToLatin } from '@veza/matching/serbian';
import { INTL_TAG } from '@veza/shared';
import type { Locale, Message, MessageThreadSummary } from '@veza/shared';
import { renderPdf } from '../../platform/pdf/index.ts';

/** The texts of a printed thread, in every UI language; Serbian Latin is derived from Cyrillic. */
const en = {
  title: 'Message thread',
  header: 'Handling code {code} (strictest in this thread) · each message carries its own code and 4x4',
  handlingCode: 'Handling code',
  evaluation: 'Evaluation (4x4)',
  from: 'From',
  to: 'To',
  provider: 'Provider',
  sent: 'Sent',
  restrictions: 'Restrictions stated by the provider',
  attachments: 'Attachments',
  link: 'Concerns',
  purposeCourt: 'Printed for use in court.',
  purposeInternal: 'Printed for internal use: not for court.',
  notForCourt: "H1: not to be used in court without the provider's permission.",
  courtGranted: 'H1: the provider permitted its use in court.',
  noPassingOn: "H2: not to be passed on without the provider's permission.",
  printed: 'Printed on {date} by {name}. The disclosure is recorded in the audit log.',
};
type Catalogue = Record<keyof typeof en, string>;

const sq: Catalogue = {
  title: 'Bisedë mesazhesh',
  header: 'Kodi i trajtimit {code} (më i rrepti në këtë bisedë) · çdo mesazh ka kodin dhe 4x4 e vet',
  handlingCode: 'Kodi i trajtimit',
  evaluation: 'Vlerësimi (4x4)',
  from: 'Nga',
  to: 'Për',
  provider: 'Ofruesi',
  sent: 'Dërguar',
  restrictions: 'Kufizimet e ofruesit',
  attachments: 'Bashkëngjitje',
  link: 'Lidhur me',
  purposeCourt: 'Shtypur për përdorim në gjykatë.',
  purposeInternal: 'Shtypur për përdorim të brendshëm: jo për gjykatë.',
  notForCourt: 'H1: nuk përdoret në gjykatë pa lejen e ofruesit.',
  courtGranted: 'H1: ofruesi lejoi përdorimin në gjykatë.',
  noPassingOn: 'H2: nuk u jepet të tjerëve pa lejen e ofruesit.',
  printed: 'Shtypur më {date} nga {name}. Dhënia regjistrohet në regjistrin e auditimit.',
};

const bs: Catalogue = {
  title: 'Niz poruka',
  header: 'Kod postupanja {code} (najstroži u nizu) · svaka poruka nosi svoj kod i 4x4',
  handlingCode: 'Kod postupanja',
  evaluation: 'Ocjena (4x4)',
  from: 'Od',
  to: 'Za',
  provider: 'Davalac',
  sent: 'Poslano',
  restrictions: 'Ograničenja davaoca',
  attachments: 'Prilozi',
  link: 'Odnosi se na',
  purposeCourt: 'Odštampano za upotrebu na sudu.',
  purposeInternal: 'Odštampano za internu upotrebu: nije za sud.',
  notForCourt: 'H1: ne koristi se na sudu bez dozvole davaoca.',
  courtGranted: 'H1: davalac je dozvolio upotrebu na sudu.',
  noPassingOn: 'H2: ne prosljeđuje se bez dozvole davaoca.',
  printed: 'Odštampano {date}, {name}. Otkrivanje je zabilježeno u revizijskom zapisu.',
};

const hr: Catalogue = {
  ...bs,
  title: 'Niz poruka',
  evaluation: 'Procjena (4x4)',
  provider: 'Pružatelj',
  restrictions: 'Ograničenja pružatelja',
  sent: 'Poslano',
  purposeCourt: 'Ispisano za uporabu na sudu.',
  purposeInternal: 'Ispisano za internu uporabu: nije za sud.',
  notForCourt: 'H1: ne upotrebljava se na sudu bez dopuštenja pružatelja.',
  courtGranted: 'H1: pružatelj je dopustio uporabu na sudu.',
  noPassingOn: 'H2: ne prosljeđuje se bez dopuštenja pružatelja.',
  printed: 'Ispisano {date}, {name}. Otkrivanje je zabilježeno u revizijskom zapisu.',
};

const srCyrl: Catalogue = {
  title: 'Низ порука',
  header: 'Код поступања {code} (најстрожи у низу) · свака порука носи свој код и 4x4',
  handlingCode: 'Код поступања',
  evaluation: 'Оцена (4x4)',
  from: 'Од',
  to: 'За',
  provider: 'Давалац',
  sent: 'Послато',
  restrictions: 'Ограничења даваоца',
  attachments: 'Прилози',
  link: 'Односи се на',
  purposeCourt: 'Одштампано за употребу на суду.',
  purposeInternal: 'Одштампано за интерну употребу: није за суд.',
  notForCourt: 'H1: не користи се на суду без дозволе даваоца.',
  courtGranted: 'H1: давалац је дозволио употребу на суду.',
  noPassingOn: 'H2: не прослеђује се без дозволе даваоца.',
  printed: 'Одштампано {date}, {name}. Откривање је забележено у ревизијском запису.',
};

const mk: Catalogue = {
  title: 'Низа пораки',
  header: 'Код на постапување {code} (најстрог во низата) · секоја порака има свој код и 4x4',
  handlingCode: 'Код на постапување',
  evaluation: 'Оценка (4x4)',
  from: 'Од',
  to: 'До',
  provider: 'Давател',
  sent: 'Испратено',
  restrictions: 'Ограничувања на давателот',
  attachments: 'Прилози',
  link: 'Се однесува на',
  purposeCourt: 'Отпечатено за употреба на суд.',
  purposeInternal: 'Отпечатено за внатрешна употреба: не за суд.',
  notForCourt: 'H1: не се користи на суд без дозвола од давателот.',
  courtGranted: 'H1: давателот дозволи употреба на суд.',
  noPassingOn: 'H2: не се проследува без дозвола од давателот.',
  printed: 'Отпечатено на {date} од {name}. Откривањето е запишано во ревизорскиот запис.',
};

const cnr: Catalogue = { ...bs, evaluation: 'Ocjena (4x4)', sent: 'Poslato' };

const srLatn = Object.fromEntries(
  Object.entries(srCyrl).map(([key, value]) => [key, serbianCyrillicToLatin(value)]),
) as Catalogue;

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = {
  en,
  sq,
  bs,
  hr,
  'sr-Cyrl': srCyrl,
  'sr-Latn': srLatn,
  mk,
  cnr,
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

export interface ThreadPrint {
  language: Locale;
  purpose: 'court' | 'internal';
  thread: MessageThreadSummary;
  messages: readonly Message[];
  printedBy: string;
  printedAt: Date;
}

const party = (p: Message['from']) => `${p.unitName ?? p.unitId} (${p.jurisdiction})`;

/** The thread as printed: every message with its handling code and 4x4, the strictest code on every page. */
export async function renderThreadPdf(print: ThreadPrint): Promise<Buffer> {
  const t = CATALOGUES[print.language] ?? en;
  const tag = INTL_TAG[print.language];
  const date = (iso: string) =>
    new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
      new Date(iso),
    ) + ' UTC';
  return renderPdf(
    {
      title: `${t.title}: ${print.thread.subject}`,
      lang: tag,
      header: fill(t.header, { code: print.thread.handlingCode }),
      footer: `${print.thread.handlingCode} · ${print.thread.id.slice(-8)}`,
    },
    (flow) => {
      flow.title(print.thread.subject);
      flow.subtitle(print.purpose === 'court' ? t.purposeCourt : t.purposeInternal);
      if (print.thread.link?.reference) flow.field(t.link, print.thread.link.reference);
      for (const message of print.messages) {
        flow.heading(`${message.handlingCode} · ${message.evaluation} — ${message.subject}`);
        flow.field(t.handlingCode, message.handlingCode);
        flow.field(t.evaluation, message.evaluation);
        flow.field(t.from, party(message.from));
        flow.field(t.to, party(message.to));
        if (message.forwarded) flow.field(t.provider, party(message.provider));
        flow.field(t.sent, date(message.sentAt));
        if (message.handlingCode === 'H1')
          flow.alert(print.purpose === 'court' ? t.courtGranted : t.notForCourt);
        if (message.handlingCode === 'H2') flow.alert(t.noPassingOn);
        // H3 (and any other code that states them): the restrictions come before the content.
        if (message.restrictions) flow.alert(`${t.restrictions}: ${message.restrictions}`);
        flow.paragraph(message.body ?? '');
        if (message.attachments.length > 0) {
          flow.field(t.attachments, '');
          flow.list(
            message.attachments.map(
              (a) =>
                `${a.fileName} (${a.mediaType}, ${a.size} B, SHA-256 ${a.sha256.slice(0, 16)}…) · ${message.handlingCode} · ${message.evaluation}`,
            ),
          );
        }
      }
      flow.note(fill(t.printed, { date: date(print.printedAt.toISOString()), name: print.printedBy }));
    },
  );
}
