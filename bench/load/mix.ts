/**
 * The mixed workload: which actor calls what, how often, with which body. Reads dominate (76 %), as in real
 * use of a supervision platform; writes go through the same services, transactions and audit chain as the UI.
 */

/** The signed-in callers of the run. */
export type ActorName = 'researcher' | 'vendor' | 'enterprise' | 'ministry' | 'province';

/** How a caller authenticates: API token (Bearer) or a browser session (cookie + CSRF header on writes). */
export interface Credentials {
  email: string;
  via: 'token' | 'session';
  headers: Record<string, string>;
}

/** What setup hands to the load generator. */
export interface Fixtures {
  base: string;
  actors: Record<ActorName, Credentials>;
  productId: string;
  /** Reports in `submitted`, waiting for the vendor's `start-triage`. */
  submitted: string[];
  /** Reports the vendor may read (any state). */
  readable: string[];
  /** The enterprise's assets that receive SBOM uploads. */
  assetIds: string[];
  /** The enterprise's open incidents that receive follow-ups. */
  incidentIds: string[];
  /** The province the provincial regulator supervises. */
  province: string;
}

/** One HTTP request of the mix. */
export interface Call {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Mutable state of one run: report queues move through the lifecycle as the vendor works them. */
export interface MixState {
  fixtures: Fixtures;
  submitted: string[];
  triaging: string[];
  readable: string[];
  seq: number;
  /** Alternates the vendor between starting triage and confirming. */
  flip: boolean;
}

/** A weighted operation; `call` returns null when it has nothing to act on (the runner then picks again). */
export interface Op {
  name: string;
  kind: 'read' | 'write' | 'export';
  weight: number;
  call(s: MixState, random: () => number): Call | null;
  /** Reads the response of a write to feed the queues. */
  done?(s: MixState, call: Call, status: number, body: string): void;
}

const pick = <T>(xs: readonly T[], random: () => number) => xs[Math.floor(random() * xs.length)] as T;
const json = (c: Credentials, method: Call['method'], path: string, body: unknown): Call => ({
  method,
  path,
  headers: { ...c.headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const get = (c: Credentials, path: string): Call => ({ method: 'GET', path, headers: c.headers });

/** A realistic intake: two CVSS vectors and GB/T 30279 indicators, so scoring and grading run. */
export const intakeBody = (productId: string, n: number) => ({
  productId,
  affectedVersions: ['5.1.0', '5.2.3'],
  title: `负载测试报告 ${n}：管理界面存在未授权访问漏洞`,
  cwe: 'CWE-306',
  description: `攻击者无需认证即可访问 /admin/config 接口并修改防火墙策略（第 ${n} 号复现记录）。`,
  cvss: [
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
  ],
  gbt: {
    exploitability: {
      accessPath: 'network',
      trigger: 'low',
      privileges: 'none',
      interaction: 'not-required',
    },
    impact: { confidentiality: 'severe', integrity: 'severe', availability: 'severe' },
  },
});

/** A small CycloneDX 1.6 SBOM (30 components); lodash 4.17.20 falls inside the advisory setup imports. */
export function sbomBody(n: number): string {
  const libs = [
    ['npm', 'lodash', '4.17.20'],
    ['npm', 'express', '4.18.2'],
    ['npm', 'react', '18.2.0'],
    ['pypi', 'requests', '2.31.0'],
    ['maven', 'org.apache.logging.log4j/log4j-core', '2.17.1'],
    ['golang', 'golang.org/x/net', 'v0.17.0'],
  ];
  const components = Array.from({ length: 30 }, (_, i) => {
    const [type, name, version] = libs[i % libs.length] as [string, string, string];
    const own = i < libs.length;
    const v = own ? version : `${version}-build.${i}`;
    const n = own ? name : `${name}-fork-${i}`;
    return { type: 'library', 'bom-ref': `c${i}`, name: n, version: v, purl: `pkg:${type}/${n}@${v}` };
  });
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    version: 1,
    metadata: { component: { type: 'application', name: '生产调度系统', version: `1.${n}` } },
    components,
  });
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The mix; weights add up to 100. */
export const OPS: Op[] = [
  // Reads: the vendor's inbox and a report, the ministry's queue, lists and dashboards.
  {
    name: 'GET vulnerability inbox (vendor)',
    kind: 'read',
    weight: 14,
    call: (s) => get(s.fixtures.actors.vendor, '/api/vulnerabilities?mine=assigned&limit=50'),
  },
  {
    name: 'GET vulnerability list (ministry)',
    kind: 'read',
    weight: 6,
    call: (s) => get(s.fixtures.actors.ministry, '/api/vulnerabilities?limit=50'),
  },
  {
    name: 'GET vulnerability detail (vendor)',
    kind: 'read',
    weight: 8,
    call: (s, r) =>
      s.readable.length ? get(s.fixtures.actors.vendor, `/api/vulnerabilities/${pick(s.readable, r)}`) : null,
  },
  {
    name: 'GET exposures list (enterprise)',
    kind: 'read',
    weight: 8,
    call: (s) => get(s.fixtures.actors.enterprise, '/api/exposures?open=true&limit=50'),
  },
  {
    name: 'GET incidents inbox (province)',
    kind: 'read',
    weight: 8,
    call: (s) => get(s.fixtures.actors.province, '/api/incidents?limit=50'),
  },
  {
    name: 'GET enterprises list (province)',
    kind: 'read',
    weight: 8,
    call: (s) => get(s.fixtures.actors.province, '/api/enterprises?limit=50'),
  },
  {
    name: 'GET supervision overview',
    kind: 'read',
    weight: 12,
    call: (s, r) =>
      r() < 0.5
        ? get(s.fixtures.actors.ministry, '/api/supervision/overview')
        : get(s.fixtures.actors.province, '/api/supervision/overview'),
  },
  {
    name: 'GET supervision trends',
    kind: 'read',
    weight: 6,
    call: (s, r) =>
      r() < 0.5
        ? get(s.fixtures.actors.ministry, `/api/supervision/trends?province=${s.fixtures.province}`)
        : get(s.fixtures.actors.province, '/api/supervision/trends'),
  },
  {
    name: 'GET supervision list (enterprises)',
    kind: 'read',
    weight: 6,
    call: (s) => get(s.fixtures.actors.ministry, '/api/supervision/lists/enterprises?limit=50'),
  },
  // Writes.
  {
    name: 'POST vulnerability intake (researcher)',
    kind: 'write',
    weight: 5,
    call: (s) =>
      json(
        s.fixtures.actors.researcher,
        'POST',
        '/api/vulnerabilities',
        intakeBody(s.fixtures.productId, ++s.seq),
      ),
    done: (s, _c, status, body) => {
      if (status !== 201) return;
      const id = (JSON.parse(body) as { report: { id: string } }).report.id;
      s.submitted.push(id);
      s.readable.push(id);
    },
  },
  {
    name: 'POST lifecycle transition (vendor)',
    kind: 'write',
    weight: 8,
    call: (s) => {
      const vendor = s.fixtures.actors.vendor;
      // Alternate so each report goes submitted → triage → confirmed; intake (5 %) refills the queue.
      s.flip = !s.flip;
      const confirmNext = s.triaging.length > 0 && (s.submitted.length === 0 || s.flip);
      const id = confirmNext ? s.triaging.shift() : s.submitted.shift();
      if (!id) return null;
      const body = confirmNext
        ? {
            event: 'confirm',
            harm: '可远程修改防火墙策略',
            scope: 'HA-NGFW-3000 5.1.0–5.2.3',
          }
        : { event: 'start-triage' };
      return json(vendor, 'POST', `/api/vulnerabilities/${id}/transitions`, body);
    },
    done: (s, c, status) => {
      if (status !== 200 || !c.body?.includes('start-triage')) return;
      s.triaging.push(c.path.split('/')[3] as string);
    },
  },
  {
    name: 'PUT SBOM upload (enterprise)',
    kind: 'write',
    weight: 3,
    call: (s, r) => ({
      method: 'PUT',
      path: `/api/assets/${pick(s.fixtures.assetIds, r)}/sbom`,
      headers: { ...s.fixtures.actors.enterprise.headers, 'content-type': 'application/vnd.cyclonedx+json' },
      body: sbomBody(++s.seq),
    }),
  },
  {
    name: 'POST incident follow-up (enterprise)',
    kind: 'write',
    weight: 3,
    call: (s, r) =>
      json(
        s.fixtures.actors.enterprise,
        'POST',
        `/api/incidents/${pick(s.fixtures.incidentIds, r)}/follow-ups`,
        {
          text: `进展报告 ${++s.seq}：已隔离受影响主机，正在从离线备份恢复 MES 数据。`,
        },
      ),
  },
  {
    name: 'POST training session (enterprise)',
    kind: 'write',
    weight: 3,
    call: (s) =>
      json(s.fixtures.actors.enterprise, 'POST', '/api/training/sessions', {
        heldOn: today(),
        topic: `数据安全意识培训 第 ${++s.seq} 期`,
        trainer: '省工业信息安全中心',
        hours: 2,
        attendees: Array.from({ length: 12 }, (_, i) => `学员${i + 1}`),
      }),
  },
  // Exports: a supervision list as CSV (audited).
  {
    name: 'GET supervision CSV export',
    kind: 'export',
    weight: 2,
    call: (s, r) =>
      r() < 0.5
        ? get(s.fixtures.actors.ministry, '/api/supervision/lists/enterprises/export?format=csv')
        : get(s.fixtures.actors.province, '/api/supervision/lists/training/export?format=csv'),
  },
];

/** Picks operations by weight. */
export function chooser(ops: readonly Op[]) {
  const total = ops.reduce((n, o) => n + o.weight, 0);
  return (random: () => number): number => {
    let x = random() * total;
    for (let i = 0; i < ops.length; i++) {
      x -= (ops[i] as Op).weight;
      if (x < 0) return i;
    }
    return ops.length - 1;
  };
}

/** A small deterministic PRNG (mulberry32), one per client. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
