import type { JurisdictionCode, Locale, Role } from '@veza/shared';

/** Who is acting: what the policy engine decides on. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  roles: readonly Role[];
  unitId: string;
  agencyId: string;
  /** null for a member of a regional or international body. */
  jurisdiction: JurisdictionCode | null;
  language: Locale;
}

/** Everything a use case needs to know about the request it serves, without knowing about HTTP. */
export interface RequestContext {
  actor: Actor | null;
  /** Hash id of the session (never the cookie token), when signed in. */
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Justifications the user gave in this session, by scope ('session', 'case:<id>' ...). */
  justifications: ReadonlyMap<string, string>;
}

export function anonymousContext(ip: string | null = null, userAgent: string | null = null): RequestContext {
  return { actor: null, sessionId: null, ip, userAgent, justifications: new Map() };
}

/** The context of the command line (`veza audit verify`, `veza init`, imports run as a named user). */
export function systemContext(actor: Actor | null = null): RequestContext {
  return { actor, sessionId: null, ip: 'cli', userAgent: 'veza-cli', justifications: new Map() };
}
