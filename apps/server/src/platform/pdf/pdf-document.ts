import PDFDocument from 'pdfkit';
import { PDF_FONTS } from './fonts.ts';

/** Metadata of a generated document: shown by PDF readers and read by screen readers. */
export interface PdfMeta {
  title: string;
  /** BCP 47 tag of the document's first language. */
  lang: string;
  subject?: string;
  /** Printed in the footer of every page with the page number: a reference, never a name. */
  footer: string;
  /** Printed at the top of every page when given (a handling code that must be seen on each page). */
  header?: string;
}

const MARGIN = 50;
const TEXT_COLOUR = '#1a1b1e';
const MUTED_COLOUR = '#5c5f66';
const RULE_COLOUR = '#ced4da';

/**
 * A printable page flow with the few blocks Veza's documents need (title, headings, label/value
 * fields, paragraphs, lists, notes). Text always goes through the embedded Unicode font, so Latin
 * with diacritics and Cyrillic print alike; layout wraps and breaks pages by itself.
 */
export class PdfFlow {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  title(text: string): this {
    this.doc.font('bold').fontSize(17).fillColor(TEXT_COLOUR).text(text, MARGIN, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.3);
    return this;
  }

  subtitle(text: string): this {
    this.doc.font('regular').fontSize(10).fillColor(MUTED_COLOUR).text(text, { width: this.width });
    this.doc.moveDown(0.8);
    return this;
  }

  heading(text: string): this {
    this.keepWithNext(60);
    this.doc.moveDown(0.4);
    this.doc.font('bold').fontSize(12).fillColor(TEXT_COLOUR).text(text, MARGIN, this.doc.y, {
      width: this.width,
    });
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOUR)
      .stroke();
    this.doc.moveDown(0.5);
    return this;
  }

  /** A label and its value on one line (the value wraps in its own column). */
  field(label: string, value: string): this {
    const labelWidth = Math.round(this.width * 0.36);
    const valueWidth = this.width - labelWidth - 10;
    this.doc.font('regular').fontSize(10);
    const height = Math.max(
      this.doc.heightOfString(label, { width: labelWidth }),
      this.doc.heightOfString(value, { width: valueWidth }),
    );
    this.keepWithNext(height);
    const top = this.doc.y;
    this.doc.fillColor(MUTED_COLOUR).text(label, MARGIN, top, { width: labelWidth });
    this.doc.fillColor(TEXT_COLOUR).text(value, MARGIN + labelWidth + 10, top, { width: valueWidth });
    this.doc.x = MARGIN;
    this.doc.y = top + height + 4;
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('regular').fontSize(10).fillColor(TEXT_COLOUR).text(text, MARGIN, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.5);
    return this;
  }

  list(items: readonly string[]): this {
    this.doc.font('regular').fontSize(10).fillColor(TEXT_COLOUR);
    for (const item of items) {
      this.keepWithNext(14);
      this.doc.text(`•  ${item}`, MARGIN + 8, this.doc.y, { width: this.width - 8 });
      this.doc.moveDown(0.2);
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.3);
    return this;
  }

  /** Small print: warnings, the legal basis, what the document is not. */
  note(text: string): this {
    this.doc.font('regular').fontSize(8.5).fillColor(MUTED_COLOUR).text(text, MARGIN, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.5);
    return this;
  }

  /** A box with a bold line of text, for the alert a reader must not miss. */
  alert(text: string): this {
    this.doc.font('bold').fontSize(10);
    const height = this.doc.heightOfString(text, { width: this.width - 16 }) + 12;
    this.keepWithNext(height);
    const top = this.doc.y;
    this.doc.rect(MARGIN, top, this.width, height).lineWidth(1).strokeColor('#c92a2a').stroke();
    this.doc.fillColor('#c92a2a').text(text, MARGIN + 8, top + 6, { width: this.width - 16 });
    this.doc.x = MARGIN;
    this.doc.y = top + height + 8;
    return this;
  }

  /** Lines to sign on paper. */
  signatures(labels: readonly string[]): this {
    this.keepWithNext(50 * labels.length);
    for (const label of labels) {
      this.doc.moveDown(1.5);
      const y = this.doc.y;
      this.doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + 250, y)
        .lineWidth(0.5)
        .strokeColor(MUTED_COLOUR)
        .stroke();
      this.doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(MUTED_COLOUR)
        .text(label, MARGIN, y + 3, {
          width: 250,
        });
    }
    this.doc.moveDown(0.5);
    return this;
  }

  newPage(): this {
    this.doc.addPage();
    return this;
  }

  private keepWithNext(height: number): void {
    const bottom = this.doc.page.height - MARGIN - 20;
    if (this.doc.y + height > bottom) this.doc.addPage();
  }
}

/** Builds a document in memory and returns its bytes. */
export async function renderPdf(meta: PdfMeta, draw: (flow: PdfFlow) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: meta.lang,
    displayTitle: true,
    font: PDF_FONTS.regular,
    info: { Title: meta.title, Subject: meta.subject ?? meta.title, Creator: 'Veza', Producer: 'Veza' },
  });
  doc.registerFont('regular', PDF_FONTS.regular);
  doc.registerFont('bold', PDF_FONTS.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(new PdfFlow(doc));
  writeFooters(doc, meta.footer, meta.header);
  doc.end();
  return done;
}

function writeFooters(doc: PDFKit.PDFDocument, footer: string, header?: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 10;
    // Writing below the bottom margin would make PDFKit open a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED_COLOUR)
      .text(`${footer}   ${i + 1 - range.start}/${range.count}`, MARGIN, y, {
        width: doc.page.width - MARGIN * 2,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
    if (header)
      doc
        .font('bold')
        .fontSize(8)
        .fillColor('#c92a2a')
        .text(header, MARGIN, MARGIN / 2 - 4, { width: doc.page.width - MARGIN * 2, lineBreak: false });
  }
}
