/** Codes of modules/screenings: stored screenings, also those synchronised late from a device. */
export const SCREENINGS_ERROR_CODES = [
  'sync_conflict',
  'client_id_taken',
  'screening_saved_meanwhile',
] as const;
export type ScreeningsErrorCode = (typeof SCREENINGS_ERROR_CODES)[number];
