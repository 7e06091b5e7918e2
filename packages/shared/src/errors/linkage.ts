/** Codes of modules/linkage: suggestions, merges and hits across cases. */
export const LINKAGE_ERROR_CODES = ['entity_not_merged'] as const;
export type LinkageErrorCode = (typeof LINKAGE_ERROR_CODES)[number];
