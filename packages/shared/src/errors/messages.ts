/**
 * Codes of modules/messages (handling-coded exchange between units). The two `handling_code_*` codes
 * are the provider's restrictions speaking: H2 forbids passing a message on, H1 its use in court,
 * unless the provider has granted it.
 */
export const MESSAGES_ERROR_CODES = [
  'handling_code_forbids_forwarding',
  'handling_code_requires_permission',
  'forward_to_own_unit',
  'message_no_point_of_contact',
  'message_unknown_unit',
  'attachment_too_large',
  'attachment_type_not_allowed',
  'message_permission_already_answered',
  'message_permission_not_needed',
] as const;
export type MessagesErrorCode = (typeof MESSAGES_ERROR_CODES)[number];
