export interface NormalisedEmail {
  readonly original: string;
  /** Lower-case address with the sub-address (+tag) removed, and Gmail's ignored dots. */
  readonly canonical: string;
}

const SHAPE = /^[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;

/** Normalises an e-mail address so that spellings that reach the same mailbox compare equal. */
export function normaliseEmail(raw: string): NormalisedEmail | null {
  const lower = raw
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
  if (!SHAPE.test(lower)) return null;
  const at = lower.lastIndexOf('@');
  let local = lower.slice(0, at).replace(/\+.*$/, '');
  let domain = lower.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  if (local.length === 0) return null;
  return { original: raw, canonical: `${local}@${domain}` };
}
