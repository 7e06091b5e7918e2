import { randomInt } from 'node:crypto';
import argon2 from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, 3 passes): slow on purpose. Seeding hashes once and
 * reuses the hash for every demo account.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash must not turn into a 500 that tells accounts apart.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification when the e-mail is unknown, so that the answer time
 * does not reveal which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('veza-dummy-password-never-matches');
  await verifyPassword(await dummyHash, password);
}

// No 0/O, 1/l/I: the administrator reads the password out or copies it by hand.
const READABLE = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password in groups of four, e.g. `kq7P-xd3M-9vHt-Zr2e` (about 95 bits). */
export function generateReadablePassword(groups = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g += 1) {
    let part = '';
    for (let i = 0; i < 4; i += 1) part += READABLE[randomInt(READABLE.length)];
    parts.push(part);
  }
  return parts.join('-');
}

/** Rules beyond the length the shared schema checks; returns true when the password is acceptable. */
export function isAcceptablePassword(
  password: string,
  user: { email: string; displayName: string },
): boolean {
  const candidate = password.trim().toLowerCase();
  const forbidden = [user.email, user.email.split('@')[0] ?? '', user.displayName].map((s) =>
    s.trim().toLowerCase(),
  );
  return !forbidden.includes(candidate);
}
