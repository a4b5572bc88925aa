import type { z } from 'zod';
import { EnterpriseFields, type ImportOutcome } from '../../../contracts/enterprises';
import type { Actor } from '../../core/actor';
import { inOrgScope, orgScopeFor } from '../identity/identity.policy';
import { changedFields, fieldsOf } from './enterprises.mappers';
import { mayPlaceIn } from './enterprises.policy';
import type { ProfileWithName } from './enterprises.repository';
import {
  assemble,
  type CellProblem,
  type ColumnKey,
  columnOf,
  NEW_PROFILE_BASE,
  type PresentCells,
} from './import-columns';
import { profileProblems } from './profile-rules';

/** A data row as read from the file. */
export interface ReadRow {
  row: number;
  present: PresentCells;
  problems: CellProblem[];
}

/** What the plan needs to know of the registry: profiles by USCC, unregistered enterprise orgs by place and name. */
export interface RegistryView {
  existing: ReadonlyMap<string, ProfileWithName>;
  unregistered: ReadonlyMap<string, readonly string[]>;
}

/** A valid row and what applying it does. */
export interface PlannedRow {
  outcome: z.infer<typeof ImportOutcome>;
  fields: EnterpriseFields;
  before: ProfileWithName | undefined;
  link: string | null;
}

/** The USCC a row is keyed by, when its cell was readable. */
export const usccOf = (p: PresentCells) => (typeof p.uscc === 'string' ? p.uscc : undefined);
/** The key of an unregistered org in `RegistryView.unregistered`. */
export const placeAndName = (provinceCode: string | null, name: string) => `${provinceCode}|${name}`;

/**
 * Decides each row: invalid (every problem reported, by column), or create, link, update or unchanged. Pure: the
 * caller loads the view and applies the plan.
 */
export function planImport(rows: readonly ReadRow[], view: RegistryView, actor: Actor, now: Date) {
  const scope = orgScopeFor(actor);
  const firstRowOf = new Map<string, number>();
  const linkedBy = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const invalid: { row: number; problem: CellProblem }[] = [];

  for (const r of rows) {
    const problems = [...r.problems];
    const bad = (column: ColumnKey, field: string, message: string, code: string) =>
      problems.push({ column, field, message, code });
    const uscc = usccOf(r.present);
    const before = uscc ? view.existing.get(uscc) : undefined;
    if (uscc && firstRowOf.has(uscc)) {
      bad('uscc', 'uscc', `The same code is on row ${firstRowOf.get(uscc)}.`, 'import.duplicate_uscc');
    } else if (uscc) firstRowOf.set(uscc, r.row);
    const foreign =
      before &&
      !inOrgScope(scope, { id: before.orgId, kind: 'enterprise', provinceCode: before.provinceCode });
    if (foreign)
      bad('uscc', 'uscc', 'This unified social credit code is already registered.', 'enterprise.uscc_taken');

    // Every column is checked so the report is complete, and a column already reported is not reported twice.
    const flagged = new Set(problems.map((p) => p.column));
    const more = (column: ColumnKey, field: string, message: string, code: string) => {
      if (!flagged.has(column)) bad(column, field, message, code);
    };
    const candidate = assemble(before && !foreign ? fieldsOf(before) : NEW_PROFILE_BASE, r.present);
    const parsed = EnterpriseFields.safeParse(candidate);
    const issues = parsed.success ? [] : parsed.error.issues;
    for (const i of issues) more(columnOf(i.path), i.path.join('.'), i.message, `validation.${i.code}`);
    const failed = new Set(issues.map((i) => String(i.path[0])));
    const checkable: Partial<EnterpriseFields> = parsed.success
      ? parsed.data
      : Object.fromEntries(Object.entries(candidate).filter(([k]) => !failed.has(k)));
    for (const p of profileProblems(checkable, now)) more(columnOf([p.field]), p.field, p.message, p.code);
    if (checkable.provinceCode && !mayPlaceIn(actor, checkable.provinceCode)) {
      more('provinceCode', 'provinceCode', 'Outside your province.', 'import.out_of_scope');
    }

    const fields = parsed.success ? parsed.data : undefined;
    let link: string | null = null;
    if (fields && !problems.length && !before) {
      const candidates = view.unregistered.get(placeAndName(fields.provinceCode, fields.name)) ?? [];
      const id = candidates[0];
      if (candidates.length > 1) {
        bad('name', 'name', 'Several unregistered organisations have this name.', 'import.ambiguous_org');
      } else if (id && linkedBy.has(id)) {
        bad(
          'name',
          'name',
          `Row ${linkedBy.get(id)} registers the same organisation.`,
          'import.duplicate_org',
        );
      } else if (id) {
        linkedBy.set(id, r.row);
        link = id;
      }
    }
    if (problems.length || !fields) {
      for (const problem of problems) invalid.push({ row: r.row, problem });
      continue;
    }
    const changed = before ? changedFields(fieldsOf(before), fields).length > 0 : true;
    const action = before ? (changed ? 'update' : 'unchanged') : link ? 'link' : 'create';
    planned.push({
      fields,
      before,
      link,
      outcome: {
        row: r.row,
        uscc: fields.uscc,
        name: fields.name,
        action,
        enterpriseId: before?.orgId ?? link,
      },
    });
  }
  return { planned, invalid };
}
