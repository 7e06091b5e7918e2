import type { Locale, LocalisedText } from '@veza/shared';
import { INTL_TAG } from '@veza/shared';
import { renderPdf } from '../../platform/pdf/index.ts';
import type { PdfFlow } from '../../platform/pdf/index.ts';
import { documentText } from './documents.messages.ts';
import type { DocumentText } from './documents.messages.ts';

/** Who the person is, printed only when the reader may know it and asked for it with a reason. */
export interface PrintedIdentity {
  givenName: string;
  familyName: string;
  birthDate?: string | null;
  guardian?: { name: string; relation: string } | null;
  /** The reader's justification, printed with the identity so the paper carries it too. */
  justification: string;
}

interface Printing {
  printedBy: string;
  printedAt: string;
}

export interface ScreeningSummaryData extends Printing {
  reference: string;
  personReference: string | null;
  jurisdiction: string;
  occurredAt: string;
  setting: string;
  place: string;
  stage: string;
  instrument: { id: string; version: number; title: LocalisedText | null };
  interviewLanguage: string;
  interpreterLanguage: string | null;
  age: number | null;
  ageInDoubt: boolean;
  screenedBy: string;
  outcome: string;
  rule: string;
  childRule: boolean;
  nonPunishmentAlert: boolean;
  exploitationTypes: readonly string[];
  /** The indicators answered yes, with their wording in every language when the instrument is known. */
  indicatorsYes: readonly { id: string; text: LocalisedText | null }[];
  identity: PrintedIdentity | null;
}

export interface ReferralFormData extends Printing {
  reference: string;
  personReference: string;
  screeningReference: string | null;
  kind: string;
  service: string;
  provider: { name: string; city: string } | null;
  fromJurisdiction: string;
  toJurisdiction: string | null;
  procedure: string | null;
  status: string;
  urgent: boolean;
  createdAt: string;
  reflection: { startsAt: string; endsAt: string } | null;
  acknowledgeBy: string | null;
  sharedScope: readonly string[];
  identity: PrintedIdentity | null;
}

/**
 * The screening summary: one part per language (the officer's, then the person's), each complete on
 * its own so either can be handed over. The narrative (the person's own words) is never printed.
 */
export function renderScreeningSummary(
  data: ScreeningSummaryData,
  locales: readonly Locale[],
): Promise<Buffer> {
  const parts = distinct(locales);
  return renderPdf(
    {
      title: parts.map((l) => documentText(l).t('title.screening')).join(' / ') + ` ${data.reference}`,
      lang: INTL_TAG[parts[0] ?? 'en'],
      footer: data.reference,
    },
    (flow) =>
      parts.forEach((locale, index) => {
        if (index > 0) flow.newPage();
        screeningPart(flow, documentText(locale), data);
      }),
  );
}

export function renderReferralForm(data: ReferralFormData, locales: readonly Locale[]): Promise<Buffer> {
  const parts = distinct(locales);
  return renderPdf(
    {
      title: parts.map((l) => documentText(l).t('title.referral')).join(' / ') + ` ${data.reference}`,
      lang: INTL_TAG[parts[0] ?? 'en'],
      footer: data.reference,
    },
    (flow) =>
      parts.forEach((locale, index) => {
        if (index > 0) flow.newPage();
        referralPart(flow, documentText(locale), data);
      }),
  );
}

function screeningPart(flow: PdfFlow, text: DocumentText, data: ScreeningSummaryData): void {
  const { t } = text;
  header(flow, text, t('title.screening'), data.reference);
  flow.note(t('notVerdict'));

  flow.heading(t('section.person'));
  personFields(flow, text, data.personReference, data.identity);

  flow.heading(t('section.screening'));
  flow
    .field(t('occurredAt'), text.dateTime(data.occurredAt))
    .field(t('jurisdiction'), text.region(data.jurisdiction))
    .field(t('place'), data.place)
    .field(t('setting'), text.tEnum('setting', data.setting))
    .field(t('stage'), text.tEnum('stage', data.stage))
    .field(
      t('instrument'),
      `${data.instrument.title?.[text.locale] ?? data.instrument.id} (v${data.instrument.version})`,
    )
    .field(t('interviewLanguage'), text.language(data.interviewLanguage))
    .field(
      t('interpreterLanguage'),
      data.interpreterLanguage ? text.language(data.interpreterLanguage) : t('noInterpreter'),
    )
    .field(t('age'), ageText(text, data))
    .field(t('screenedBy'), data.screenedBy);

  flow.heading(t('section.assessment'));
  flow.field(t('outcome'), text.tEnum('outcome', data.outcome)).field(t('rule'), data.rule);
  if (data.exploitationTypes.length > 0) {
    flow.field(
      t('exploitationTypes'),
      data.exploitationTypes.map((type) => text.tEnum('exploitation', type)).join(', '),
    );
  }
  if (data.childRule) flow.paragraph(t('childRule'));
  if (data.nonPunishmentAlert) flow.alert(t('nonPunishment'));

  flow.heading(t('section.indicators'));
  if (data.indicatorsYes.length === 0) flow.paragraph(t('noIndicators'));
  else flow.list(data.indicatorsYes.map((i) => i.text?.[text.locale] ?? i.id));

  footerNotes(flow, text, data);
  flow.signatures([t('signOfficer'), t('signPerson')]);
}

function referralPart(flow: PdfFlow, text: DocumentText, data: ReferralFormData): void {
  const { t } = text;
  header(flow, text, t('title.referral'), data.reference);

  flow.heading(t('section.person'));
  personFields(flow, text, data.personReference, data.identity);

  flow.heading(t('section.referral'));
  flow
    .field(t('kind'), text.tEnum('kind', data.kind))
    .field(t('status'), text.tEnum('status', data.status))
    .field(t('service'), text.tEnum('service', data.service))
    .field(t('fromJurisdiction'), text.region(data.fromJurisdiction));
  if (data.provider) flow.field(t('provider'), `${data.provider.name}, ${data.provider.city}`);
  if (data.toJurisdiction) flow.field(t('toJurisdiction'), text.region(data.toJurisdiction));
  if (data.procedure) flow.field(t('procedure'), text.tEnum('procedure', data.procedure));
  if (data.screeningReference) flow.field(t('screening'), data.screeningReference);
  flow
    .field(t('urgent'), data.urgent ? t('yes') : t('no'))
    .field(t('createdAt'), text.dateTime(data.createdAt));
  if (data.acknowledgeBy) flow.field(t('acknowledgeBy'), text.dateTime(data.acknowledgeBy));

  flow.heading(t('section.reflection'));
  if (data.reflection) {
    flow.paragraph(
      t('reflectionPeriod', {
        from: text.date(data.reflection.startsAt),
        to: text.date(data.reflection.endsAt),
      }),
    );
  }
  flow.note(t('reflectionNote'));

  flow.heading(t('section.shared'));
  if (data.sharedScope.length === 0) flow.paragraph(t('nothingShared'));
  else flow.list(data.sharedScope.map((scope) => text.tEnum('scope', scope)));

  footerNotes(flow, text, data);
  flow.signatures([t('signOfficer'), t('signPerson'), t('signReceiver')]);
}

function header(flow: PdfFlow, text: DocumentText, title: string, reference: string): void {
  flow.title(title);
  flow.subtitle(
    `${text.t('reference')}: ${reference}   ·   ${text.t('languagePart', { language: text.language(text.locale) })}`,
  );
}

function personFields(
  flow: PdfFlow,
  text: DocumentText,
  personReference: string | null,
  identity: PrintedIdentity | null,
): void {
  const { t } = text;
  flow.field(t('personReference'), personReference ?? t('personNotLinked'));
  if (!identity) {
    if (personReference) flow.note(t('identityWithheld'));
    return;
  }
  flow.field(t('name'), `${identity.givenName} ${identity.familyName}`);
  if (identity.birthDate) flow.field(t('birthDate'), text.date(identity.birthDate));
  if (identity.guardian)
    flow.field(t('guardian'), `${identity.guardian.name} (${identity.guardian.relation})`);
}

function footerNotes(
  flow: PdfFlow,
  text: DocumentText,
  data: Printing & { identity: PrintedIdentity | null },
): void {
  const { t } = text;
  flow.heading(t('section.signatures'));
  flow.note(t('confidential'));
  flow.note(t('printedBy', { date: text.dateTime(data.printedAt), name: data.printedBy }));
  if (data.identity) {
    flow.note(t('identityPrinted', { name: data.printedBy, justification: data.identity.justification }));
  }
}

function ageText(text: DocumentText, data: ScreeningSummaryData): string {
  const age = data.age === null ? text.t('ageUnknown') : String(data.age);
  return data.ageInDoubt ? `${age} (${text.t('ageInDoubt')})` : age;
}

function distinct(locales: readonly Locale[]): Locale[] {
  const unique = [...new Set(locales)];
  return unique.length > 0 ? unique : ['en'];
}
