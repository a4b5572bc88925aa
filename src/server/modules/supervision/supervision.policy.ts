import type { DrillKind } from '../../../contracts/supervision';
import { MAINLAND_PROVINCES } from '../../../lib/china/gbt2260';
import type { Actor } from '../../core/actor';
import { NATION } from './rules/area-rollup';

/** The area a supervision request reads: the nation or one province. */
export interface AreaScope {
  level: 'nation' | 'province';
  code: string;
}

/** The 31 provincial-level divisions of the mainland, which the programme's figures cover. */
export const SUPERVISED_PROVINCES: readonly string[] = MAINLAND_PROVINCES.map((p) => p.code);

/**
 * Which area an actor reads (issue 7 access): the ministry any province or the nation; a provincial regulator only
 * its own province, so another province is not found; anyone else nothing (the route refuses them first).
 */
export function areaFor(actor: Actor, province: string | undefined): AreaScope | null {
  if (actor.orgKind === 'ministry') {
    if (!province) return { level: 'nation', code: NATION };
    return SUPERVISED_PROVINCES.includes(province) ? { level: 'province', code: province } : null;
  }
  if (actor.orgKind === 'provincial-regulator' && actor.provinceCode) {
    return !province || province === actor.provinceCode
      ? { level: 'province', code: actor.provinceCode }
      : null;
  }
  return null;
}

/**
 * Lists a provincial regulator may open. Vulnerability reports stay with the ministry and the vendor (RMSV art. 7
 * routes them to MIIT; the vulnerabilities module hides them from provinces), so a province sees only their count.
 */
export function canOpenList(actor: Actor, kind: DrillKind): boolean {
  return actor.orgKind === 'ministry' || kind !== 'vulnerabilities';
}

/** Only admins recompute the read model on demand; the job refreshes it for everyone. */
export const canRefresh = (actor: Actor) =>
  actor.role === 'admin' && (actor.orgKind === 'ministry' || actor.orgKind === 'provincial-regulator');
