// Characters XML 1.0 forbids (most C0 controls, U+FFFE/U+FFFF) and lone UTF-16 surrogates, which
// cannot be encoded as UTF-8. They become U+FFFD so the file still opens.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Inside attributes, a parser turns raw tabs and line breaks into spaces; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves the five named entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

/** One piece of an XML document as the minimal reader sees it. */
export type XmlToken =
  | {
      readonly kind: 'open';
      readonly name: string;
      readonly attributes: Record<string, string>;
      readonly empty: boolean;
    }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Splits well-formed XML into tags and text; comments, declarations and DOCTYPEs are skipped.
 * Enough for reading back what {@link toGraphML} writes, not a validating parser.
 */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  let last = 0;
  for (const match of xml.matchAll(TOKEN)) {
    if (match.index > last) yield { kind: 'text', text: unescapeXml(xml.slice(last, match.index)) };
    last = match.index + match[0].length;
    const [, cdata, closing, name, attributeText, selfClosing] = match;
    if (cdata !== undefined) yield { kind: 'text', text: cdata };
    else if (name === undefined) continue;
    else if (closing) yield { kind: 'close', name };
    else
      yield { kind: 'open', name, attributes: attributes(attributeText ?? ''), empty: selfClosing === '/' };
  }
  if (last < xml.length) yield { kind: 'text', text: unescapeXml(xml.slice(last)) };
}

function attributes(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [, name, double, single] of text.matchAll(ATTRIBUTE)) {
    if (name !== undefined) result[name] = unescapeXml(double ?? single ?? '');
  }
  return result;
}
