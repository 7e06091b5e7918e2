import type { PreparedRecord } from './record.ts';

/**
 * Blocking keys of a record: records sharing no key are never compared, which is what keeps
 * cross-referencing close to linear. Keys are built so that the variations the comparison accepts
 * still share one:
 * - `d`: one name part's phonetic key with another part's phonetic key, or that key with one
 *   letter deleted (a deletion neighbourhood). Any order, script, diacritics or passport case gives
 *   the same phonetic keys, and any single slip, Albanian definite ending or Ќ/K spelling in the
 *   other part leaves one deletion in common, without needing the birth date;
 * - `o`: a single-part name;
 * - identifiers: phone, e-mail, personal number, document, plate, IBAN.
 */
export function blockKeys(record: PreparedRecord): string[] {
  const keys: string[] = [];
  for (const name of record.names) {
    const parts: string[] = [];
    for (const t of name.tokens) {
      if (!t.initial && t.key.length >= 2 && !parts.includes(t.key)) parts.push(t.key);
      if (parts.length === 4) break;
    }
    if (parts.length === 1) keys.push(`o|${parts[0]}`);
    for (let i = 0; i < parts.length; i++) {
      const pi = parts[i] as string;
      for (let j = 0; j < parts.length; j++) {
        if (i === j) continue;
        const pj = parts[j] as string;
        keys.push(`d|${pi}|${pj}`);
        if (pj.length < 4) continue;
        for (let k = 0; k < pj.length; k++) keys.push(`d|${pi}|${pj.slice(0, k)}${pj.slice(k + 1)}`);
      }
    }
  }
  for (const v of record.phones) keys.push(`p|${v}`);
  for (const v of record.emails) keys.push(`e|${v}`);
  for (const v of record.personalIds) keys.push(`i|${v.compact}`);
  for (const v of record.documents) keys.push(`x|${v}`);
  for (const v of record.plates) keys.push(`v|${v}`);
  for (const v of record.ibans) keys.push(`b|${v}`);
  return keys;
}

/** Identifier keys are never skipped as oversized: a shared phone is evidence however common. */
export function isIdentifierKey(key: string): boolean {
  const c = key.charCodeAt(0);
  return c !== 100 /* d */ && c !== 111; /* o */
}

/** FNV-1a, 32 bits: keys are stored as hashes; a rare collision only adds a candidate. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(h: number, text: string, skip = -1): number {
  for (let i = 0; i < text.length; i++) {
    if (i === skip) continue;
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/**
 * The hashes of `blockKeys(record)`, computed without building the key strings (a million records
 * have tens of millions of keys). `visit` gets each hash and whether it is an identifier key.
 */
export function forEachBlockHash(
  record: PreparedRecord,
  visit: (hash: number, identifier: boolean) => void,
): void {
  for (const name of record.names) {
    const parts: string[] = [];
    for (const t of name.tokens) {
      if (!t.initial && t.key.length >= 2 && !parts.includes(t.key)) parts.push(t.key);
      if (parts.length === 4) break;
    }
    if (parts.length === 1) visit(mix(FNV_OFFSET, `o|${parts[0]}`) >>> 0, false);
    for (let i = 0; i < parts.length; i++) {
      const head = mix(mix(FNV_OFFSET, 'd|'), `${parts[i]}|`);
      for (let j = 0; j < parts.length; j++) {
        if (i === j) continue;
        const pj = parts[j] as string;
        visit(mix(head, pj) >>> 0, false);
        if (pj.length < 4) continue;
        for (let k = 0; k < pj.length; k++) visit(mix(head, pj, k) >>> 0, false);
      }
    }
  }
  const identifiers = (prefix: string, values: readonly string[]): void => {
    for (const v of values) visit(mix(FNV_OFFSET, prefix + v) >>> 0, true);
  };
  identifiers('p|', record.phones);
  identifiers('e|', record.emails);
  identifiers(
    'i|',
    record.personalIds.map((p) => p.compact),
  );
  identifiers('x|', record.documents);
  identifiers('v|', record.plates);
  identifiers('b|', record.ibans);
}
