/**
 * Every action the policy engine decides. Routes and screens never check a role by hand: they ask
 * the engine about one of these, and responses carry the actions the user may take on each object.
 */
export const ACTIONS = [
  // Organisation: jurisdictions, agencies, units (not personal data: visible to every signed-in user).
  'organisation.view',
  'organisation.manage',
  // People who use the system (personal data of staff).
  'user.view',
  'user.manage',
  // One's own account: switching two-factor authentication off (administrators must keep it).
  'account.totp.disable',
  // Audit trail.
  'audit.search',
  'audit.verify',
  // Records with need-to-know (cases, persons): used by the investigation and screening modules.
  'case.view',
  'case.edit',
  'case.disclose',
  'case.use_in_court',
  // Opening a case (its owning unit is the creator's), its team, and asking to join a team.
  'case.create',
  'case.manage_team',
  'case.request_join',
  'person.identity.view',
  // Screening: indicator instruments (not personal data) and assessments that store nothing.
  'screening.assess',
  'instrument.view',
  'instrument.publish',
  // Stored screenings (context, answers, the person's own words) and the persons met in them.
  'screening.create',
  'screening.view',
  'screening.edit',
  'victim.create',
  'victim.view',
  'victim.identity.view',
  'victim.consent.record',
  // Referral: the directory of service providers (not personal data) and referrals of persons to them.
  'provider.view',
  'provider.manage',
  'referral.view',
  'referral.create',
  'referral.send',
  'referral.respond',
  'referral.acknowledge',
  'referral.close',
  // Information requests between the points of contact of two jurisdictions (Directive 2023/977).
  'request.view',
  'request.create',
  'request.send',
  'request.withdraw',
  'request.start',
  'request.delay',
  'request.answer',
  'request.refuse',
  // Counts per pair of jurisdictions (in time, late, refusals by ground), withheld under 11 requests.
  'request.statistics',
  // Handling-coded messages between units, across jurisdictions: reading (marks read, a disclosure),
  // sending, acknowledging, passing on (H2: only with the provider's permission), asking the provider
  // and answering, and printing a thread for court (H1: only with the provider's permission).
  'message.view',
  'message.send',
  'message.acknowledge',
  'message.forward',
  'message.permission.ask',
  'message.permission.answer',
  'message.use_in_court',
  // Directory of contact points: everyone signed in reads it; a jurisdiction's coordinators and
  // administrators keep (edit and confirm) its entries.
  'directory.view',
  'directory.manage',
  // One's own calendar feed (deadlines of the requests one handles ...) and its secret address.
  'calendar.view',
  'calendar.manage',
  // Statistics: protected counts (k = 11, rounded) and their CSV export.
  'statistics.view',
  'statistics.export',
] as const;
export type Action = (typeof ACTIONS)[number];
