import { z } from 'zod';
import { AGENCY_KINDS, UNIT_KINDS } from '../roles.ts';
import { Allowed, JurisdictionCodeSchema, Line, LocaleSchema, Timestamp, Uuid } from './common.ts';

export const JurisdictionSchema = z.object({
  code: JurisdictionCodeSchema,
  defaultLanguage: LocaleSchema,
  agencyCount: z.number().int(),
  userCount: z.number().int(),
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

export const AgencySchema = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  /** null: a regional or international body (platform operator, IOM, UNODC ...) serving all seven. */
  jurisdiction: JurisdictionCodeSchema.nullable(),
  unitCount: z.number().int(),
  createdAt: Timestamp,
  allowed: Allowed,
});
export type Agency = z.infer<typeof AgencySchema>;

export const AgencyCreateSchema = z.strictObject({
  name: Line(200),
  kind: z.enum(AGENCY_KINDS),
  jurisdiction: JurisdictionCodeSchema.nullable(),
});
export type AgencyCreate = z.infer<typeof AgencyCreateSchema>;
export const AgencyUpdateSchema = AgencyCreateSchema.partial().strict();
export type AgencyUpdate = z.infer<typeof AgencyUpdateSchema>;

export const AgencyListQuery = z.strictObject({
  jurisdiction: JurisdictionCodeSchema.optional(),
  q: z.string().trim().max(200).optional(),
});

export const UnitSchema = z.object({
  id: Uuid,
  agencyId: Uuid,
  agencyName: z.string(),
  jurisdiction: JurisdictionCodeSchema.nullable(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  userCount: z.number().int(),
  createdAt: Timestamp,
  allowed: Allowed,
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitCreateSchema = z.strictObject({
  agencyId: Uuid,
  name: Line(200),
  kind: z.enum(UNIT_KINDS),
});
export type UnitCreate = z.infer<typeof UnitCreateSchema>;
export const UnitUpdateSchema = z.strictObject({
  name: Line(200).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
});
export type UnitUpdate = z.infer<typeof UnitUpdateSchema>;

export const UnitListQuery = z.strictObject({
  agencyId: Uuid.optional(),
  jurisdiction: JurisdictionCodeSchema.optional(),
});
