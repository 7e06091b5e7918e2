import type { MessagesErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/** The HTTP status and English title of each code of messages (packages/shared/src/errors/messages.ts). */
export const MESSAGES_ERRORS: ModuleErrors<MessagesErrorCode> = {
  handling_code_forbids_forwarding: {
    status: 409,
    title: 'H2: the message may not be passed on without the provider’s permission',
  },
  handling_code_requires_permission: {
    status: 409,
    title: 'H1: the message may not be used in court without the provider’s permission',
  },
  forward_to_own_unit: { status: 400, title: 'A message is forwarded to another unit than one’s own' },
  message_no_point_of_contact: {
    status: 409,
    title: 'The jurisdiction has no single point of contact to receive the message',
  },
  message_unknown_unit: { status: 400, title: 'No unit with that id' },
  attachment_too_large: { status: 413, title: 'An attachment is larger than 25 MB' },
  attachment_type_not_allowed: {
    status: 400,
    title: 'An attachment is not a PDF, PNG, JPEG, DOCX, XLSX, text or CSV file, or its name says otherwise',
  },
  message_permission_already_answered: { status: 409, title: 'The provider has already answered' },
  message_permission_not_needed: {
    status: 409,
    title: 'The message’s handling code needs no permission for that purpose',
  },
};
