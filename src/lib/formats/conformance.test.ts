import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCsaf, validateCve5, validateOsv } from './validate';

/**
 * The bundled-schema validators against third-party documents (../shared/vectors/README.md §5–§7, §9): every
 * official or real-world document must get the verdict listed here. Invalid ones are listed with the reason.
 */
const VECTORS = new URL('../../../../shared/vectors/', import.meta.url);

const text = (path: string): string => readFileSync(new URL(path, VECTORS), 'utf8');
const json = (path: string): unknown => JSON.parse(text(path));
const jsonFiles = (dir: string): string[] =>
  readdirSync(new URL(dir, VECTORS))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${dir}${f}`);
const jsonLines = (path: string): unknown[] =>
  text(path)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

/** Documents whose schema verdict was not the expected one. */
function mismatches<T>(
  items: readonly T[],
  expectedValid: (item: T) => boolean,
  valid: (item: T) => boolean,
): T[] {
  return items.filter((item) => valid(item) !== expectedValid(item));
}

describe('CSAF 2.0 schema validator', () => {
  const CSAF = 'csaf/csaf_2.0/';
  const real = [
    ...jsonFiles(`${CSAF}examples/csaf/`),
    ...jsonFiles(`${CSAF}examples/csaf/csaf_vex/`),
    ...jsonFiles('osv/redhat-csaf-to-osv/CSAF/'),
    'sbom/guac-exampledata/rhsa-csaf.json',
    'advisories/misc-osv/vex/csaf-demo1.json',
    'advisories/misc-osv/vex/csaf-demo2.json',
  ];

  it('accepts the OASIS examples and real advisories (strict and non-strict)', () => {
    const bad = mismatches(
      real,
      () => true,
      (f) => validateCsaf(json(f)).valid && validateCsaf(json(f), { strict: false }).valid,
    );
    console.log(
      `csaf: ${real.length - bad.length}/${real.length} OASIS example and real-world documents accepted`,
    );
    expect(bad).toEqual([]);
    expect(real.length).toBe(27);
  });

  /**
   * The OASIS semantic-test documents are schema-valid except where the test itself is a schema check:
   * 6.1.8 (invalid CVSS, checked by the FIRST schemas) fails both modes, and 6.2.20 (additional properties)
   * fails only the strict schema, as in @secvisogram/csaf-validator-lib.
   */
  it('gives the expected verdict on every OASIS testcase document', () => {
    const testcases = json(`${CSAF}test/validator/data/testcases.json`) as {
      tests: { id: string; failures?: { name: string }[]; valid?: { name: string }[] }[];
    };
    const docs = testcases.tests.flatMap((t) => [
      ...(t.failures ?? []).map((d) => ({ id: t.id, failing: true, name: d.name })),
      ...(t.valid ?? []).map((d) => ({ id: t.id, failing: false, name: d.name })),
    ]);
    const load = (name: string) => json(`${CSAF}test/validator/data/${name}`);
    const badStrict = mismatches(
      docs,
      (d) => !(d.failing && (d.id === '6.1.8' || d.id === '6.2.20')),
      (d) => validateCsaf(load(d.name)).valid,
    );
    const badLoose = mismatches(
      docs,
      (d) => !(d.failing && d.id === '6.1.8'),
      (d) => validateCsaf(load(d.name), { strict: false }).valid,
    );
    const rejectedStrict = docs.filter((d) => !validateCsaf(load(d.name)).valid).length;
    console.log(
      `csaf: ${docs.length - badStrict.length}/${docs.length} OASIS testcase documents with the expected strict ` +
        `verdict (${rejectedStrict} rejected: 6.1.8 ×3, 6.2.20 ×1); ` +
        `${docs.length - badLoose.length}/${docs.length} non-strict (6.1.8 ×3 rejected)`,
    );
    expect(badStrict).toEqual([]);
    expect(badLoose).toEqual([]);
    expect(docs.length).toBe(239);
    expect(rejectedStrict).toBe(4);
  });

  it('reports where a document breaks the schema', () => {
    const result = validateCsaf(
      json(`${CSAF}test/validator/data/optional/oasis_csaf_tc-csaf_2_0-2021-6-2-20-01.json`),
    );
    expect(result.errors).toContainEqual({
      path: '/document',
      message: 'must NOT have additional properties: custom_property',
    });
  });
});

describe('CVE JSON 5 schema validator', () => {
  /** A Go CNA submission carries only `cveMetadata.cveId`; the container is checked inside a full record. */
  const asRecord = (cna: unknown, cveId = 'CVE-2000-0001') => ({
    dataType: 'CVE_RECORD',
    dataVersion: '5.1',
    cveMetadata: { cveId, assignerOrgId: '5f3c9a1e-8d2b-4c7a-9e1f-2a6b8c0d4e73', state: 'PUBLISHED' },
    containers: { cna },
  });

  it('accepts the official examples and real records', () => {
    const examples = jsonFiles('cve/schema-examples/').map((f) => {
      const doc = json(f) as { dataType?: string };
      return { f, doc: doc.dataType === undefined ? asRecord(doc) : doc };
    });
    const records = jsonFiles('cve/records-cvelistV5/').map((f) => ({ f, doc: json(f) }));
    const goCna = jsonFiles('cve/golang-vulndb-cna-containers/').map((f) => {
      const doc = json(f) as { cveMetadata: { cveId: string }; containers: { cna: unknown } };
      return { f, doc: asRecord(doc.containers.cna, doc.cveMetadata.cveId) };
    });
    const all = [...examples, ...records, ...goCna];
    const bad = mismatches(
      all,
      () => true,
      (x) => validateCve5(x.doc).valid,
    ).map((x) => x.f);
    console.log(
      `cve5: ${all.length - bad.length}/${all.length} accepted (${examples.length} schema examples, ` +
        `${records.length} cvelistV5 records, ${goCna.length} Go CNA containers)`,
    );
    expect(bad).toEqual([]);
    expect(all.length).toBe(4 + 23 + 239);
  });

  /**
   * CVE Services fixtures. Excluded: `rejectBody*.json` and `rejectExisting.json` are request bodies of the
   * reject endpoint (`{cnaContainer}`), not records. Three `_langs` fixtures that CVE Services rejects by
   * business rule (several English or same-language descriptions) are schema-valid; the schema only demands
   * one English description, which the other two lack.
   */
  const FIXTURE_VERDICTS: Readonly<Record<string, boolean>> = {
    'CVE-2000-0008_published.json': true,
    'CVE-2009-0009_rejected.json': true,
    'CVE-2017-5833_reserved.json': false, // RESERVED is not a record state: no containers
    'CVE-2021-0004_published.json': true,
    'CVE-2021-0005_published.json': true,
    'CVE-3000-0001_nonexistent.json': true, // a well-formed record for an id the service does not know
    'CVE-2000-0008_published_langs/cna_descriptions-multipleEnLangs.json': true,
    'CVE-2000-0008_published_langs/cna_descriptions-multipleEnLangsDifferentLocale.json': true,
    'CVE-2000-0008_published_langs/cna_descriptions-multipleSameLangs.json': true,
    'CVE-2000-0008_published_langs/cna_descriptions-multipleIdenticalEntries.json': false, // no English entry
    'CVE-2000-0008_published_langs/cna_descriptions-multipleSameLangsNoEn.json': false, // no English entry
  };

  it('gives the expected verdict on the CVE Services fixtures', () => {
    const names = Object.keys(FIXTURE_VERDICTS);
    const excluded = jsonFiles('cve/cve-services-fixtures/').filter(
      (f) => FIXTURE_VERDICTS[f.replace('cve/cve-services-fixtures/', '')] === undefined,
    );
    expect(excluded.every((f) => /\/reject[A-Za-z]*\.json$/.test(f))).toBe(true);
    const bad = mismatches(
      names,
      (n) => FIXTURE_VERDICTS[n] === true,
      (n) => validateCve5(json(`cve/cve-services-fixtures/${n}`)).valid,
    );
    const rejected = names.filter((n) => FIXTURE_VERDICTS[n] === false).length;
    console.log(
      `cve5: ${names.length - bad.length}/${names.length} CVE Services fixtures with the expected verdict ` +
        `(${rejected} rejected); excluded: ${excluded.length} reject-endpoint request bodies (not records)`,
    );
    expect(bad).toEqual([]);
  });
});

describe('OSV schema validator', () => {
  /** Records known to break the current schema, with the reason. */
  const INVALID: Readonly<Record<string, string>> = {
    'nointroduced-CVE-2023-41045': 'a range without an introduced event (linter test data)',
    'PYSEC-2021-371': 'short or suffixed git commit id (full hashes required since 2026-02)',
    'PYSEC-2021-424': 'short or suffixed git commit id',
    'PYSEC-2021-425': 'short or suffixed git commit id',
    'PYSEC-2021-436': 'short or suffixed git commit id',
    'PYSEC-2019-155': 'short or suffixed git commit id',
    'PYSEC-2017-27': 'short or suffixed git commit id',
    'PYSEC-2023-80': 'short or suffixed git commit id',
    'osv-git-conflict-upper-bound-range': 'no modified field (Dependency-Track edge case)',
    'osv-git-no-upper-bound-range': 'no modified field',
    'osv-git-upper-bound-range': 'no modified field',
    'osv-vulnerability-exact-version': 'no modified field',
    'osv-vulnerability-invalid-cvss': 'no modified field; a severity without type',
    'osv-vulnerability-no-range': 'ecosystem "JavaScript" is not an OSV ecosystem',
    'GHSA-3wq5-3f56-v5xc': 'a reference URL without a scheme (github.com/…), not format uri',
    'GHSA-g9wh-3vrx-r7hg': 'a reference URL without a scheme',
    'GHSA-xmg8-99r8-jc2j': 'a reference URL without a scheme',
  };

  it('gives the expected verdict on OSV corpora', () => {
    const fileKey = (f: string) => (f.split('/').pop() as string).replace(/(\.osv)?\.json$/, '');
    const files = [
      ...jsonFiles('osv/osv-linter-testdata/'),
      ...jsonFiles('osv/ghsa-to-osv/').filter((f) => f.endsWith('.osv.json')),
      ...jsonFiles('osv/redhat-csaf-to-osv/OSV/'),
      ...jsonFiles('advisories/misc-osv/grype-osv-transformer/'),
      ...jsonFiles('advisories/misc-osv/dependency-track-osv/'),
      ...jsonFiles('advisories/misc-osv/golang-vulndb-ghsa-go/'),
    ].map((f) => ({ key: fileKey(f), doc: json(f) }));
    const lines = [
      ...jsonLines('advisories/golang-vulndb/go-osv.jsonl'),
      ...jsonLines('advisories/pypa-advisory-database/pypa-osv.jsonl'),
    ].map((doc) => ({ key: (doc as { id: string }).id, doc }));
    const all = [...files, ...lines];
    const bad = mismatches(
      all,
      (x) => INVALID[x.key] === undefined,
      (x) => validateOsv(x.doc).valid,
    ).map((x) => x.key);
    const rejected = all.filter((x) => INVALID[x.key] !== undefined).length;
    console.log(
      `osv: ${all.length - bad.length}/${all.length} records with the expected verdict ` +
        `(${all.length - rejected} valid, ${rejected} known-invalid: ${Object.keys(INVALID).join(', ')})`,
    );
    expect(bad).toEqual([]);
    expect(rejected).toBe(Object.keys(INVALID).length);
  });
});
