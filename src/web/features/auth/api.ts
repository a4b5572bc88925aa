import type { z } from 'zod';
import type {
  LoginResult,
  Session,
  TotpChallenge,
  TotpDisableBody,
  TotpLoginBody,
  TotpSetup,
} from '../../../contracts/identity';
import { http } from '../../lib/api';
import type { LoginInput, Me, User } from '../../lib/types';

/** What the password step answers: the session's actor, or a challenge for the TOTP code. */
export type LoginResultT = z.infer<typeof LoginResult>;
/** The password was right; the account wants its TOTP code next. */
export type TotpChallengeT = z.infer<typeof TotpChallenge>;
/** A new TOTP secret and its otpauth URI. */
export type TotpSetupT = z.infer<typeof TotpSetup>;
/** A live browser session. */
export type SessionT = z.infer<typeof Session>;

const seg = encodeURIComponent;

/** Whether the password step asked for a second factor. */
export const needsTotp = (r: LoginResultT): r is TotpChallengeT => 'totpRequired' in r && r.totpRequired;

/** Sign-in steps, the account's second factor and its sessions. */
export const authApi = {
  login: (body: LoginInput) => http.post<LoginResultT>('/api/auth/login', body),
  loginTotp: (body: z.input<typeof TotpLoginBody>) => http.post<Me>('/api/auth/login/totp', body),
  totpSetup: () => http.post<TotpSetupT>('/api/auth/totp/setup'),
  totpEnable: (code: string) => http.post<User>('/api/auth/totp/enable', { code }),
  totpDisable: (body: z.input<typeof TotpDisableBody>) => http.post<User>('/api/auth/totp/disable', body),
  sessions: () => http.get<SessionT[]>('/api/auth/sessions'),
  revokeSession: (id: string) => http.del<void>(`/api/auth/sessions/${seg(id)}`),
};
