export { PdfFlow, renderPdf } from './pdf-document.ts';
export type { PdfMeta } from './pdf-document.ts';
export { PDF_FONTS } from './fonts.ts';
