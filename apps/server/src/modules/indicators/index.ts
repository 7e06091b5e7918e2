export { indicatorsModule } from './indicators.module.ts';
export { indicatorRoutes } from './indicators.routes.ts';
export { ensureDefaultInstruments } from './indicators.seed.ts';
// The engine is browser-safe and shared with the offline screen; the server's modules take it from here.
export {
  assess,
  RULES,
  raisesNonPunishmentAlert,
  unknownIndicatorIds,
} from '@veza/shared/screening/assessment';
export { findPublishedVersion, type InstrumentVersionRow } from './indicators.repository.ts';
export { DEFAULT_LIBRARY, FULL_INTERVIEW_ID, RAPID_SCREEN_ID } from './library/index.ts';
export { instrumentContent } from './indicators.repository.ts';
