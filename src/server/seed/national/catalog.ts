import {
  catalogTotals,
  certificateNo,
  certificatePrefix,
  filedDescription,
  isFiled,
} from '../../modules/data-catalog/catalog-rules';
import { filingRepository } from '../../modules/data-catalog/data-catalog.repository';
import {
  catalogFilingEvents,
  catalogFilings,
  type DataAssetRow,
  dataAssets,
} from '../../modules/data-catalog/data-catalog.table';
import { deriveLevel } from '../../programme-rules/classification';
import type { DataLevel } from '../../programme-rules/common-schema';
import { reviewDeadline } from '../../programme-rules/filing';
import { holidayCalendar, shanghaiDate } from '../../regulations/working-days';
import { BulkWriter } from './bulk';
import { maxDate, minDate, type NationalRun, plusDays, type SeedEnterprise, tally } from './context';
import type { Rng } from './random';
import { ASSET_TEMPLATES, SECURITY_MEASURES } from './vocab';

type Filing = typeof catalogFilings.$inferInsert & { id: string; revision: number; decidedAt?: Date | null };
type FilingEvent = typeof catalogFilingEvents.$inferInsert;

const RETURN_COMMENTS = [
  '请补充重要数据的数量规模与共享情况说明。',
  '核心数据安全保护措施描述不充分，请细化。',
  '目录中数据处理目的与使用范围不一致，请核实后重新报送。',
];

/** Wizard answers that the classification rule grades as `target` (the first answer everywhere else). */
function wizardAnswers(run: NationalRun, rng: Rng, target: DataLevel): Record<string, string> {
  const qs = run.programme.questions.questions.map((q) => q.value);
  const answers: Record<string, string> = Object.fromEntries(qs.map((q) => [q.id, q.answers[0]!.key]));
  const raise = (level: DataLevel, k: number) => {
    const eligible = qs.filter((q) => q.answers.some((a) => a.minLevel === level));
    for (const q of rng.sample(eligible, k)) answers[q.id] = q.answers.find((a) => a.minLevel === level)!.key;
  };
  if (target !== 'general') raise('important', rng.int(1, 3));
  if (target === 'core') raise('core', 1);
  return answers;
}

/** An enterprise's catalog: one to ten assets, graded by the wizard rule. */
function assetsOf(run: NationalRun, rng: Rng, e: SeedEnterprise, createdAt: Date): DataAssetRow[] {
  const n = Math.min(10, 1 + rng.poisson(1 + 4 * e.size));
  const holdsImportant = rng.chance(0.92);
  const core = holdsImportant && rng.chance(0.03 + 0.12 * e.size);
  return rng.sample(ASSET_TEMPLATES, n).map((t, i) => {
    const target: DataLevel =
      i === 0 && holdsImportant
        ? core
          ? 'core'
          : 'important'
        : holdsImportant && rng.chance(0.35)
          ? 'important'
          : 'general';
    const answers = wizardAnswers(run, rng, target);
    const level = deriveLevel(run.programme.questions, answers).level;
    const records = Math.round(rng.lognormal(50_000 + 500_000 * e.size, 1.6));
    return {
      id: rng.uuid(),
      orgId: e.orgId,
      name: t.name,
      category: t.category,
      description: null,
      level,
      derivedLevel: level,
      overrideReason: null,
      wizardAnswers: answers,
      questionsVersion: run.programme.questions.version,
      records,
      volumeMb: Math.max(1, Math.round(records / rng.int(200, 5000))),
      purpose: t.purpose,
      processingMethod: rng.pick([
        '采集、存储、分析',
        '存储、查询',
        '实时采集、汇聚分析',
        '存储、传输、共享',
      ]),
      scopeOfUse: rng.pick(['研发部、生产部', '生产部、质量部', '销售部、财务部', '信息中心', '全公司']),
      responsiblePerson: `${rng.pick(['信息中心', '生产部', '研发部', '数据安全办公室'])}负责人`,
      externalSharing: rng.chance(0.15),
      sharingDetails: null,
      crossBorder: rng.chance(0.03),
      carrierSystem: t.carrier,
      source: rng.pick(['产线采集', '业务系统录入', '合作方提供', null]),
      securityMeasures: rng.pick(SECURITY_MEASURES),
      status: 'active',
      destroyedAt: null,
      version: 1,
      createdBy: e.adminUserId,
      createdAt,
      updatedAt: createdAt,
    };
  });
}

/**
 * Data catalogs (about 70 % of enterprises, nearly all of the top 10 %) and important/core catalog filings with the
 * province: approved with certificates (some after an earlier approval, now superseded), under review (some past the
 * 20-working-day review), returned for revision, or not filed yet.
 */
export async function seedCatalog(run: NationalRun): Promise<void> {
  const rng = run.rng.fork('catalog');
  const { measures } = run.programme;
  const cal = holidayCalendar(run.services.packs.holidays);
  // The review deadline depends only on the Shanghai day of submission; counting working days is not cheap.
  const deadlines = new Map<string, Date>();
  const reviewDueAt = (submittedAt: Date) => {
    const day = shanghaiDate(submittedAt);
    let due = deadlines.get(day);
    if (!due) {
      due = reviewDeadline(measures, submittedAt, cal).dueAt;
      deadlines.set(day, due);
    }
    return due;
  };
  const assets = new BulkWriter(run.tx, dataAssets);
  const filings: Filing[] = [];
  const events: FilingEvent[] = [];
  const span = run.now.getTime() - run.from.getTime();

  const filing = (
    e: SeedEnterprise,
    submittedAt: Date,
    catalog: DataAssetRow[],
    kind: 'initial' | 'change',
  ) => {
    const filed = catalog.filter((a) => isFiled(measures, a));
    const f: Filing = {
      id: rng.uuid(),
      orgId: e.orgId,
      provinceCode: e.provinceCode,
      recipient: e.sector,
      kind,
      status: 'submitted',
      revision: 1,
      snapshot: filed.map((a) => filedDescription(measures, a)),
      ...catalogTotals(measures, filed),
      submittedAt,
      submittedBy: e.adminUserId,
      reviewDueAt: reviewDueAt(submittedAt),
      createdAt: submittedAt,
    };
    filings.push(f);
    events.push({
      filingId: f.id,
      kind: 'submitted',
      revision: 1,
      actorUserId: e.adminUserId,
      actorOrgId: e.orgId,
      at: submittedAt,
    });
    return f;
  };
  const decide = (
    f: Filing,
    e: SeedEnterprise,
    at: Date,
    kind: 'approved' | 'returned',
    comment: string | null = null,
  ) => {
    const regulator = run.regulators.get(e.provinceCode)!;
    Object.assign(f, { status: kind, decidedAt: at, decidedBy: regulator.userId, returnComment: comment });
    events.push({
      filingId: f.id,
      kind,
      revision: f.revision,
      comment,
      actorUserId: regulator.userId,
      actorOrgId: regulator.orgId,
      at,
    });
  };

  for (const e of run.enterprises) {
    if (!rng.chance(e.topDecile ? 0.97 : 0.68 + 0.25 * e.size)) continue;
    e.cataloged = true;
    // The catalog was drawn up somewhere in the first three quarters of the period.
    const start = new Date(run.from.getTime() + Math.floor(rng.float() * span * 0.75));
    const catalog = assetsOf(run, rng, e, start);
    for (const a of catalog) await assets.add(a);
    if (!catalog.some((a) => isFiled(measures, a))) continue;
    const left = run.now.getTime() - start.getTime();
    const at = (lo: number, hi: number) =>
      new Date(start.getTime() + Math.floor(left * (lo + (hi - lo) * rng.float())));
    const outcome = rng.chance(e.topDecile ? 0.94 : 0.86 + 0.1 * e.size)
      ? 'approved'
      : rng.weighted({ submitted: 55, returned: 20, none: 25 });
    if (outcome === 'approved') {
      const twice = rng.chance(0.12);
      if (twice) {
        const first = filing(e, at(0.02, 0.3), catalog, 'initial');
        decide(first, e, plusDays(first.submittedAt, rng.int(3, 26)), 'approved');
      }
      const f = filing(e, at(twice ? 0.45 : 0.02, 0.8), catalog, twice ? 'change' : 'initial');
      // Most reviews finish within the 20 working days; some run late.
      const days = rng.chance(0.9) ? rng.int(2, 26) : rng.int(29, 45);
      const decidedAt = minDate(plusDays(f.submittedAt, days), plusDays(run.now, -1));
      decide(f, e, decidedAt, 'approved');
      e.approved = true;
      if (rng.chance(0.05)) filing(e, rng.between(plusDays(decidedAt, 1), run.now), catalog, 'change');
    } else if (outcome === 'submitted') {
      // Recent submissions wait inside the review time; a third have waited past it.
      filing(
        e,
        plusDays(run.now, -(rng.chance(0.7) ? rng.int(1, 27) : rng.int(30, 120))),
        catalog,
        'initial',
      );
    } else if (outcome === 'returned') {
      const submittedAt = rng.between(
        maxDate(plusDays(start, 1), plusDays(run.now, -200)),
        plusDays(run.now, -15),
      );
      const f = filing(e, submittedAt, catalog, 'initial');
      decide(f, e, plusDays(f.submittedAt, rng.int(4, 20)), 'returned', rng.pick(RETURN_COMMENTS));
    }
  }
  await assets.flush();
  await certify(run, filings, events);
  for (const f of filings) {
    if (f.status === 'submitted' && f.reviewDueAt < run.now) {
      // The daily catalog watch tells the province once per revision; record that it already has.
      events.push({ filingId: f.id, kind: 'review-overdue', revision: 1, at: plusDays(f.reviewDueAt, 1) });
    }
  }
  const byTime = (a: { at: Date }, b: { at: Date }) => a.at.getTime() - b.at.getTime();
  const fw = new BulkWriter(run.tx, catalogFilings);
  for (const f of filings) await fw.add(f);
  await fw.flush();
  const ew = new BulkWriter(run.tx, catalogFilingEvents);
  for (const ev of events.sort(byTime)) await ew.add(ev);
  await ew.flush();
  tally(run, 'data_assets', assets.count);
  tally(run, 'catalog_filings', fw.count);
  tally(run, 'catalog_filing_events', ew.count);
}

/**
 * Issues certificates in decision order, numbered per province and year after any already issued (the same
 * `DSF-<province>-<year>-<sequence>` the approval step uses), and supersedes an enterprise's earlier approval.
 */
async function certify(run: NationalRun, filings: Filing[], events: FilingEvent[]) {
  const approved = filings
    .filter((f) => f.status === 'approved')
    .sort((a, b) => a.decidedAt!.getTime() - b.decidedAt!.getTime());
  const next = new Map<string, number>();
  const latest = new Map<string, Filing>();
  for (const f of approved) {
    const issuedOn = shanghaiDate(f.decidedAt!);
    const prefix = certificatePrefix(f.provinceCode, Number(issuedOn.slice(0, 4)));
    const last = next.get(prefix) ?? (await filingRepository.lastCertificateSeq(run.tx, prefix));
    next.set(prefix, last + 1);
    f.certificateNo = certificateNo(prefix, last);
    f.certificateIssuedOn = issuedOn;
    const previous = latest.get(f.orgId);
    if (previous) {
      previous.status = 'superseded';
      previous.supersededAt = f.decidedAt!;
      events.push({
        filingId: previous.id,
        kind: 'superseded',
        revision: previous.revision,
        at: f.decidedAt!,
      });
    }
    latest.set(f.orgId, f);
  }
}
