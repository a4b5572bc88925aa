import { talents, trainingSessions } from '../../modules/training/training.table';
import { addLocalDays, shanghaiDate } from '../../regulations/working-days';
import { BulkWriter } from './bulk';
import { minDate, type NationalRun, plusDays, type SeedEnterprise, tally } from './context';
import type { Rng } from './random';
import { CERTIFICATES, personName, TRAINERS, TRAINING_TOPICS } from './vocab';

/** Sessions per enterprise on average (≥ 100,000 records at 50,000 enterprises). */
const SESSIONS_PER_ENTERPRISE = 2.1;
/** Certified talents per enterprise on average (34号 asks for more than 5,000 nationally). */
const TALENTS_PER_ENTERPRISE = 0.12;

/** Weight of an enterprise's training activity: catalog keepers and large enterprises train more. */
const activity = (e: SeedEnterprise) => 0.3 + (e.cataloged ? 1 : 0) + 3 * e.size;

/** A day of the period, later days likelier (the programme ramps up). */
function dayIn(run: NationalRun, rng: Rng): string {
  const from = run.from.getTime();
  return shanghaiDate(new Date(from + Math.sqrt(rng.float()) * (run.now.getTime() - from)));
}

/** Distinct attendee names: a handful to a hundred, median about a dozen. */
function attendees(rng: Rng): string[] {
  const k = Math.min(120, 3 + Math.round(rng.lognormal(9, 0.7)));
  const names = new Set<string>();
  for (let tries = 0; names.size < k && tries < k * 5; tries++) names.add(personName(rng));
  return [...names];
}

/**
 * Training sessions (34号 training target; person-times are the attendees) and certified talents, per enterprise in
 * proportion to its activity, dated over the period.
 */
export async function seedTraining(run: NationalRun): Promise<void> {
  const rng = run.rng.fork('training');
  const weights = run.enterprises.map(activity);
  const total = weights.reduce((s, w) => s + w, 0);
  const n = run.enterprises.length;
  const sessions = new BulkWriter(run.tx, trainingSessions);
  const people = new BulkWriter(run.tx, talents);
  const trainers = Object.values(TRAINERS);
  const serial = new Map<string, number>();
  let personTimes = 0;
  for (const [i, e] of run.enterprises.entries()) {
    const share = weights[i]! / total;
    for (let s = rng.poisson(SESSIONS_PER_ENTERPRISE * n * share); s > 0; s--) {
      const heldOn = dayIn(run, rng);
      const list = attendees(rng);
      personTimes += list.length;
      await sessions.add({
        id: rng.uuid(),
        orgId: e.orgId,
        provinceCode: e.provinceCode,
        heldOn,
        topic: rng.pick(TRAINING_TOPICS),
        trainer: rng.weightedOf(trainers, [3, 1, 1, 2, 4, 1]),
        hours: rng.int(2, 8),
        attendees: list,
        personTimes: list.length,
        createdBy: e.adminUserId,
        createdAt: minDate(run.now, plusDays(new Date(`${heldOn}T10:00:00+08:00`), rng.int(0, 5))),
      });
    }
    for (let t = rng.poisson(TALENTS_PER_ENTERPRISE * n * share); t > 0; t--) {
      const cert = rng.pick(CERTIFICATES);
      const issuedOn = dayIn(run, rng);
      const key = `${cert.prefix}-${issuedOn.slice(0, 4)}`;
      const no = (serial.get(key) ?? rng.int(1000, 9000)) + rng.int(1, 40);
      serial.set(key, no);
      await people.add({
        id: rng.uuid(),
        orgId: e.orgId,
        provinceCode: e.provinceCode,
        name: personName(rng),
        certificate: cert.name,
        certificateNo: `${key}-${String(no).padStart(6, '0')}`,
        issuer: cert.issuer,
        issuedOn,
        validUntil: rng.chance(0.8) ? addLocalDays(issuedOn, 3 * 365) : null,
        createdBy: e.adminUserId,
        createdAt: minDate(run.now, new Date(`${addLocalDays(issuedOn, rng.int(1, 30))}T10:00:00+08:00`)),
      });
    }
  }
  await sessions.flush();
  await people.flush();
  tally(run, 'training_sessions', sessions.count);
  tally(run, 'training_person_times', personTimes);
  tally(run, 'talents', people.count);
}
