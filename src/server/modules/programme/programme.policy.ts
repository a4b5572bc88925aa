import type { Actor } from '../../core/actor';

/** Which coverage roll-up a regulator reads: its province, or the nation by province (the ministry). */
export const coverageScope = (actor: Actor): 'province' | 'national' | null =>
  actor.orgKind === 'ministry' ? 'national' : actor.orgKind === 'provincial-regulator' ? 'province' : null;
