import type { OrgKind, Role } from '../../contracts/identity';

/** The objects a request acts on: the actor's own, or another tenant's for cross-tenant probes. */
export interface Target {
  orgId: string;
  userId: string;
  invitationId: string;
  spareTokenId: string;
  /** A browser session of the target user (personal, like tokens). */
  sessionId: string;
  productId: string;
  componentId: () => Promise<string>;
  filingId: string;
  webhookId: string;
  notificationId: string;
  reportId: string;
  attachmentId: string;
  nationalReportId: string;
  assetId: string;
  exposureId: string;
  /** An enterprise registry profile (its org id). */
  enterpriseId: string;
}

/** A matrix actor: one org kind and role, with its own objects. */
export interface Actor extends Target {
  kind: OrgKind;
  role: Role;
  token: string;
  email: string;
}
/** An actor, or null for anonymous. */
export type Who = Actor | null;
/** The expected status for an actor. */
export type Expect = (who: Who) => number;

/** Everyone gets `s`. */
export const anyone =
  (s: number): Expect =>
  () =>
    s;
/** Signed-in users get `s`; anonymous 401. */
export const signedIn =
  (s: number): Expect =>
  (w) =>
    w ? s : 401;
/** Admins get `s`; other roles 403. */
export const admins =
  (s: number): Expect =>
  (w) =>
    !w ? 401 : w.role === 'admin' ? s : 403;
/** Vendor admins and members get `s`. */
export const vendorStaff =
  (s: number): Expect =>
  (w) =>
    !w ? 401 : w.kind === 'vendor' && w.role !== 'viewer' ? s : 403;
/** Any role of the given kinds gets `s`. */
export const kinds =
  (ks: OrgKind[], s: number): Expect =>
  (w) =>
    !w ? 401 : ks.includes(w.kind) ? s : 403;
/** Admins of the given kinds get `s`. */
export const kindAdmins =
  (kinds: OrgKind[], s: number): Expect =>
  (w) =>
    !w ? 401 : w.role === 'admin' && kinds.includes(w.kind) ? s : 403;

/** One request. */
export interface Req {
  url: string;
  payload?: unknown;
  /** Extra headers, e.g. the content type of a raw upload. */
  headers?: Record<string, string>;
}

/** One matrix row. */
export interface Case {
  expect: Expect;
  req: (o: Target, n: number) => Req | Promise<Req>;
  /**
   * Status for another tenant's object: a number when the role is allowed (default 404, never its data), or a
   * function when the role check itself runs after the object is found (so strangers get 404 before 403).
   */
  foreign?: number | Expect;
}
