import { JURISDICTIONS } from '@veza/shared';
import type {
  HandlingCode,
  JurisdictionCode,
  Locale,
  RefusalGround,
  RequestChannel,
  RequestUrgency,
} from '@veza/shared';
import { DEMO_DOMAIN } from '../scenario/demo-accounts.ts';

/** What a demo request is about, in the language it is written in (all people invented). */
export interface DemoRequestContent {
  language: Locale;
  sought: string;
  purpose: string;
  facts: string;
  offence: string;
  whyHeld: string;
  personLink: string;
  urgencyReasons?: string;
  restrictions?: string;
}

/** Where a demo request has got to, and when (hours before the moment the demo is loaded). */
export type DemoRequestOutcome =
  | { kind: 'draft' }
  | { kind: 'open' }
  | { kind: 'in_progress' }
  | { kind: 'delayed'; reason: string; expectedInHours: number }
  | { kind: 'answered'; completeness: 'fully' | 'partly'; afterHours: number; text: string; language: Locale }
  | { kind: 'refused'; ground: RefusalGround; afterHours: number; explanation: string }
  | { kind: 'withdrawn'; afterHours: number; reason: string };

export interface DemoRequest {
  from: JurisdictionCode;
  to: JurisdictionCode;
  /** The requester: a demo account, or else the trafficking unit's first officer of `from`. */
  requesterEmail?: string;
  /** A demo case of the requester's the request serves (by title). */
  caseTitle?: string;
  urgency: RequestUrgency;
  handlingCode: HandlingCode;
  evaluation: string;
  channel: RequestChannel;
  channelReference?: string;
  content: DemoRequestContent;
  /** Hours before loading at which the request was sent (and received). */
  sentHoursAgo: number;
  outcome: DemoRequestOutcome;
}

/**
 * The Novi Sad club case (Операција Бисер, Serbian trafficking unit) asks North Macedonia about the
 * transport of the girls over the Tabanovce crossing: the thread of the investigation story.
 */
const NOVI_SAD_TO_TABANOVCE: DemoRequest = {
  from: 'RS',
  to: 'MK',
  requesterEmail: `officer.rs@${DEMO_DOMAIN}`,
  caseTitle: 'Операција Бисер',
  urgency: 'urgent_indirect',
  handlingCode: 'H1',
  evaluation: 'B2',
  channel: 'siena',
  channelReference: 'SIENA-RS-2026-31877',
  content: {
    language: 'sr-Cyrl',
    sought:
      'Записници ГП Табановце о уласку возила BG-123-AB 2.–4. новембра 2026: возач, путници, време преласка и снимци камера.',
    purpose: 'Утврђивање пута којим су три девојке са Косова* доведене у клуб „Бисер“ у Новом Саду.',
    facts:
      'Девојке Валбона Ћерими и Блерта Зећири изјавиле су да их је возач довезао преко Табановца у новембру; возило је регистровано у Београду.',
    offence: 'Трговина људима (чл. 388 КЗ)',
    whyHeld: 'Гранична полиција Северне Македоније бележи возила и путнике на ГП Табановце.',
    personLink: 'Возач Ђорђе Ђорђевић је осумњичен да је превозио девојке за организатора Ђерђа Леку.',
    urgencyReasons: 'Осумњичени припремају нови превоз; девојке су и даље у опасности.',
    restrictions: 'Само за кривични поступак у Србији; не прослеђивати трећим државама.',
  },
  sentHoursAgo: 30,
  outcome: {
    kind: 'delayed',
    reason: 'Снимките од камерите ги чува Царинската управа; бараме нивно одобрение.',
    expectedInHours: 40,
  },
};

/** Requests written in the national language of the requesting side. */
const NATIONAL: readonly DemoRequest[] = [
  NOVI_SAD_TO_TABANOVCE,
  {
    from: 'MK',
    to: 'XK',
    urgency: 'standard',
    handlingCode: 'H0',
    evaluation: 'B3',
    channel: 'liaison_officer',
    channelReference: 'ОВ-МК-XK-118/26',
    content: {
      language: 'mk',
      sought: 'Податоци за сопственикот на телефонскиот број +383 44 512 307 и адресата во Призрен.',
      purpose: 'Идентификување на регрутер на жени за експлоатација.',
      facts: 'Две жени пресретнати на ГП Табановце изјавија дека ги вработил „Ѓерѓ“ од Призрен.',
      offence: 'Трговија со луѓе (чл. 418-а КЗ)',
      whyHeld: 'Бројот е косовски; операторот е регистриран во Приштина.',
      personLink: 'Бројот е единствениот контакт што жените го имале со регрутерот.',
    },
    sentHoursAgo: 200,
    outcome: {
      kind: 'answered',
      completeness: 'fully',
      afterHours: 120,
      text: 'The number is registered to Gjergj Leka, born 1984, residing in Prizren (street address in the attached note).',
      language: 'en',
    },
  },
  {
    from: 'AL',
    to: 'ME',
    urgency: 'urgent_direct',
    handlingCode: 'H2',
    evaluation: 'A2',
    channel: 'interpol_i247',
    channelReference: 'I247-TIA-2026-5521',
    content: {
      language: 'sq',
      sought:
        'A ka hyrë në Mal të Zi shtetasja shqiptare Elira Basha (lindur 2007) nga pika kufitare Han i Hotit?',
      purpose: 'Gjetja e një të mitur të zhdukur, viktimë e mundshme e trafikimit.',
      facts:
        'E mitura u zhduk nga Shkodra më 18 nëntor; telefoni i saj u lidh për herë të fundit pranë Ulqinit.',
      offence: 'Trafikimi i të miturve (neni 128/b KP)',
      whyHeld: 'Policia kufitare e Malit të Zi regjistron çdo hyrje në Han i Hotit.',
      personLink: 'Kërkohet vetëm vendndodhja e së miturës.',
      urgencyReasons: 'E mitur në rrezik të menjëhershëm; çdo orë ka rëndësi.',
    },
    sentHoursAgo: 5,
    outcome: { kind: 'in_progress' },
  },
  {
    from: 'HR',
    to: 'BA',
    urgency: 'standard',
    handlingCode: 'H1',
    evaluation: 'C3',
    channel: 'siena',
    channelReference: 'SIENA-HR-2026-77410',
    content: {
      language: 'hr',
      sought:
        'Podaci o tvrtki „Neretva Staff“ d.o.o. Mostar: vlasnici, zaposlenici prijavljeni 2026., adrese smještaja.',
      purpose: 'Istraga radne eksploatacije sezonskih radnika u Dubrovniku.',
      facts: 'Dvanaest radnika iz BiH radilo je bez plaće u hotelu; ugovore je sklopila tvrtka iz Mostara.',
      offence: 'Trgovanje ljudima (čl. 106. KZ)',
      whyHeld: 'Tvrtka je registrirana u Mostaru i ondje prijavljuje radnike.',
      personLink: 'Vlasnici tvrtke su osumnjičeni za organiziranje eksploatacije.',
    },
    sentHoursAgo: 260,
    outcome: {
      kind: 'refused',
      ground: 'judicial_authorisation_refused',
      afterHours: 150,
      explanation: 'Općinski sud u Mostaru nije odobrio pristup podacima o zaposlenicima.',
    },
  },
  {
    from: 'BA',
    to: 'RS',
    urgency: 'urgent_indirect',
    handlingCode: 'H0',
    evaluation: 'B2',
    channel: 'none',
    content: {
      language: 'bs',
      sought:
        'Da li je Amir Hodžić (rođen 1990.) prešao granicu kod Zvornika između 1. i 10. novembra 2026.?',
      purpose: 'Provjera alibija osumnjičenog za vrbovanje djevojaka za prosjačenje.',
      facts: 'Osumnjičeni tvrdi da je bio u Beogradu; svjedok ga je vidio u Tuzli 6. novembra.',
      offence: 'Trgovina ljudima (čl. 186. KZ BiH)',
      whyHeld: 'Granična policija Srbije evidentira prelaske na Zvorniku.',
      personLink: 'Prelazak granice potvrđuje ili pobija iskaz osumnjičenog.',
      urgencyReasons: 'Pritvor osumnjičenog ističe za četiri dana.',
    },
    sentHoursAgo: 100,
    outcome: { kind: 'open' },
  },
  {
    from: 'ME',
    to: 'AL',
    urgency: 'standard',
    handlingCode: 'H0',
    evaluation: 'X4',
    channel: 'none',
    content: {
      language: 'cnr',
      sought: 'Podaci o brodu „Deti i Kaltër“ iz Drača: vlasnik, posada i plovidbe ka Baru u oktobru 2026.',
      purpose: 'Istraga krijumčarenja ljudi morem.',
      facts: 'Lučka kapetanija Bar prijavila je iskrcavanje sedam osoba bez dokumenata s tog broda.',
      offence: 'Krijumčarenje ljudi (čl. 405 KZ CG)',
      whyHeld: 'Brod je upisan u registar u Draču.',
      personLink: 'Vlasnik broda je osumnjičen da organizuje prevoze.',
    },
    sentHoursAgo: 20,
    outcome: {
      kind: 'withdrawn',
      afterHours: 10,
      reason: 'Vlasnik broda je uhapšen u Crnoj Gori i dao je podatke.',
    },
  },
];

/** Requests in English, the language every point of contact accepts, across the other pairs. */
const TOPICS: readonly DemoRequestContent[] = [
  {
    language: 'en',
    sought: 'Registered keeper and border crossings of a van seen at the exploitation site.',
    purpose: 'Identify the transport used to move victims of sexual exploitation.',
    facts: 'Victims describe a white van with foreign plates collecting them weekly.',
    offence: 'Trafficking in human beings for sexual exploitation',
    whyHeld: 'The plates are of the requested jurisdiction.',
    personLink: 'The keeper is believed to be the driver.',
  },
  {
    language: 'en',
    sought: 'Subscriber and cell-site data for a mobile number used by a recruiter.',
    purpose: 'Locate a recruiter of young women for work abroad.',
    facts: 'Three women were recruited through the same number with false job offers.',
    offence: 'Trafficking in human beings (recruitment by deception)',
    whyHeld: 'The number belongs to an operator of the requested jurisdiction.',
    personLink: 'The subscriber is suspected to be the recruiter.',
  },
  {
    language: 'en',
    sought: 'Criminal records and known addresses of a suspected organiser.',
    purpose: 'Assess the risk of the suspect before an arrest.',
    facts: 'The suspect controls a group that forces children to beg in the capital.',
    offence: 'Trafficking in children for forced begging',
    whyHeld: 'The suspect is a national of the requested jurisdiction.',
    personLink: 'The records concern the suspect only.',
  },
  {
    language: 'en',
    sought: 'Bank accounts held by a company paying wages to exploited workers.',
    purpose: 'Trace the profits of labour exploitation.',
    facts: 'Workers received a fraction of their wages through a company account.',
    offence: 'Trafficking in human beings for labour exploitation; money laundering',
    whyHeld: 'The company is registered in the requested jurisdiction.',
    personLink: 'The company is owned by the suspected exploiter.',
  },
];

const ANSWERS = [
  'The vehicle is registered to a transport company; the crossings are listed in the attached table.',
  'Subscriber details and the main cell sites for the period are attached.',
  'The suspect has two convictions for smuggling of migrants; last known address attached.',
];

const GROUNDS: readonly RefusalGround[] = [
  'not_available',
  'data_category_not_permitted',
  'harm_to_security_or_investigation_or_safety',
  'minor_offence',
  'inaccurate_or_outdated',
  'request_incomplete',
  'originator_did_not_consent',
];

const URGENCIES: readonly RequestUrgency[] = ['standard', 'urgent_indirect', 'standard', 'urgent_direct'];

/**
 * The generated part: every ordered pair of jurisdictions has at most one request, in a fixed order,
 * each given one of a fixed cycle of outcomes (answered in time or late, refused on each ground,
 * delayed, open, overdue, drafts). No randomness: the same list on every load.
 */
function generated(count: number): DemoRequest[] {
  const pairs = JURISDICTIONS.flatMap((from) =>
    JURISDICTIONS.filter((to) => to !== from).map((to) => [from, to] as const),
  ).filter(([from, to]) => !NATIONAL.some((r) => r.from === from && r.to === to));
  return pairs.slice(0, count).map(([from, to], index): DemoRequest => {
    const urgency = URGENCIES[index % URGENCIES.length] ?? 'standard';
    const periodHours = urgency === 'urgent_direct' ? 8 : urgency === 'urgent_indirect' ? 72 : 168;
    const content = TOPICS[index % TOPICS.length] ?? (TOPICS[0] as DemoRequestContent);
    const urgent =
      urgency === 'standard' ? {} : { urgencyReasons: 'The victims are still in the hands of the group.' };
    const cycle = index % 6;
    const sentHoursAgo = 12 + ((index * 37) % 400);
    const outcome: DemoRequestOutcome =
      cycle === 0
        ? {
            kind: 'answered',
            completeness: 'fully',
            afterHours: periodHours / 2,
            text: ANSWERS[index % 3] ?? '',
            language: 'en',
          }
        : cycle === 1
          ? {
              kind: 'answered',
              completeness: Math.floor(index / 6) % 2 === 0 ? 'partly' : 'fully',
              afterHours: periodHours + 30,
              text: ANSWERS[(index + 1) % 3] ?? '',
              language: 'en',
            }
          : cycle === 2
            ? {
                kind: 'refused',
                ground: GROUNDS[Math.floor(index / 6) % GROUNDS.length] ?? 'not_available',
                afterHours: Math.min(periodHours / 3, sentHoursAgo / 2),
                explanation: 'See the ground; the explanation was given to the liaison officer in person.',
              }
            : cycle === 3
              ? {
                  kind: 'delayed',
                  reason: 'Waiting for the court to authorise access to the data.',
                  expectedInHours: 48,
                }
              : cycle === 4
                ? { kind: index % 4 === 0 ? 'in_progress' : 'open' }
                : { kind: index % 5 === 0 ? 'draft' : 'open' };
    return {
      from,
      to,
      urgency,
      handlingCode: (['H0', 'H1', 'H2', 'H3'] as const)[index % 4] ?? 'H0',
      evaluation: `${['A', 'B', 'C', 'X'][index % 4] ?? 'B'}${(index % 4) + 1}`,
      channel: (['siena', 'interpol_i247', 'liaison_officer', 'none'] as const)[index % 4] ?? 'none',
      ...(index % 4 !== 3 && { channelReference: `REF-${from}-${to}-2026-${String(1000 + index * 17)}` }),
      content: { ...content, ...urgent },
      sentHoursAgo,
      outcome,
    };
  });
}

/** A few dozen requests between the seven jurisdictions, in every state (issue 12, "Demo data"). */
export const DEMO_REQUESTS: readonly DemoRequest[] = [...NATIONAL, ...generated(30)];
export * from './volume.ts';
