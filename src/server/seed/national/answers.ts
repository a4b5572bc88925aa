import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ControlAnswer } from '../../programme-rules/controls-schema';

const CODE: Record<ControlAnswer, string> = { yes: 'y', partial: 'p', no: 'n', 'not-applicable': 'a' };
// Examinations per statement: each expands to one row per answered control inside the database.
const SHEETS = 2000;

/**
 * Self-examination answers, the largest table of the dataset (55 rows an examination): each examination travels as
 * one string of answer codes in control-library order and the database expands it, so a statement carries four
 * arrays for thousands of examinations instead of one parameter per answer. All answers of one examination are
 * recorded by one person at one time, as answering the whole sheet at once does.
 */
export class AnswerSheets {
  private sheets: { id: string; codes: string; by: string; at: string }[] = [];
  /** Answers written so far (flushed or not). */
  count = 0;

  constructor(
    private readonly tx: Db,
    private readonly controlIds: readonly string[],
    private readonly examinations: { flush(): Promise<void> },
  ) {}

  /** Queues one examination's answers; controls without an answer stay unanswered. */
  async add(examinationId: string, answers: Readonly<Record<string, ControlAnswer>>, by: string, at: Date) {
    const codes = this.controlIds.map((c) => (answers[c] ? CODE[answers[c]] : '-')).join('');
    this.sheets.push({ id: examinationId, codes, by, at: at.toISOString() });
    this.count += Object.keys(answers).length;
    if (this.sheets.length >= SHEETS) await this.flush();
  }

  /** Writes what is queued (after the examinations it belongs to). */
  async flush() {
    if (!this.sheets.length) return;
    await this.examinations.flush();
    const s = this.sheets;
    this.sheets = [];
    await this.tx.execute(sql`
      insert into examination_answers (examination_id, control_id, answer, answered_by, answered_at)
      select s.eid, c.cid,
        case substr(s.codes, c.n::int, 1)
          when 'y' then 'yes' when 'p' then 'partial' when 'n' then 'no' else 'not-applicable' end,
        s.uid, s.ts
      from unnest(${sql.param(s.map((x) => x.id))}::uuid[], ${sql.param(s.map((x) => x.codes))}::text[],
        ${sql.param(s.map((x) => x.by))}::uuid[], ${sql.param(s.map((x) => x.at))}::timestamptz[])
        as s(eid, codes, uid, ts)
      cross join unnest(${sql.param([...this.controlIds])}::text[]) with ordinality as c(cid, n)
      where substr(s.codes, c.n::int, 1) <> '-'`);
  }
}
