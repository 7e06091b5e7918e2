/**
 * A small vCard 4.0 writer (RFC 6350), for the directory export. Written here rather than taken from
 * a library: ical.js, the maintained and typed one, folds by a process-wide setting
 * (`ICAL.foldLength`) whose default lets continuation lines reach 76 octets, and changing it would
 * change every other use of ical.js in the server; the vCard-only packages on the registry are
 * unmaintained or write vCard 3.0. The export needs only a handful of properties, so they are
 * written here and the tests read the result back with ical.js.
 */

export interface VcardProperty {
  name: string;
  /** Parameters as written: `VALUE=uri`, `TYPE=work,voice`, `PREF=1`. No user text goes here. */
  params?: readonly string[];
  /** A value, already in its final form (a URI, a timestamp) when `raw`; otherwise escaped as text. */
  value: string | readonly string[];
  /** `value` is a URI or date and is written as it is. */
  raw?: boolean;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT escaping (RFC 6350 §3.4): backslash, comma, semicolon, and line breaks as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function octets(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2): each continuation line starts with one space,
 * which counts towards its 75, and a multi-octet character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function contentLine(property: VcardProperty): string {
  const params = property.params?.length ? `;${property.params.join(';')}` : '';
  const value =
    typeof property.value === 'string'
      ? property.raw
        ? property.value
        : escapeText(property.value)
      : // A structured value (ORG): components joined by semicolons, each escaped.
        property.value.map(escapeText).join(';');
  return foldLine(`${property.name.toUpperCase()}${params}:${value}`);
}

/** One vCard: BEGIN, VERSION:4.0, the properties in order, END; CRLF after every line. */
export function vcard(properties: readonly VcardProperty[]): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', ...properties.map(contentLine), 'END:VCARD'];
  return lines.join(CRLF) + CRLF;
}

/** A timestamp as vCard writes it (REV): 20261207T141427Z. */
export function vcardTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
