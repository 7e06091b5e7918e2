import { serbianCyrillicToLatin } from '@veza/matching/serbian';
import { INTL_TAG } from '@veza/shared';
import type { Locale } from '@veza/shared';
import { renderPdf } from '../../platform/pdf/index.ts';

/** The texts of the case summary, in every UI language; Serbian Latin is derived from Cyrillic. */
const en = {
  title: 'Case summary',
  reference: 'Reference',
  caseTitle: 'Title',
  type: 'Type',
  jurisdiction: 'Jurisdiction',
  handlingCode: 'Handling code',
  status: 'Status',
  legalBasis: 'Legal basis',
  team: 'Case team',
  entities: 'What the case holds',
  calls: 'Call records',
  callCount: 'Calls',
  period: 'Period',
  numbers: 'Numbers',
  busiest: 'Most frequent callers and callees',
  pairLine: '{caller} → {callee}: {calls} calls',
  disclosure: 'Disclosure',
  recipient: 'Recipient',
  purpose: 'Purpose',
  printed: 'Printed on {date} by {name}. The disclosure is recorded in the audit log.',
  notForCourt: "H1: not to be used in court without the provider's permission.",
  withheld:
    'Left out because their handling code (H2, H3) forbids passing them on: {statements} statements, {entities} entities.',
  none: 'None',
};
type Catalogue = Record<keyof typeof en, string>;

const sq: Catalogue = {
  title: 'Përmbledhje e çështjes',
  reference: 'Referenca',
  caseTitle: 'Titulli',
  type: 'Lloji',
  jurisdiction: 'Juridiksioni',
  handlingCode: 'Kodi i trajtimit',
  status: 'Statusi',
  legalBasis: 'Baza ligjore',
  team: 'Ekipi i çështjes',
  entities: 'Çfarë përmban çështja',
  calls: 'Regjistrat e thirrjeve',
  callCount: 'Thirrje',
  period: 'Periudha',
  numbers: 'Numra',
  busiest: 'Thirrësit dhe të thirrurit më të shpeshtë',
  pairLine: '{caller} → {callee}: {calls} thirrje',
  disclosure: 'Dhënia e informacionit',
  recipient: 'Marrësi',
  purpose: 'Qëllimi',
  printed: 'Shtypur më {date} nga {name}. Dhënia regjistrohet në regjistrin e auditimit.',
  notForCourt: 'H1: nuk përdoret në gjykatë pa lejen e ofruesit.',
  withheld:
    'Lënë jashtë sepse kodi i trajtimit (H2, H3) ndalon dhënien e tyre: {statements} deklarata, {entities} entitete.',
  none: 'Asnjë',
};

const srCyrl: Catalogue = {
  title: 'Сажетак предмета',
  reference: 'Број',
  caseTitle: 'Назив',
  type: 'Врста',
  jurisdiction: 'Надлежност',
  handlingCode: 'Ознака поступања',
  status: 'Стање',
  legalBasis: 'Правни основ',
  team: 'Тим предмета',
  entities: 'Шта предмет садржи',
  calls: 'Записи позива',
  callCount: 'Позиви',
  period: 'Период',
  numbers: 'Бројеви',
  busiest: 'Најчешћи позиваоци и позвани',
  pairLine: '{caller} → {callee}: позива {calls}',
  disclosure: 'Откривање података',
  recipient: 'Прималац',
  purpose: 'Сврха',
  printed: 'Одштампано {date}, корисник {name}. Откривање је забележено у дневнику ревизије.',
  notForCourt: 'H1: не сме се користити на суду без дозволе даваоца.',
  withheld:
    'Изостављено јер ознака поступања (H2, H3) забрањује прослеђивање: навода {statements}, ентитета {entities}.',
  none: 'Нема',
};

const mk: Catalogue = {
  title: 'Резиме на предметот',
  reference: 'Број',
  caseTitle: 'Наслов',
  type: 'Вид',
  jurisdiction: 'Надлежност',
  handlingCode: 'Ознака за постапување',
  status: 'Состојба',
  legalBasis: 'Правна основа',
  team: 'Тим на предметот',
  entities: 'Што содржи предметот',
  calls: 'Записи на повици',
  callCount: 'Повици',
  period: 'Период',
  numbers: 'Броеви',
  busiest: 'Најчести повикувачи и повикани',
  pairLine: '{caller} → {callee}: повици {calls}',
  disclosure: 'Откривање на податоци',
  recipient: 'Примач',
  purpose: 'Цел',
  printed: 'Испечатено на {date}, корисник {name}. Откривањето е евидентирано во дневникот за ревизија.',
  notForCourt: 'H1: не смее да се користи на суд без дозвола од давателот.',
  withheld:
    'Изоставено затоа што ознаката за постапување (H2, H3) забранува проследување: наводи {statements}, ентитети {entities}.',
  none: 'Нема',
};

const bs: Catalogue = {
  title: 'Sažetak predmeta',
  reference: 'Broj',
  caseTitle: 'Naziv',
  type: 'Vrsta',
  jurisdiction: 'Nadležnost',
  handlingCode: 'Oznaka postupanja',
  status: 'Stanje',
  legalBasis: 'Pravni osnov',
  team: 'Tim predmeta',
  entities: 'Šta predmet sadrži',
  calls: 'Zapisi poziva',
  callCount: 'Pozivi',
  period: 'Period',
  numbers: 'Brojevi',
  busiest: 'Najčešći pozivaoci i pozvani',
  pairLine: '{caller} → {callee}: poziva {calls}',
  disclosure: 'Otkrivanje podataka',
  recipient: 'Primalac',
  purpose: 'Svrha',
  printed: 'Odštampano {date}, korisnik {name}. Otkrivanje je zabilježeno u dnevniku revizije.',
  notForCourt: 'H1: ne smije se koristiti na sudu bez dozvole davaoca.',
  withheld:
    'Izostavljeno jer oznaka postupanja (H2, H3) zabranjuje prosljeđivanje: navoda {statements}, entiteta {entities}.',
  none: 'Nema',
};

const hr: Catalogue = {
  ...bs,
  caseTitle: 'Naziv',
  status: 'Stanje',
  pairLine: '{caller} → {callee}: poziva {calls}',
  busiest: 'Najčešći pozivatelji i pozvani',
  recipient: 'Primatelj',
  printed: 'Ispisano {date}, korisnik {name}. Otkrivanje je zabilježeno u dnevniku revizije.',
  notForCourt: 'H1: ne smije se koristiti na sudu bez dopuštenja davatelja.',
  withheld:
    'Izostavljeno jer oznaka postupanja (H2, H3) zabranjuje prosljeđivanje: navoda {statements}, entiteta {entities}.',
  legalBasis: 'Pravna osnova',
  period: 'Razdoblje',
};

const cnr: Catalogue = {
  ...bs,
  printed: 'Odštampano {date}, korisnik {name}. Otkrivanje je evidentirano u dnevniku revizije.',
};

function latin(catalogue: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, text]) => [key, serbianCyrillicToLatin(text)]),
  ) as Catalogue;
}

const MESSAGES: Readonly<Record<Locale, Catalogue>> = {
  en,
  sq,
  mk,
  'sr-Cyrl': srCyrl,
  'sr-Latn': latin(srCyrl),
  bs,
  hr,
  cnr,
};

export interface CaseSummaryData {
  reference: string;
  title: string;
  type: string;
  jurisdiction: string;
  handlingCode: string;
  status: string;
  legalBasis: string | null;
  team: string[];
  entitiesBySchema: [string, number][];
  calls: { count: number; first: Date | null; last: Date | null; numbers: number };
  busiest: { caller: string; callee: string; calls: number }[];
  recipient: string;
  purpose: string;
  printedBy: string;
  printedAt: Date;
  withheldStatements: number;
  withheldEntities: number;
  notForCourt: boolean;
}

/** The case summary PDF, in the reader's language: what the case holds, never who (no names of persons). */
export async function renderCaseSummary(locale: Locale, data: CaseSummaryData): Promise<Buffer> {
  const m = MESSAGES[locale];
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  const tag = INTL_TAG[locale];
  const date = (d: Date) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  const number = (n: number) => new Intl.NumberFormat(tag).format(n);
  return renderPdf({ title: `${m.title}: ${data.reference}`, lang: tag, footer: data.reference }, (flow) => {
    flow.title(`${m.title}: ${data.reference}`).subtitle(data.title);
    if (data.notForCourt) flow.alert(m.notForCourt);
    flow
      .field(m.reference, data.reference)
      .field(m.caseTitle, data.title)
      .field(m.type, data.type)
      .field(m.jurisdiction, data.jurisdiction)
      .field(m.handlingCode, data.handlingCode)
      .field(m.status, data.status)
      .field(m.legalBasis, data.legalBasis ?? m.none);
    flow.heading(m.team).list(data.team.length > 0 ? data.team : [m.none]);
    flow
      .heading(m.entities)
      .list(
        data.entitiesBySchema.length > 0
          ? data.entitiesBySchema.map(([schema, count]) => `${schema}: ${number(count)}`)
          : [m.none],
      );
    flow.heading(m.calls).field(m.callCount, number(data.calls.count));
    if (data.calls.first && data.calls.last)
      flow.field(m.period, `${date(data.calls.first)} – ${date(data.calls.last)}`);
    flow.field(m.numbers, number(data.calls.numbers));
    if (data.busiest.length > 0)
      flow
        .heading(m.busiest)
        .list(data.busiest.map((p) => fill(m.pairLine, { ...p, calls: number(p.calls) })));
    flow.heading(m.disclosure).field(m.recipient, data.recipient).field(m.purpose, data.purpose);
    if (data.withheldStatements > 0 || data.withheldEntities > 0)
      flow.note(
        fill(m.withheld, {
          statements: number(data.withheldStatements),
          entities: number(data.withheldEntities),
        }),
      );
    flow.note(fill(m.printed, { date: date(data.printedAt), name: data.printedBy }));
  });
}
