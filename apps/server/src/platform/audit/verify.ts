import { asc, gt } from 'drizzle-orm';
import { auditLog } from '@veza/db';
import type { Db } from '@veza/db';
import { atAsText, entryHash, GENESIS_HASH } from './canonical.ts';

export interface ChainVerification {
  ok: boolean;
  /** Entries read, up to and including the first broken one. */
  checked: number;
  firstBrokenSeq: number | null;
  /** 'hash_mismatch' (entry edited), 'missing_entry' (deleted), 'prev_hash_mismatch' (inserted or replaced). */
  reason: string | null;
}

const PAGE_SIZE = 5_000;

/**
 * Walks the chain from the first entry, a page at a time so memory stays flat on millions of rows.
 * A hash chain cannot notice the newest entries being cut off or a forged entry appended by someone
 * who can write to the database; anchoring the last hash elsewhere is what covers that.
 */
export async function verifyAuditChain(
  db: Db,
  options: { onProgress?(checked: number): void } = {},
): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
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
      if (fields.seq !== expectedSeq) return broken(checked, expectedSeq, 'missing_entry');
      if (storedPrev !== prevHash) return broken(checked, fields.seq, 'prev_hash_mismatch');
      if (entryHash(storedPrev, fields) !== hash) return broken(checked, fields.seq, 'hash_mismatch');
      prevHash = hash;
      expectedSeq += 1;
    }
    options.onProgress?.(checked);
    if (page.length < PAGE_SIZE) return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}

function broken(checked: number, seq: number, reason: string): ChainVerification {
  return { ok: false, checked, firstBrokenSeq: seq, reason };
}
