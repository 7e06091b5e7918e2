import { z } from 'zod';
import { ROLES } from '../roles.ts';
import {
  Allowed,
  JurisdictionCodeSchema,
  Line,
  LocaleSchema,
  Pagination,
  Timestamp,
  Uuid,
} from './common.ts';

export const RoleSchema = z.enum(ROLES);
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

/** At least 12 characters; the server also refuses passwords equal to the e-mail or the display name. */
export const NewPasswordSchema = z.string().min(12).max(256);

export const UserSchema = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  unitId: Uuid,
  unitName: z.string(),
  agencyId: Uuid,
  agencyName: z.string(),
  jurisdiction: JurisdictionCodeSchema.nullable(),
  language: LocaleSchema,
  status: z.enum(['active', 'disabled']),
  lockedUntil: Timestamp.nullable(),
  totpEnabled: z.boolean(),
  lastSignInAt: Timestamp.nullable(),
  createdAt: Timestamp,
  allowed: Allowed,
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  jurisdiction: JurisdictionCodeSchema.optional(),
  agencyId: Uuid.optional(),
  unitId: Uuid.optional(),
  role: RoleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  ...Pagination,
});

export const UserCreateSchema = z.strictObject({
  email: EmailSchema,
  displayName: Line(200),
  unitId: Uuid,
  roles: z.array(RoleSchema).min(1).max(ROLES.length),
  language: LocaleSchema.optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.strictObject({
  displayName: Line(200).optional(),
  unitId: Uuid.optional(),
  roles: z.array(RoleSchema).min(1).max(ROLES.length).optional(),
  language: LocaleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

/** Answer to creating a user or resetting a password: a one-time password the administrator hands over. */
export const TemporaryPasswordSchema = z.object({ user: UserSchema, temporaryPassword: z.string() });
