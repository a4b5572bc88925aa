import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestSbom, SbomError, type SbomIngestResult, type SbomIssue } from './index';

/** Third-party SBOMs and conformance files (../shared/vectors/README.md §8). */
const SBOM = fileURLToPath(new URL('../../../../shared/vectors/sbom/', import.meta.url));

type Outcome = { ok: true; result: SbomIngestResult } | { ok: false; errors: readonly SbomIssue[] };

async function ingest(path: string, lenient = false): Promise<Outcome> {
  try {
    return { ok: true, result: await ingestSbom(path, { lenient }) };
  } catch (error) {
    if (error instanceof SbomError) return { ok: false, errors: error.errors };
    throw error;
  }
}

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) out.push(...files(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out.sort();
}

describe('CycloneDX specification conformance files (CycloneDX/specification tools/src/test/resources)', () => {
  // Every JSON file is used. "skip_invalid-*" (1.2 only) are files upstream's own tests skip; they violate the
  // 1.2 schema all the same (an empty component, a component without type) and are expected to be rejected.
  it.each([
    '1.2',
    '1.3',
    '1.4',
    '1.5',
    '1.6',
    '1.7',
  ])('CycloneDX %s: valid-* accepted, invalid-* rejected', async (v) => {
    const dir = `${SBOM}cyclonedx/spec-tests/${v}`;
    const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    let valid = 0;
    let invalid = 0;
    for (const name of names) {
      const outcome = await ingest(`${dir}/${name}`);
      if (name.startsWith('valid-')) {
        expect(outcome, name).toMatchObject({ ok: true, result: { format: 'CycloneDX', specVersion: v } });
        valid++;
      } else {
        expect(outcome.ok, name).toBe(false);
        if (!outcome.ok) {
          expect(outcome.errors.length, name).toBeGreaterThan(0);
          for (const e of outcome.errors) expect(e.path, name).toMatch(/^\//);
        }
        invalid++;
      }
    }
    console.log(`CycloneDX ${v} spec tests: ${valid} valid accepted, ${invalid} invalid rejected`);
    expect(valid + invalid).toBe(names.length);
  });

  it('names the offending value of an invalid file by its JSON pointer', async () => {
    const at = async (file: string) => {
      const outcome = await ingest(`${SBOM}cyclonedx/spec-tests/${file}`);
      return outcome.ok ? [] : outcome.errors.map((e) => e.path);
    };
    expect(await at('1.7/invalid-bomformat-1.7.json')).toEqual(['/bomFormat']);
    expect(await at('1.6/invalid-component-type-1.6.json')).toEqual(['/components/0/type']);
    expect(await at('1.5/invalid-hash-sha256-1.5.json')).toContain('/components/0/hashes/2/content');
    expect(await at('1.4/invalid-metadata-timestamp-1.4.json')).toEqual(['/metadata/timestamp']);
    expect(await at('1.3/invalid-service-data-1.3.json')).toEqual(['/services/0/data/0/flow']);
    expect(await at('1.2/invalid-serialnumber-1.2.json')).toEqual(['/serialNumber']);
  });
});

describe('CycloneDX bom-examples (CycloneDX/bom-examples)', () => {
  it('accepts every JSON example and extracts purl-identified components', async () => {
    const paths = files(`${SBOM}cyclonedx/bom-examples`, /\.json$/);
    let components = 0;
    let matchable = 0;
    for (const path of paths) {
      const outcome = await ingest(path);
      expect(outcome.ok, path).toBe(true);
      if (outcome.ok) {
        components += outcome.result.counts.components;
        matchable += outcome.result.counts.matchable;
      }
    }
    console.log(`bom-examples: ${paths.length} documents, ${components} components, ${matchable} matchable`);
    const keycloak = await ingestSbom(`${SBOM}cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json`);
    expect(keycloak.counts.components).toBe(903);
    expect(keycloak.counts.byEcosystem.Maven).toBeGreaterThan(800);
  });
});

/** Real SBOMs that must be rejected in strict mode, with the reason (checked against their content). */
const GUAC_REJECTED: Record<string, string> = {
  // syft SPDX 2.2 output: packages lack copyrightText, which the SPDX 2.2 schema requires. Accepted in lenient mode.
  'alpine-small-spdx.json': "must have required property 'copyrightText'",
  'alpine-spdx.json': "must have required property 'copyrightText'",
  'oci-spdx.json': "must have required property 'copyrightText'",
  'oci-kubectl-linux-amd64-spdx.json': "must have required property 'copyrightText'",
  'oci-kubectl-linux-arm-v7-spdx.json': "must have required property 'copyrightText'",
  // Hand-made SPDX 2.2: creators are objects and packages say packageName instead of name (rejected even leniently).
  'small-spdx.json': 'must NOT have additional properties: packageName',
  'invalid-spdx-identifier-spdx.json': 'must NOT have additional properties: packageName',
  // guac's CycloneDX 1.7 sample gives patentAssertions[].asserter as an object, which 1.7 defines as a string.
  'cyclonedx-1.7.json': 'must NOT have additional properties: ref',
  // A 39-character SHA-1 and a bom-ref on a licence object (1.4 has none).
  'small-legal-cyclonedx.json': 'must match pattern',
  'invalid-cyclonedx.json': 'unsupported CycloneDX version "1"',
  'invalid-spdx.json': 'must be string',
  'open-vex-affected.json': 'JSON-LD documents',
  'open-vex-not-affected.json': 'JSON-LD documents',
  'rhsa-csaf.json': 'not an SBOM',
};

describe('guac example data (real SBOMs from syft, ko, Trivy and others)', () => {
  it('accepts the conformant ones and rejects the rest with paths', async () => {
    const paths = files(`${SBOM}guac-exampledata`, /\.json$/);
    const tally = { accepted: 0, rejected: 0, components: 0, matchable: 0 };
    for (const path of paths) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const outcome = await ingest(path);
      const reason = GUAC_REJECTED[name];
      if (reason === undefined) {
        expect(outcome.ok, name).toBe(true);
        if (outcome.ok) {
          tally.accepted++;
          tally.components += outcome.result.counts.components;
          tally.matchable += outcome.result.counts.matchable;
        }
      } else {
        expect(outcome.ok, name).toBe(false);
        if (!outcome.ok) expect(outcome.errors.map((e) => e.message).join('\n'), name).toContain(reason);
        tally.rejected++;
      }
    }
    console.log(`guac: ${paths.length} files, ${JSON.stringify(tally)}`);
    for (const [name, reason] of Object.entries(GUAC_REJECTED)) console.log(`  rejected ${name}: ${reason}`);
    expect(tally.accepted + tally.rejected).toBe(paths.length);
  });

  it('accepts the syft SPDX 2.2 documents in lenient mode, reporting what is missing as warnings', async () => {
    const kubectl = await ingestSbom(`${SBOM}guac-exampledata/oci-kubectl-linux-arm-v7-spdx.json`, {
      lenient: true,
    });
    expect(kubectl.specVersion).toBe('2.2');
    expect(kubectl.counts).toMatchObject({ components: 183, matchable: 182 });
    expect(kubectl.counts.byEcosystem).toEqual({ 'Debian:11': 99, Go: 83 });
    expect(kubectl.warnings[0]).toEqual({
      path: '/packages/0',
      message: "must have required property 'copyrightText'",
    });
    const broken = await ingest(`${SBOM}guac-exampledata/small-spdx.json`, true);
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.errors[0]).toEqual({
        path: '/packages/0',
        message: "must have required property 'name'",
      });
  });

  it('extracts purls, OSV packages and nested components', async () => {
    const mongo = await ingestSbom(`${SBOM}guac-exampledata/big-mongo-cyclonedx.json`);
    expect(mongo.counts).toMatchObject({ components: 293, matchable: 292, withoutPurl: 1 });
    const nested = await ingestSbom(`${SBOM}guac-exampledata/cyclonedx-components-nested.json`);
    const flat = await ingestSbom(`${SBOM}guac-exampledata/cyclonedx-components-flat.json`);
    expect(nested.components.map((c) => c.purl).sort()).toEqual(flat.components.map((c) => c.purl).sort());
    const spdx = await ingestSbom(`${SBOM}guac-exampledata/oci-kubectl-linux-amd64-spdx-1.json`);
    expect(spdx.format).toBe('SPDX');
    expect(spdx.serialNumber).toMatch(/^https?:\/\//);
    expect(spdx.components.find((c) => c.name === 'golang.org/x/net')).toMatchObject({
      ecosystem: 'Go',
      ref: expect.stringMatching(/^SPDXRef-/),
      purl: expect.stringMatching(/^pkg:golang\/golang.org\/x\/net@/),
    });
  });
});

describe('SPDX examples (spdx/spdx-spec, spdx/spdx-examples)', () => {
  it('accepts every SPDX 2.2/2.3 JSON document and rejects SPDX 3.0 JSON-LD with a clear reason', async () => {
    const paths = files(`${SBOM}spdx`, /\.json$/).filter((p) => !p.endsWith('spdx-schema.json'));
    const tally = { '2.2': 0, '2.3': 0, spdx3: 0 };
    for (const path of paths) {
      const spdx3 = JSON.parse(readFileSync(path, 'utf8'))['@context'] !== undefined;
      const outcome = await ingest(path);
      if (spdx3) {
        expect(outcome.ok, path).toBe(false);
        if (!outcome.ok) expect(outcome.errors[0]?.message, path).toContain('JSON-LD');
        tally.spdx3++;
      } else {
        expect(outcome.ok, path).toBe(true);
        if (outcome.ok) tally[outcome.result.specVersion as '2.2' | '2.3']++;
      }
    }
    console.log(`SPDX examples: ${JSON.stringify(tally)} (SPDX 3.0 rejected: not supported)`);
    expect(tally['2.2']).toBeGreaterThan(0);
    expect(tally['2.3']).toBeGreaterThan(0);
    const example = await ingestSbom(`${SBOM}spdx/spdx-spec/v2.3/SPDXJSONExample-v2.3.spdx.json`);
    expect(example.components.find((c) => c.purl !== null)).toMatchObject({
      ecosystem: 'Maven',
      name: 'org.apache.jena:apache-jena',
      version: '3.12.0',
    });
  });

  it('rejects the tag-value, YAML, XML and RDF serialisations with a hint', async () => {
    const xml = await ingest(`${SBOM}spdx/spdx-spec/v2.3/SPDXXMLExample-v2.3.spdx.xml`);
    expect(xml).toMatchObject({
      ok: false,
      errors: [{ path: '/', message: expect.stringContaining('XML') }],
    });
    const tv = await ingest(`${SBOM}spdx/spdx-spec/v2.3/SPDXTagExample-v2.3.spdx`);
    expect(tv).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('tag-value') }] });
    const yaml = await ingest(`${SBOM}spdx/spdx-spec/v2.3/SPDXYAMLExample-2.3.spdx.yaml`);
    expect(yaml).toMatchObject({
      ok: false,
      errors: [{ path: '/', message: expect.stringContaining('invalid JSON') }],
    });
  });
});

describe('osv-scalibr SBOM extractor edge cases', () => {
  const DIR = `${SBOM}osv-scalibr-edgecases/extractor/filesystem/sbom`;

  it('accepts its valid SBOMs, including nested components, and reads purls only from PACKAGE-MANAGER refs', async () => {
    const nested = await ingestSbom(`${DIR}/cdx/testdata/sbom-with-nested-comps.cdx.json`);
    expect(nested.counts.components).toBeGreaterThan(nested.components.filter((c) => c.ref === null).length);
    // Its purls sit under referenceCategory SECURITY; SPDX 2.3 Annex F puts purl under PACKAGE-MANAGER, the
    // only category read, so these packages count as having no purl (and are never CPE-matched).
    const both = await ingestSbom(`${DIR}/spdx/testdata/purl_and_cpe.spdx.json`);
    expect(both.counts).toMatchObject({ components: 2, matchable: 0, withoutPurl: 2 });
    for (const f of [
      'minimal.spdx.json',
      'sbom.spdx.json',
      'overlapping_refs.spdx.json',
      'ancestor_of.spdx.json',
    ])
      expect((await ingest(`${DIR}/spdx/testdata/${f}`)).ok, f).toBe(true);
  });

  it('rejects non-JSON and non-conformant inputs with paths', async () => {
    for (const f of [
      'cdx/testdata/invalid_sbom.cdxjson',
      'cdx/testdata/random_file.ext',
      'spdx/testdata/sbom.spdx.foo.ext',
    ]) {
      const outcome = await ingest(`${DIR}/${f}`);
      expect(outcome, f).toMatchObject({
        ok: false,
        errors: [{ path: '/', message: expect.stringContaining('JSON') }],
      });
    }
    // An SPDX package without downloadLocation (required by SPDX 2.3 §7.7): strict rejects, lenient warns.
    const refs = `${DIR}/spdx/testdata/external_refs.spdx.json`;
    expect(await ingest(refs)).toMatchObject({
      ok: false,
      errors: [{ path: '/packages/1', message: "must have required property 'downloadLocation'" }],
    });
    expect((await ingest(refs, true)).ok).toBe(true);
  });
});
