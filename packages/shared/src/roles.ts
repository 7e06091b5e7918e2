/** Roles a person may hold; one user may hold several. */
export const ROLES = [
  'officer',
  'analyst',
  'supervisor',
  'prosecutor',
  'judge',
  'ngo_caseworker',
  'national_coordinator',
  // International police cooperation officer of a single point of contact (SPOC): receives and
  // answers the information requests addressed to the jurisdiction, and sends its units' requests.
  'cooperation_officer',
  'trainer',
  'dpo',
  'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of agency, used to present and to seed the organisation. */
export const AGENCY_KINDS = [
  'border_police',
  'criminal_police',
  'public_order_police',
  'prosecution',
  'court',
  'ministry',
  'coordinator_office',
  'ngo',
  'international',
  'platform_operator',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const UNIT_KINDS = [
  'trafficking',
  'drugs',
  'organised_crime',
  'border',
  'public_order',
  'prosecution',
  'court',
  'coordination',
  // A single point of contact for international police cooperation (Directive 2023/977 art. 14).
  'international_cooperation',
  'shelter',
  'training',
  'data_protection',
  'administration',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Europol handling codes: H0 use for crime only; H1 not in court without permission; H2 not passed on; H3 other. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];
