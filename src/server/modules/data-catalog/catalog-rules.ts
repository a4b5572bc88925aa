import type { FieldProblem } from '../../core/errors';
import type { WizardAnswers } from '../../programme-rules/classification';
import type { DataLevel } from '../../programme-rules/common-schema';
import type { FilingSnapshot } from '../../programme-rules/filing';
import type { MeasuresPack } from '../../programme-rules/measures-schema';
import type { QuestionsPack } from '../../programme-rules/questions-schema';
import {
  addLocalDays,
  type HolidayCalendar,
  isWorkingDay,
  type LocalDate,
  shanghaiDate,
} from '../../regulations/working-days';
import type { DataAssetRow } from './data-catalog.table';

/** The levels that are filed, from the pack (Measures art. 12?, draft: important and core). */
export const filedLevels = (pack: MeasuresPack): readonly DataLevel[] => pack.catalogFiling.levels.value;

/** Whether an asset belongs in the filed catalog: active and of a filed level. */
export const isFiled = (pack: MeasuresPack, a: Pick<DataAssetRow, 'level' | 'status'>) =>
  a.status === 'active' && filedLevels(pack).includes(a.level as DataLevel);

/**
 * Unknown question or answer ids, one problem each at `body.answers.<id>`, and unanswered questions: the level must
 * rest on every grading element (GB/T 43697-2024), so a partial wizard is not accepted.
 */
export function answerProblems(pack: QuestionsPack, answers: WizardAnswers): FieldProblem[] {
  const questions = new Map(pack.questions.map((q) => [q.value.id, q.value]));
  const problems: FieldProblem[] = [];
  for (const [id, key] of Object.entries(answers)) {
    const q = questions.get(id);
    if (!q) {
      problems.push({
        path: `body.answers.${id}`,
        message: `No question ${id}.`,
        code: 'data_catalog.unknown_question',
      });
    } else if (!q.answers.some((a) => a.key === key)) {
      problems.push({
        path: `body.answers.${id}`,
        message: `Question ${id} has no answer ${key}.`,
        code: 'data_catalog.unknown_answer',
      });
    }
  }
  for (const id of questions.keys()) {
    if (answers[id] === undefined) {
      problems.push({
        path: `body.answers.${id}`,
        message: `Answer question ${id}.`,
        code: 'data_catalog.unanswered',
      });
    }
  }
  return problems;
}

type Extract = (a: DataAssetRow) => unknown;

/** How each catalog field the pack names is read from an asset (Measures art. 12?, draft: the filed contents). */
const FIELD_VALUES: Record<string, Extract> = {
  category: (a) => a.category,
  level: (a) => a.level,
  scale: (a) => ({ records: a.records, volumeMb: a.volumeMb }),
  processingPurposeAndMethod: (a) => ({ purpose: a.purpose, method: a.processingMethod }),
  scopeOfUse: (a) => a.scopeOfUse,
  responsibleParty: (a) => a.responsiblePerson,
  externalSharing: (a) => ({ shared: a.externalSharing, details: a.sharingDetails }),
  crossBorder: (a) => a.crossBorder,
  securityMeasures: (a) => a.securityMeasures,
  source: (a) => a.source,
  carrierSystem: (a) => a.carrierSystem,
};

/** Fails at start-up when a pack names a catalog field Bulwark cannot fill, rather than filing it empty. */
export function checkFilingFields(pack: MeasuresPack): void {
  const keys = [...pack.catalogFiling.fields.value, ...pack.catalogFiling.possibleFurtherFields.value];
  const unknown = keys.map((f) => f.key).filter((k) => !(k in FIELD_VALUES));
  if (unknown.length) throw new Error(`catalog filing fields without a source: ${unknown.join(', ')}`);
}

/**
 * The filed description of one asset: its id and name, the pack's catalog fields, and the optional source and
 * carrier (pack `possibleFurtherFields`, unconfirmed) when given. Never the data itself (`excludesDataContent`).
 */
export function filedDescription(pack: MeasuresPack, a: DataAssetRow): Record<string, unknown> {
  const out: Record<string, unknown> = { assetId: a.id, name: a.name };
  for (const f of pack.catalogFiling.fields.value) out[f.key] = FIELD_VALUES[f.key]?.(a);
  for (const f of pack.catalogFiling.possibleFurtherFields.value) {
    const v = FIELD_VALUES[f.key]?.(a);
    if (v !== null && v !== undefined) out[f.key] = v;
  }
  return out;
}

/**
 * The baseline the ≥30 % rule compares: records per category and, as the filing's scale, the total record count
 * of the filed assets. Bulwark measures scale in records (not MB) because records are what the wizard's scale
 * element and the category counts use, so category and scale changes are judged in the same unit each time.
 */
export function catalogTotals(pack: MeasuresPack, assets: readonly DataAssetRow[]): FilingSnapshot {
  const categories: Record<string, number> = {};
  let scale = 0;
  for (const a of assets) {
    if (!isFiled(pack, a)) continue;
    categories[a.category] = (categories[a.category] ?? 0) + a.records;
    scale += a.records;
  }
  return { categories, scale };
}

/** JSON with object keys sorted: a snapshot read back from jsonb has its keys reordered. */
const stable = (v: unknown): string =>
  v !== null && typeof v === 'object'
    ? `{${Object.entries(v)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`)
        .join(',')}}`
    : JSON.stringify(v ?? null);

/**
 * What changed since the approved snapshot besides counts: a filed field (other than scale) of a filed asset differs,
 * its level included (material change); or a filed asset was destroyed. A newly filed asset is left to the ≥30 %
 * category and scale rule, which is there so that small additions need no change filing. Compared with the snapshot rather than the last write, so a later unrelated edit cannot lapse it.
 * Source and carrier are left out: whether the final Measures file them is unconfirmed.
 */
export function changesSince(
  pack: MeasuresPack,
  snapshot: readonly Record<string, unknown>[],
  assets: readonly DataAssetRow[],
): { materialChange: boolean; destroyed: boolean } {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const keys = pack.catalogFiling.fields.value.map((f) => f.key).filter((k) => k !== 'scale');
  let materialChange = false;
  let destroyed = false;
  for (const entry of snapshot) {
    const now = byId.get(String(entry.assetId));
    if (!now || now.status === 'destroyed') {
      destroyed = true;
      continue;
    }
    if (!isFiled(pack, now)) {
      materialChange = true;
      continue;
    }
    const current = filedDescription(pack, now);
    if (keys.some((k) => stable(current[k]) !== stable(entry[k]))) materialChange = true;
  }
  return { materialChange, destroyed };
}

/** China working days after `now`'s Shanghai day, up to and including `lastDay` (0 once it has passed). */
export function workingDaysLeft(now: Date, lastDay: LocalDate, cal: HolidayCalendar): number {
  let n = 0;
  for (let d = addLocalDays(shanghaiDate(now), 1); d <= lastDay; d = addLocalDays(d, 1)) {
    if (isWorkingDay(d, cal).working) n++;
  }
  return n;
}

/** Product choice: a clock within 3 days of its due time shows as due soon. */
const DUE_SOON_MS = 3 * 86_400_000;

/** A deadline as the web Countdown shows it: stopped at `doneAt`, else running against `now`. */
export function countdown(dueAt: Date, doneAt: Date | null, now: Date) {
  if (doneAt) {
    return {
      dueAt: dueAt.toISOString(),
      doneAt: doneAt.toISOString(),
      status: doneAt <= dueAt ? ('met' as const) : ('met-late' as const),
      remainingMs: null,
    };
  }
  const left = dueAt.getTime() - now.getTime();
  return {
    dueAt: dueAt.toISOString(),
    doneAt: null,
    status:
      left < 0 ? ('overdue' as const) : left <= DUE_SOON_MS ? ('due-soon' as const) : ('pending' as const),
    remainingMs: left,
  };
}

/**
 * Product choice (the Measures give no numbering): `DSF-<province code>-<year>-<6-digit sequence>`, the sequence
 * counting certificates of that province and year from 000001.
 */
export const certificatePrefix = (provinceCode: string, year: number) => `DSF-${provinceCode}-${year}-`;
/** The certificate number after `lastSeq` for a prefix. */
export const certificateNo = (prefix: string, lastSeq: number) =>
  `${prefix}${String(lastSeq + 1).padStart(6, '0')}`;

/** A warning that does not block a write, with the rule it rests on. */
export interface CatalogWarning {
  code: string;
  message: string;
  clause: string;
  status: 'final' | 'draft' | 'unconfirmed';
}

/**
 * Cross-border warnings: important or core data leaving China needs an export security assessment (final); core data
 * must not leave at all per the first draft only (pack `coreDataExportBan`, unconfirmed), so Bulwark warns, not blocks.
 */
export function crossBorderWarnings(
  pack: MeasuresPack,
  level: DataLevel,
  crossBorder: boolean,
): CatalogWarning[] {
  if (!crossBorder || level === 'general') return [];
  const out: CatalogWarning[] = [];
  const ban = pack.crossBorder.coreDataExportBan;
  if (level === 'core' && ban.value) {
    out.push({
      code: 'data_catalog.core_data_export',
      message:
        'Core data is marked for cross-border transfer; the draft Measures forbid exporting core data.',
      clause: ban.clause,
      status: ban.status,
    });
  }
  const assessment = pack.crossBorder.exportSecurityAssessment;
  if (assessment.value) {
    out.push({
      code: 'data_catalog.export_assessment_required',
      message: 'Exporting important or core data needs a data-export security assessment.',
      clause: assessment.clause,
      status: assessment.status,
    });
  }
  return out;
}
