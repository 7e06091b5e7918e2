import { z } from 'zod';
import type { JurisdictionCode } from '../jurisdictions.ts';
import { Allowed, JurisdictionCodeSchema, Line, Pagination, Timestamp, Uuid } from './common.ts';

/**
 * Functions of the directory of contact points (issue 12, "Directory of contact points"): who to
 * call across a border for police cooperation, mutual legal assistance and victim referral.
 */
export const DIRECTORY_FUNCTIONS = [
  'spoc',
  'interpol_ncb',
  'europol_liaison',
  'selec_liaison',
  'mla_central_authority',
  'prosecutor_office',
  'jit_expert',
  'anti_trafficking_coordinator',
  'transnational_referral_point',
  'drugs_unit',
  'trafficking_unit',
] as const;
export type DirectoryFunction = (typeof DIRECTORY_FUNCTIONS)[number];

/** How a contact point is reached: telephone, secure e-mail, Europol's SIENA, INTERPOL's I-24/7. */
export const CHANNEL_KINDS = ['phone', 'secure_email', 'siena', 'i247'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** An entry is confirmed by its owner every six months; after that it is overdue. */
export const CONFIRMATION_PERIOD_MONTHS = 6;

/** Requests may always be written in English (the request language rule), whatever else is listed. */
export const REQUEST_LANGUAGE = 'en';

/** The local time zone of each jurisdiction's contact points (Kosovo* keeps Belgrade's rules). */
export const JURISDICTION_TIME_ZONES: Readonly<Record<JurisdictionCode, string>> = {
  AL: 'Europe/Tirane',
  BA: 'Europe/Sarajevo',
  HR: 'Europe/Zagreb',
  XK: 'Europe/Belgrade',
  ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje',
  RS: 'Europe/Belgrade',
};

/** True for a time zone name the IANA database (as Intl knows it) holds: Europe/Skopje, UTC. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const LanguageCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}$/);

const TimeZone = z.string().trim().max(64).refine(isTimeZone, { message: 'Not an IANA time zone' });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** ISO weekday numbers: 1 Monday ... 7 Sunday. */
const Weekday = z.number().int().min(1).max(7);

export const AvailabilitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('always'), timeZone: TimeZone }),
  z
    .strictObject({
      kind: z.literal('office'),
      days: z.array(Weekday).min(1).max(7),
      opens: ClockTime,
      closes: ClockTime,
      timeZone: TimeZone,
    })
    .refine((hours) => hours.opens < hours.closes, {
      message: 'Closes before it opens',
      path: ['closes'],
    })
    .refine((hours) => new Set(hours.days).size === hours.days.length, {
      message: 'A day is listed twice',
      path: ['days'],
    }),
]);
export type Availability = z.infer<typeof AvailabilitySchema>;

/**
 * One way to reach a contact point. Telephone numbers are checked and written in E.164 by the server
 * (libphonenumber-js, national forms in the entry's country); a secure e-mail must be an address;
 * SIENA and I-24/7 addresses are the mailbox names those systems use.
 */
export const ChannelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('phone'), address: Line(40) }),
  z.strictObject({ kind: z.literal('secure_email'), address: z.email().max(254) }),
  z.strictObject({ kind: z.literal('siena'), address: Line(200) }),
  z.strictObject({ kind: z.literal('i247'), address: Line(200) }),
]);
export type Channel = z.infer<typeof ChannelSchema>;

export const DirectoryEntrySchema = z.object({
  id: Uuid,
  jurisdiction: JurisdictionCodeSchema,
  function: z.enum(DIRECTORY_FUNCTIONS),
  organisation: z.string(),
  /** The officer's name, in the script it is written in; personal data (reads are audited). */
  contactName: z.string().nullable(),
  /** Languages requests are accepted in; English is always among them. */
  languages: z.array(z.string()),
  availability: AvailabilitySchema,
  channels: z.array(ChannelSchema),
  /** The Veza unit this contact point is, when it works in Veza. */
  unitId: Uuid.nullable(),
  lastConfirmedAt: Timestamp,
  /** Six months after the last confirmation. */
  confirmationDueAt: Timestamp,
  overdue: z.boolean(),
  updatedAt: Timestamp,
  allowed: Allowed,
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

const EntryFields = {
  function: z.enum(DIRECTORY_FUNCTIONS),
  organisation: Line(200),
  contactName: Line(120).nullable().optional().default(null),
  languages: z.array(LanguageCode).max(20).optional().default([]),
  availability: AvailabilitySchema,
  channels: z.array(ChannelSchema).min(1).max(12),
  unitId: Uuid.nullable().optional().default(null),
};

export const DirectoryEntryCreateSchema = z.strictObject({
  jurisdiction: JurisdictionCodeSchema,
  ...EntryFields,
});
export type DirectoryEntryCreate = z.input<typeof DirectoryEntryCreateSchema>;
export type DirectoryEntryCreateParsed = z.output<typeof DirectoryEntryCreateSchema>;

/** A change replaces the entry's fields; the jurisdiction stays. */
export const DirectoryEntryUpdateSchema = z.strictObject(EntryFields);
export type DirectoryEntryUpdate = z.input<typeof DirectoryEntryUpdateSchema>;
export type DirectoryEntryUpdateParsed = z.output<typeof DirectoryEntryUpdateSchema>;

export const DirectoryListQuery = z.strictObject({
  jurisdiction: JurisdictionCodeSchema.optional(),
  function: z.enum(DIRECTORY_FUNCTIONS).optional(),
  language: LanguageCode.optional(),
  /** Words of an organisation's or a person's name, in any script. */
  q: z.string().trim().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...Pagination,
});
export type DirectoryListFilter = z.infer<typeof DirectoryListQuery>;

export const DirectoryPageSchema = z.object({
  items: z.array(DirectoryEntrySchema),
  total: z.number().int(),
  overdue: z.number().int(),
});
export type DirectoryPage = z.infer<typeof DirectoryPageSchema>;

/** Export of one jurisdiction's entries; an unknown code answers 400 `unknown_jurisdiction`. */
export const DirectoryExportQuery = z.strictObject({ jurisdiction: z.string().trim().max(10) });

/** What `veza directory reminders` and the timer report. */
export const DirectoryReminderRunSchema = z.object({ overdue: z.number().int(), reminded: z.number().int() });
export type DirectoryReminderRun = z.infer<typeof DirectoryReminderRunSchema>;
