import { z } from 'zod';
import { AGENCY_KINDS } from '../roles.ts';
import { Allowed, JurisdictionCodeSchema, LocaleSchema, Timestamp, Uuid } from './common.ts';
import { NewPasswordSchema, RoleSchema } from './users.ts';

export const LoginRequestSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** Modules Veza will offer; the home page describes those that concern the user. */
export const UPCOMING_MODULES = ['cooperation', 'proceedings', 'training'] as const;
export type UpcomingModule = (typeof UPCOMING_MODULES)[number];

export const MeSchema = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  unit: z.object({ id: Uuid, name: z.string() }),
  agency: z.object({ id: Uuid, name: z.string(), kind: z.enum(AGENCY_KINDS) }),
  jurisdiction: JurisdictionCodeSchema.nullable(),
  language: LocaleSchema,
  totpEnabled: z.boolean(),
  /** The session may only set up two-factor authentication until this is false (administrators). */
  totpEnrolmentRequired: z.boolean(),
  /** Set after an administrator reset the password: the session may only change it. */
  mustChangePassword: z.boolean(),
  /** Actions this user may take somewhere in the system, for navigation and the home page. */
  capabilities: Allowed,
  /** Actions this user may take on their own account (the profile page). */
  allowed: Allowed,
  /** Modules in preparation that concern this user's work: described on the home page, never linked. */
  upcoming: z.array(z.enum(UPCOMING_MODULES)),
});
export type Me = z.infer<typeof MeSchema>;

export const LoginResponseSchema = z.object({
  user: MeSchema,
  csrfToken: z.string(),
  /** Failed sign-ins on this account since its previous sign-in (from any address), or null. */
  failedSignIns: z.object({ count: z.number().int().positive(), lastAt: z.iso.datetime() }).nullable(),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const SessionStateSchema = z.object({ user: MeSchema, csrfToken: z.string() });

export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPasswordSchema,
});

export const LanguageChangeSchema = z.strictObject({ language: LocaleSchema });

export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const TotpConfirmSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const TotpDisableSchema = z.strictObject({ password: z.string().min(1).max(256) });

export const SessionInfoSchema = z.object({
  id: z.string(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

/** A justification given once for a scope (a case, or the whole session) and remembered for it. */
export const JustificationSchema = z.strictObject({
  scope: z.string().trim().min(1).max(200),
  text: z.string().trim().min(10).max(1000),
});
