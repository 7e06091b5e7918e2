export { screeningRoutes } from './screening.routes.ts';
export { ensureDefaultInstruments } from './screening.seed.ts';
export { assess, RULES, raisesNonPunishmentAlert, unknownIndicatorIds } from './screening.assessment.ts';
export { findPublishedVersion, type InstrumentVersionRow } from './screening.repository.ts';
export { DEFAULT_LIBRARY, FULL_INTERVIEW_ID, RAPID_SCREEN_ID } from './library/index.ts';
