import { peekKeyId } from '../../src/lib/crypto';
import type { RawSql } from '../../src/server/db/client';

/**
 * What a whole object looks like in SQL, per write kind. Each query lists offenders (at most 5); any row is a
 * half-written object: one transaction's rows committed in part, or an audit entry without its object or the reverse.
 */
const INVARIANTS: { name: string; sql: string }[] = [
  {
    name: 'vulnerability report without its intake timeline entry',
    sql: `select r.id, r.title from vulnerability_reports r where not exists
      (select 1 from vulnerability_events e where e.report_id = r.id and e.kind = 'intake')`,
  },
  {
    name: 'vulnerability report without its RMSV art. 5 intake-log row',
    sql: `select r.id, r.title from vulnerability_reports r where not exists
      (select 1 from intake_log l where l.report_id = r.id and l.event = 'submitted')`,
  },
  {
    name: 'vulnerability report without its audit entry',
    sql: `select r.id, r.title from vulnerability_reports r where not exists
      (select 1 from audit_log a where a.action = 'vulnerability.submitted' and a.entity_id = r.id::text)`,
  },
  {
    name: 'routed vulnerability report without a vendor notification',
    sql: `select r.id, r.title from vulnerability_reports r where r.vendor_org_id is not null
      and r.reporter_kind <> 'vendor-internal' and not exists
      (select 1 from notifications n where n.data->>'reportId' = r.id::text)`,
  },
  {
    name: 'intake-log row naming a missing report',
    sql: `select l.id, l.report_ref from intake_log l where l.report_id is not null and not exists
      (select 1 from vulnerability_reports r where r.id = l.report_id)`,
  },
  {
    name: 'vulnerability audit entry without its report',
    sql: `select a.seq, a.entity_id from audit_log a where a.action = 'vulnerability.submitted' and not exists
      (select 1 from vulnerability_reports r where r.id::text = a.entity_id)`,
  },
  {
    name: 'incident without its first timeline entry',
    sql: `select i.id, i.title from incidents i where not exists
      (select 1 from incident_events e where e.incident_id = i.id and e.kind = 'reported')`,
  },
  {
    name: 'incident without its audit entry',
    sql: `select i.id, i.title from incidents i where not exists
      (select 1 from audit_log a where a.action = 'incident.reported' and a.entity_id = i.id::text)`,
  },
  {
    name: 'incident audit entry or notification without its incident',
    sql: `select a.entity_id from audit_log a where a.action = 'incident.reported' and not exists
        (select 1 from incidents i where i.id::text = a.entity_id)
      union all select n.data->>'incidentId' from notifications n where n.data ? 'incidentId' and not exists
        (select 1 from incidents i where i.id::text = n.data->>'incidentId')`,
  },
  {
    name: 'vulnerability notification without its report',
    sql: `select n.id, n.data->>'reportId' from notifications n where n.data ? 'reportId' and not exists
      (select 1 from vulnerability_reports r where r.id::text = n.data->>'reportId')`,
  },
  {
    name: 'training session without its audit entry, or the reverse',
    sql: `select s.id::text, s.topic from training_sessions s where not exists
        (select 1 from audit_log a where a.action = 'training.session_recorded' and a.entity_id = s.id::text)
      union all select a.entity_id, 'audit' from audit_log a where a.action = 'training.session_recorded'
        and not exists (select 1 from training_sessions s where s.id::text = a.entity_id)
        and not exists (select 1 from audit_log d where d.action = 'training.session_deleted' and d.entity_id = a.entity_id)`,
  },
  {
    name: 'data asset without its audit entry, or the reverse',
    sql: `select d.id::text, d.name from data_assets d where not exists
        (select 1 from audit_log a where a.action = 'data_asset.created' and a.entity_id = d.id::text)
      union all select a.entity_id, 'audit' from audit_log a where a.action = 'data_asset.created'
        and not exists (select 1 from data_assets d where d.id::text = a.entity_id)`,
  },
  {
    name: 'product without its audit entry, or the reverse',
    sql: `select p.id::text, p.name from products p where not exists
        (select 1 from audit_log a where a.action = 'product.created' and a.entity_id = p.id::text)
      union all select a.entity_id, 'audit' from audit_log a where a.action = 'product.created'
        and not exists (select 1 from products p where p.id::text = a.entity_id)`,
  },
  {
    name: 'audit chain sequence with a gap or a duplicate',
    sql: `select count(*) as n, min(seq), max(seq) from audit_log
      having count(*) <> coalesce(max(seq), 0) or count(distinct seq) <> count(*)`,
  },
];

/** Runs every invariant; returns one line per violated invariant naming up to 5 offenders. */
export async function checkInvariants(raw: RawSql): Promise<string[]> {
  const violations: string[] = [];
  for (const inv of INVARIANTS) {
    const { rows } = await raw.query(`select * from (${inv.sql}) v limit 5`);
    if (rows.length) violations.push(`${inv.name}: ${JSON.stringify(rows)}`);
  }
  // A sealed column is only whole if the data key it names committed too (the first seal creates the key).
  const keys = new Set(
    (await raw.query<{ id: string }>('select id::text as id from data_keys')).rows.map((k) => k.id),
  );
  const sealed = await raw.query<{ id: string; blob: Uint8Array }>(
    `select id::text as id, description_sealed as blob from vulnerability_reports
     union all select id::text, sealed_description from incidents`,
  );
  const unkeyed = sealed.rows.filter((r) => !keys.has(peekKeyId(Buffer.from(r.blob)))).slice(0, 5);
  if (unkeyed.length)
    violations.push(
      `sealed description under a missing data key: ${JSON.stringify(unkeyed.map((r) => r.id))}`,
    );
  return violations;
}
