import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ImportOutcome, ImportResult, ImportRowError } from '../../../contracts/enterprises';
import { CsvError, decodeCsvText, parseCsv } from '../../../lib/tabular/csv';
import { MAX_XLSX_UNPACKED_BYTES, readXlsxRows, XlsxTooLargeError } from '../../../lib/tabular/xlsx';
import { type RequestContext, requireActor } from '../../core/actor';
import { AppError, forbidden } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { PlanPack } from '../../programme-rules/plan-schema';
import type { AuditService } from '../audit';
import { fieldsOf } from './enterprises.mappers';
import { canImport } from './enterprises.policy';
import { profileRepository } from './enterprises.repository';
import { type CellProblem, readCells, readHeader } from './import-columns';
import {
  type PlannedRow,
  placeAndName,
  planImport,
  type ReadRow,
  type RegistryView,
  usccOf,
} from './import-plan';
import { createRegistry, type RegistryWrite } from './registry';

/** Data rows one import may hold: a large province's roster (34号 counts 45,000 enterprises nationally) in one file. */
export const MAX_IMPORT_ROWS = 50_000;
// The problem document's generic `errors` list stays short; `rows` always carries the full report.
const MAX_ERRORS = 100;

/** The spreadsheet formats an import reads. */
export type ImportFormat = 'csv' | 'xlsx';

/** Import switches (see ADR 0004). */
export interface ImportOptions {
  preview: boolean;
  skipInvalid: boolean;
  /** The charset parameter of a CSV upload's Content-Type, if any. */
  charset?: string;
}

type Outcome = z.infer<typeof ImportOutcome>;
type RowError = z.infer<typeof ImportRowError>;

/** Reads the upload into rows of cell text; unreadable files are 400, oversized ones 413. */
async function readTable(bytes: Buffer, format: ImportFormat, charset?: string): Promise<string[][]> {
  if (bytes.length === 0) throw new AppError(400, 'import.empty', 'The file is empty.');
  const tooMany = () =>
    new AppError(413, 'import.too_many_rows', `An import holds at most ${MAX_IMPORT_ROWS} data rows.`);
  if (format === 'csv') {
    try {
      const rows = parseCsv(decodeCsvText(bytes, charset));
      if (rows.length > MAX_IMPORT_ROWS + 1) throw tooMany();
      return rows;
    } catch (e) {
      if (!(e instanceof CsvError)) throw e;
      throw new AppError(
        400,
        'import.unreadable',
        `The CSV cannot be read: ${e.message} (record ${e.record}).`,
      );
    }
  }
  try {
    return await readXlsxRows(bytes, MAX_IMPORT_ROWS + 1);
  } catch (e) {
    if (e instanceof RangeError) throw tooMany();
    if (e instanceof XlsxTooLargeError)
      throw new AppError(
        413,
        'import.too_large',
        `The workbook unpacks to more than ${MAX_XLSX_UNPACKED_BYTES} bytes.`,
      );
    throw new AppError(400, 'import.unreadable', 'The file is not a readable XLSX workbook.');
  }
}

/** 400 with the row-by-row report as the `rows` extension member; nothing was written. */
const rejected = (code: string, detail: string, rows: RowError[]) =>
  new AppError(
    400,
    code,
    detail,
    rows.slice(0, MAX_ERRORS).map((r) => ({
      path: `body.rows.${r.row}.${r.field ?? r.column ?? ''}`,
      message: r.message,
      code: r.code,
    })),
    undefined,
    { rows },
  );

/**
 * Bulk registry import from CSV or XLSX, keyed by USCC: an unknown code registers the enterprise (linking an
 * unregistered enterprise org of the same name in the same province, else creating one), a known one updates the
 * columns the file has. All valid rows apply in one transaction, or none (ADR 0004).
 */
export function createEnterpriseImportService(deps: { db: Db; audit: AuditService; plan: PlanPack }) {
  const { db, audit } = deps;
  const registry = createRegistry(deps);

  /** The registry as the rows see it: profiles by their USCCs, unregistered orgs by place and name. */
  async function viewFor(tx: Db, rows: readonly ReadRow[]): Promise<RegistryView> {
    const usccs = [...new Set(rows.map((r) => usccOf(r.present)).filter((u) => u !== undefined))];
    const existing = new Map((await profileRepository.byUscc(tx, usccs)).map((e) => [e.uscc, e]));
    const names = new Set(
      rows.filter((r) => !existing.has(usccOf(r.present) ?? '')).map((r) => String(r.present.name)),
    );
    const unregistered = new Map<string, string[]>();
    for (const o of await profileRepository.unregisteredOrgs(tx, [...names])) {
      const key = placeAndName(o.provinceCode, o.name);
      unregistered.set(key, [...(unregistered.get(key) ?? []), o.id]);
    }
    return { existing, unregistered };
  }

  /** Writes the planned rows, re-ranks the provinces they touch, and returns the audit events in row order. */
  async function apply(tx: Db, ctx: RequestContext, planned: readonly PlannedRow[]) {
    const writes = new Map<PlannedRow, RegistryWrite>();
    for (const p of planned) {
      if (p.before && p.outcome.action === 'update') {
        writes.set(p, await registry.change(tx, ctx, p.before, fieldsOf(p.before), p.fields, 'import'));
      }
    }
    const fresh = planned.filter((p) => !p.before);
    const registered = await registry.register(tx, ctx, fresh, 'import');
    fresh.forEach((p, i) => {
      writes.set(p, registered[i]!);
      p.outcome.enterpriseId = registered[i]!.enterpriseId;
    });
    await registry.recompute(
      tx,
      ctx.now,
      [...writes.values()].flatMap((w) => w.provinces),
    );
    return planned.flatMap((p) => {
      const event = writes.get(p)?.event;
      return event ? [event] : [];
    });
  }

  return {
    /** Imports (or previews) a file; see ADR 0004 for the policy on invalid rows. */
    async importFile(
      ctx: RequestContext,
      bytes: Buffer,
      format: ImportFormat,
      opts: ImportOptions,
    ): Promise<z.infer<typeof ImportResult>> {
      const actor = requireActor(ctx);
      if (!canImport(actor)) throw forbidden('Only regulator admins import enterprises.');
      const [header = [], ...data] = await readTable(bytes, format, opts.charset);
      const { map, problems: headerProblems } = readHeader(header);
      const report: RowError[] = [];
      const note = (row: number, p: CellProblem) =>
        report.push({
          row,
          column: p.column ? (map.labels[p.column] ?? p.column) : null,
          field: p.field,
          message: p.message,
          code: p.code,
        });
      if (headerProblems.length) {
        for (const p of headerProblems) note(1, p);
        throw rejected('import.invalid_header', 'The header row does not describe a registry file.', report);
      }
      const rows = data
        .map((cells, i) => ({ row: i + 2, cells }))
        .filter((r) => r.cells.some((c) => c.trim() !== ''))
        .map((r) => ({ row: r.row, ...readCells(map, r.cells) }));
      if (!rows.length) throw new AppError(400, 'import.empty', 'The file has no data rows.');

      const run = async (tx: Db) => {
        if (!opts.preview) await profileRepository.lock(tx);
        const { planned, invalid } = planImport(rows, await viewFor(tx, rows), actor, ctx.now);
        for (const { row, problem } of invalid) note(row, problem);
        if (report.length && !opts.skipInvalid && !opts.preview) {
          const detail = `${rows.length - planned.length} of ${rows.length} rows are invalid; nothing was imported.`;
          throw rejected('import.invalid_rows', detail, report);
        }
        const events = opts.preview ? [] : await apply(tx, ctx, planned);
        const count = (a: Outcome['action']) => planned.filter((p) => p.outcome.action === a).length;
        const counts = {
          total: rows.length,
          created: count('create'),
          linked: count('link'),
          updated: count('update'),
          unchanged: count('unchanged'),
          skipped: rows.length - planned.length,
        };
        if (!opts.preview) {
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          await audit.appendMany(tx, ctx, [
            ...events,
            {
              action: 'enterprise.imported',
              entityType: 'enterprise_import',
              data: { format, sha256, ...counts },
            },
          ]);
        }
        return {
          preview: opts.preview,
          applied: !opts.preview,
          ...counts,
          outcomes: planned.map((p) => p.outcome),
          rows: report,
        };
      };
      return opts.preview ? run(db) : inTransaction(db, run);
    },
  };
}

/** The import service's public type. */
export type EnterpriseImportService = ReturnType<typeof createEnterpriseImportService>;
