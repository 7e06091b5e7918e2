import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const jurisdictions = pgTable('jurisdictions', {
  code: text('code').primaryKey(),
  defaultLanguage: text('default_language').notNull(),
});

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** null for a regional or international body serving all jurisdictions. */
    jurisdictionCode: text('jurisdiction_code').references(() => jurisdictions.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agencies_jurisdiction_idx').on(t.jurisdictionCode)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('units_agency_idx').on(t.agencyId)],
);
