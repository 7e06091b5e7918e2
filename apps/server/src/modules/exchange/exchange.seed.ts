import { v7 as uuidv7 } from 'uuid';
import { callRecords, caseImports } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { DemoCallRecords } from '@veza/demo';

/** The case's call records, as one finished import of an operator's file. */
export async function insertDemoCalls(
  q: Queryable,
  caseId: string,
  userId: string,
  file: DemoCallRecords,
  idOf: (key: string) => string,
  now: Date,
): Promise<void> {
  const importId = uuidv7();
  const count = file.calls.length;
  await q.insert(caseImports).values({
    id: importId,
    caseId,
    format: 'cdr',
    fileName: file.fileName,
    status: 'done',
    total: count,
    processed: count,
    imported: count,
    report: { fileType: 'csv', mapping: null, rejections: [] },
    createdBy: userId,
    createdAt: now,
    finishedAt: now,
  });
  await q.insert(callRecords).values(
    file.calls.map((c) => ({
      id: uuidv7(),
      caseId,
      importId,
      callerEntityId: idOf(c.caller),
      calleeEntityId: idOf(c.callee),
      startedAt: new Date(c.startedAt),
      durationSeconds: c.durationSeconds,
      cell: c.cell,
    })),
  );
}

/** Call records of a demo case as they are, in one statement: the demo chart's calls. */
export async function insertDemoCallRows(
  q: Queryable,
  rows: (typeof callRecords.$inferInsert)[],
): Promise<void> {
  await q.insert(callRecords).values(rows);
}
