import { asc, gt } from 'drizzle-orm';
import { auditLog } from '@veza/db';
import type { Db } from '@veza/db';
import { atAsText, entryHash, GENESIS_HASH } from './canonical.ts';

/** An entry's sequence number and hash, written down outside the database when the chain last passed. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Entries read, up to and including the first broken one. */
  checked: number;
  firstBrokenSeq: number | null;
  /**
   * 'hash_mismatch' (entry edited), 'missing_entry' (deleted), 'prev_hash_mismatch' (inserted or
   * replaced), 'anchor_mismatch' (the anchored entry was rewritten, chain and all), 'truncated' (the
   * chain ends before an anchored entry: the newest entries were cut off; `firstBrokenSeq` names the anchor).
   */
  reason: string | null;
  /** The newest entry that verified: the anchor to keep for the next check. Null when none did. */
  last: AuditAnchor | null;
}

const PAGE_SIZE = 5_000;

/**
 * Walks the chain from the first entry, a page at a time so memory stays flat on millions of rows.
 * A hash chain cannot notice the newest entries being cut off, or the chain being rewritten from some
 * entry on, by someone who can write to the database; anchors (entries' hashes written down elsewhere
 * at an earlier check) cover that: each must still be an entry of the chain, with the same hash.
 */
export async function verifyAuditChain(
  db: Db,
  options: { anchors?: readonly AuditAnchor[]; onProgress?(checked: number): void } = {},
): Promise<ChainVerification> {
  // Checked in chain order as the pages pass, so nothing but the anchors is held.
  const anchors = [...(options.anchors ?? [])].sort((a, b) => a.seq - b.seq);
  for (const anchor of anchors) {
    if (!Number.isSafeInteger(anchor.seq) || anchor.seq < 1) {
      throw new RangeError(`An audit anchor's entry number must be a positive integer, not ${anchor.seq}`);
    }
  }
  let nextAnchor = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let last: AuditAnchor | null = null;
  const broken = (seq: number, reason: string): ChainVerification => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    reason,
    last,
  });
  for (;;) {
    const page = await db
      .select({
        seq: auditLog.seq,
        at: atAsText,
        operation: auditLog.operation,
        action: auditLog.action,
        actorId: auditLog.actorId,
        actorEmail: auditLog.actorEmail,
        actorJurisdiction: auditLog.actorJurisdiction,
        recordType: auditLog.recordType,
        recordId: auditLog.recordId,
        subjectId: auditLog.subjectId,
        subjectLabel: auditLog.subjectLabel,
        justification: auditLog.justification,
        recipients: auditLog.recipients,
        ip: auditLog.ip,
        userAgent: auditLog.userAgent,
        outcome: auditLog.outcome,
        details: auditLog.details,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE_SIZE);
    for (const { prevHash: storedPrev, hash, ...fields } of page) {
      checked += 1;
      if (fields.seq !== expectedSeq) return broken(expectedSeq, 'missing_entry');
      if (storedPrev !== prevHash) return broken(fields.seq, 'prev_hash_mismatch');
      if (entryHash(storedPrev, fields) !== hash) return broken(fields.seq, 'hash_mismatch');
      // Seqs run 1, 2, 3... without a gap here, so the anchors below this entry were all met already.
      while (anchors[nextAnchor]?.seq === fields.seq) {
        if (anchors[nextAnchor]?.hash !== hash) return broken(fields.seq, 'anchor_mismatch');
        nextAnchor += 1;
      }
      last = { seq: fields.seq, hash };
      prevHash = hash;
      expectedSeq += 1;
    }
    options.onProgress?.(checked);
    if (page.length < PAGE_SIZE) break;
  }
  const beyondTheEnd = anchors[nextAnchor];
  if (beyondTheEnd) return broken(beyondTheEnd.seq, 'truncated');
  return { ok: true, checked, firstBrokenSeq: null, reason: null, last };
}
