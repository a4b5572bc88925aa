import { describe, expect, it } from 'vitest';
import { bundledProgrammePacks } from '../../programme-rules/programme-pack';
import { dueNext, type ObligationFacts } from './due-next';

const packs = bundledProgrammePacks();
const cst = (local: string) => new Date(`${local}+08:00`);
const now = cst('2026-06-15T10:00:00');
const quiet: ObligationFacts = {
  now,
  handlesImportantData: false,
  filings: 0,
  selfExaminationThisYear: true,
  correctives: { open: 0, overdue: 0, nextDue: null },
  riskValidUntil: null,
  personTimesThisYear: 12,
};
const kinds = (f: Partial<ObligationFacts>) => dueNext({ ...quiet, ...f }, packs).map((i) => i.kind);

describe('dueNext', () => {
  it('shows only this year’s training for an enterprise with nothing due', () => {
    const [only, ...rest] = dueNext(quiet, packs);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      kind: 'training-this-year',
      count: 12,
      link: '/training',
      dueAt: cst('2026-12-31T23:59:59.999').toISOString(),
      clause: packs.plan.targets.trainingPersonTimes.clause,
      status: 'final',
    });
  });

  it('asks an enterprise with important data for its catalog filing and risk assessment first', () => {
    const items = dueNext({ ...quiet, handlesImportantData: true }, packs);
    expect(items.map((i) => i.kind)).toEqual([
      'catalog-not-filed',
      'risk-assessment-missing',
      'training-this-year',
    ]);
    expect(items[0]).toMatchObject({ dueAt: null, link: '/data-catalog', status: 'draft' });
    expect(items[1]).toMatchObject({ dueAt: null, link: '/risk-assessments', status: 'final' });
  });

  it('does not ask for a catalog filing without important or core data, nor once one was made', () => {
    expect(kinds({ handlesImportantData: false })).not.toContain('catalog-not-filed');
    expect(kinds({ handlesImportantData: true, filings: 1, riskValidUntil: '2027-01-01' })).not.toContain(
      'catalog-not-filed',
    );
  });

  it('sorts by due date: overdue correctives, the review deadline, the change filing, the year end', () => {
    const items = dueNext(
      {
        ...quiet,
        filings: 1,
        openFiling: { status: 'submitted', reviewDueAt: cst('2026-07-10T23:59:59.999') },
        refilingDueAt: cst('2026-09-01T23:59:59.999'),
        selfExaminationThisYear: false,
        correctives: { open: 3, overdue: 1, nextDue: '2026-06-01' },
      },
      packs,
    );
    expect(items.map((i) => i.kind)).toEqual([
      'corrective-actions-open',
      'filing-under-review',
      'refiling-due',
      'self-examination-due',
      'training-this-year',
    ]);
    expect(items[0]).toMatchObject({ overdue: true, count: 3, link: '/corrective-actions' });
    expect(items[1]).toMatchObject({
      overdue: false,
      clause: packs.measures.catalogFiling.reviewWorkingDays.clause,
    });
    expect(items[2]!.clause).toBe(packs.measures.catalogFiling.changeRefileMonths.clause);
    expect(items[3]).toMatchObject({ link: '/self-examinations', status: packs.plan.selfExamination.status });
  });

  it('puts a returned filing first, with no date: the enterprise must act', () => {
    expect(
      kinds({ filings: 1, openFiling: { status: 'returned', reviewDueAt: cst('2026-05-01T00:00:00') } })[0],
    ).toBe('filing-returned');
  });

  it('warns of a risk assessment expiring within 60 days, and calls an expired one missing and overdue', () => {
    const base = { handlesImportantData: true, filings: 1 };
    expect(kinds({ ...base, riskValidUntil: '2026-12-31' })).not.toContain('risk-assessment-expiring');
    const soon = dueNext({ ...quiet, ...base, riskValidUntil: '2026-07-31' }, packs)[0]!;
    expect(soon).toMatchObject({ kind: 'risk-assessment-expiring', overdue: false });
    const gone = dueNext({ ...quiet, ...base, riskValidUntil: '2026-06-01' }, packs)[0]!;
    expect(gone).toMatchObject({ kind: 'risk-assessment-missing', overdue: true });
  });
});
