import type { z } from 'zod';
import type {
  LoginRequest,
  LoginResponse,
  Me,
  SessionInfoSchema,
  SessionStateSchema,
  TotpSetupSchema,
  Locale,
} from '@veza/shared';
import { api } from '../../api/client.ts';

export type SessionState = z.infer<typeof SessionStateSchema>;
export type TotpSetup = z.infer<typeof TotpSetupSchema>;
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const authApi = {
  session: () => api<SessionState>('/api/auth/session'),
  login: (body: LoginRequest) => api<LoginResponse>('/api/auth/login', { method: 'POST', body }),
  logout: () => api<void>('/api/auth/logout', { method: 'POST' }),
  logoutAll: () => api<void>('/api/auth/logout-all', { method: 'POST' }),
  me: () => api<Me>('/api/me'),
  setLanguage: (language: Locale) => api<Me>('/api/me/language', { method: 'PUT', body: { language } }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    api<void>('/api/me/password', { method: 'POST', body }),
  totpSetup: () => api<TotpSetup>('/api/me/totp/setup', { method: 'POST' }),
  totpConfirm: (code: string) => api<Me>('/api/me/totp/confirm', { method: 'POST', body: { code } }),
  totpDisable: (password: string) => api<Me>('/api/me/totp/disable', { method: 'POST', body: { password } }),
  sessions: () => api<SessionInfo[]>('/api/me/sessions'),
  endSession: (id: string) => api<void>(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  justify: (scope: string, text: string) =>
    api<void>('/api/me/justifications', { method: 'POST', body: { scope, text } }),
};
