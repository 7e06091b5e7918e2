export { documentsModule } from './documents.module.ts';
export { documentRoutes } from './documents.routes.ts';
export { renderReferralForm, renderScreeningSummary } from './documents.render.ts';
export type { PrintedIdentity, ReferralFormData, ScreeningSummaryData } from './documents.render.ts';
