/**
 * Codes of modules/directory. `invalid_phone_number` names a field inside a `validation_failed`
 * answer (a number libphonenumber-js finds invalid), and so does
 * `unit_of_other_jurisdiction` (the Veza unit linked to an entry works elsewhere); `unknown_jurisdiction` answers an export for a code that is none of
 * the seven.
 */
export const DIRECTORY_ERROR_CODES = [
  'invalid_phone_number',
  'unknown_jurisdiction',
  'unit_of_other_jurisdiction',
] as const;
export type DirectoryErrorCode = (typeof DIRECTORY_ERROR_CODES)[number];
