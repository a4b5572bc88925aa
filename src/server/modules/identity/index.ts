/** Public surface of the identity module: orgs, users, sessions, API tokens, invitations. */
export { type AuthService, createAuthService } from './auth.service';
export { type IdentityRouteDeps, identityRoutes } from './identity.routes';
export { orgScopeFor, inOrgScope, type OrgScope } from './identity.policy';
export { createOrgsService, type OrgsService } from './orgs.service';
export { createTokensService, type TokensService } from './tokens.service';
export { createUsersService, type UsersService } from './users.service';
