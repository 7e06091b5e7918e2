import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});

/** Readiness: every check passed; otherwise the server answers 503 problem+json naming the failures. */
export const ReadinessSchema = z.object({
  status: z.literal('ready'),
  database: z.enum(['pglite', 'postgresql']),
  checks: z.object({
    database: z.literal('ok'),
    migrations: z.literal('ok'),
    /** Free bytes where the embedded database keeps its files; null on PostgreSQL (its host's concern). */
    freeDiskBytes: z.number().int().nonnegative().nullable(),
  }),
});
