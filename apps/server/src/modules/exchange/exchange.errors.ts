import type { ExchangeErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of imports and exports; the codes
 * themselves are in packages/shared/src/errors/exchange.ts, where the web app finds them.
 */
export const EXCHANGE_ERRORS: ModuleErrors<ExchangeErrorCode> = {
  unreadable_file: {
    status: 400,
    title: 'The file cannot be read as CSV, XLSX or FollowTheMoney JSON lines',
  },
  case_title_ambiguous: { status: 409, title: 'More than one case you may see has that title' },
  disclosure_refused: { status: 403, title: 'The case may not be passed on' },
};
