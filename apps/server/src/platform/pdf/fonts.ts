import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans (Bitstream Vera licence with DejaVu's public-domain changes: free to embed and
 * redistribute) covers every letter the region writes: Latin with č ć đ š ž ë ç, Serbian and
 * Macedonian Cyrillic with ђ ћ љ њ џ ѓ ќ ѕ. PDFKit embeds only the glyphs a document uses.
 */
export const PDF_FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

export type PdfFontName = keyof typeof PDF_FONTS;
