/** Public surface of the identity module: orgs, users, sessions, API tokens, invitations. */
export { type AuthService, createAuthService } from './auth.service';
export { identityJobs } from './identity.jobs';
export { inOrgScope, type OrgScope, orgScopeFor } from './identity.policy';
export { type IdentityRouteDeps, identityRoutes } from './identity.routes';
export { createOrgsService, type OrgsService } from './orgs.service';
export { createSessionsService, type SessionsService } from './sessions.service';
export { createTokensService, type TokensService } from './tokens.service';
export { createTotpService, type TotpService } from './totp.service';
export { createUsersService, type UsersService } from './users.service';
