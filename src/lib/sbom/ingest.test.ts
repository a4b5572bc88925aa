import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ingestSbom, SbomError, type SbomIssue } from './index';

const bom = (extra: Record<string, unknown>, version = '1.6') => ({
  bomFormat: 'CycloneDX',
  specVersion: version,
  version: 1,
  ...extra,
});
const lib = (name: string, version: string, purl?: string, more: Record<string, unknown> = {}) => ({
  type: 'library',
  name,
  version,
  ...(purl ? { purl, 'bom-ref': purl } : {}),
  ...more,
});
const bytes = (doc: unknown) => Buffer.from(JSON.stringify(doc));

async function errorsOf(input: Parameters<typeof ingestSbom>[0], lenient = false): Promise<SbomIssue[]> {
  try {
    await ingestSbom(input, { lenient });
  } catch (error) {
    if (error instanceof SbomError) return [...error.errors];
    throw error;
  }
  throw new Error('accepted');
}

describe('ingestSbom: extraction', () => {
  it('maps purls to OSV packages, keeps nested components and counts what cannot be matched', async () => {
    const doc = bom({
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
      metadata: { component: { type: 'application', name: 'portal' } },
      components: [
        lib('lodash', '4.17.20', 'pkg:npm/lodash@4.17.20', {
          components: [lib('Django', '3.2', 'pkg:pypi/Django_Rest@3.2.1')],
        }),
        lib('openssl', '1.1.1', 'pkg:generic/openssl@1.1.1'),
        lib('internal', '1.0'),
        lib('broken', '1.0', 'not a purl'),
        lib('gin', '1.7.0', 'pkg:golang/github.com/gin-gonic/gin'),
      ],
    });
    const r = await ingestSbom(bytes(doc));
    expect(r).toMatchObject({
      format: 'CycloneDX',
      specVersion: '1.6',
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
      documentName: 'portal',
      warnings: [],
    });
    expect(r.components).toEqual([
      {
        ref: 'pkg:npm/lodash@4.17.20',
        type: 'library',
        purl: 'pkg:npm/lodash@4.17.20',
        ecosystem: 'npm',
        name: 'lodash',
        version: '4.17.20',
      },
      // The purl's name (PEP 503-normalised) and version win over the component's own fields.
      {
        ref: 'pkg:pypi/Django_Rest@3.2.1',
        type: 'library',
        purl: 'pkg:pypi/Django_Rest@3.2.1',
        ecosystem: 'PyPI',
        name: 'django-rest',
        version: '3.2.1',
      },
      {
        ref: 'pkg:generic/openssl@1.1.1',
        type: 'library',
        purl: 'pkg:generic/openssl@1.1.1',
        ecosystem: null,
        name: 'openssl',
        version: '1.1.1',
      },
      { ref: null, type: 'library', purl: null, ecosystem: null, name: 'internal', version: '1.0' },
      {
        ref: 'not a purl',
        type: 'library',
        purl: 'not a purl',
        ecosystem: null,
        name: 'broken',
        version: '1.0',
      },
      // A purl without a version takes the component's version.
      {
        ref: 'pkg:golang/github.com/gin-gonic/gin',
        type: 'library',
        purl: 'pkg:golang/github.com/gin-gonic/gin',
        ecosystem: 'Go',
        name: 'github.com/gin-gonic/gin',
        version: '1.7.0',
      },
    ]);
    expect(r.counts).toEqual({
      components: 6,
      matchable: 3,
      matchableWithoutVersion: 0,
      withoutPurl: 1,
      invalidPurl: 1,
      unsupportedPurl: 1,
      byEcosystem: { Go: 1, PyPI: 1, npm: 1 },
    });
  });

  it('reads SPDX 2.3 packages, their PACKAGE-MANAGER purl and primaryPackagePurpose', async () => {
    const doc = {
      spdxVersion: 'SPDX-2.3',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'image',
      dataLicense: 'CC0-1.0',
      documentNamespace: 'https://example.com/spdx/image-1',
      creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: test'] },
      packages: [
        {
          SPDXID: 'SPDXRef-Package-1',
          name: 'libssl3',
          versionInfo: '3.0.11-1~deb12u2',
          downloadLocation: 'NOASSERTION',
          primaryPackagePurpose: 'LIBRARY',
          externalRefs: [
            {
              referenceCategory: 'SECURITY',
              referenceType: 'cpe23Type',
              referenceLocator: 'cpe:2.3:a:openssl:openssl:3.0.11:*:*:*:*:*:*:*',
            },
            {
              referenceCategory: 'PACKAGE_MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12',
            },
          ],
        },
        { SPDXID: 'SPDXRef-Package-2', name: 'app', downloadLocation: 'NOASSERTION' },
      ],
    };
    const r = await ingestSbom(bytes(doc));
    expect(r).toMatchObject({
      format: 'SPDX',
      specVersion: '2.3',
      serialNumber: 'https://example.com/spdx/image-1',
      documentName: 'image',
    });
    expect(r.components).toEqual([
      {
        ref: 'SPDXRef-Package-1',
        type: 'LIBRARY',
        purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12',
        ecosystem: 'Debian:12',
        name: 'libssl3',
        version: '3.0.11-1~deb12u2',
      },
      { ref: 'SPDXRef-Package-2', type: null, purl: null, ecosystem: null, name: 'app', version: null },
    ]);
  });

  it('reads streams, bytes and files alike, whatever the chunking and key order', async () => {
    // specVersion after the components: the header is found first, then the document is replayed.
    const text = JSON.stringify({
      components: [lib('a', '1.0.0', 'pkg:npm/a@1.0.0')],
      specVersion: '1.5',
      version: 1,
      bomFormat: 'CycloneDX',
    });
    const oneByteChunks = Readable.from([...Buffer.from(text)].map((b) => Buffer.from([b])));
    const viaStream = await ingestSbom(oneByteChunks);
    const viaBytes = await ingestSbom(Buffer.from(`\ufeff${text}`));
    expect(viaStream.components).toEqual(viaBytes.components);
    expect(viaStream.specVersion).toBe('1.5');
    const strings = await ingestSbom(Readable.from([text.slice(0, 7), text.slice(7)], { objectMode: true }));
    expect(strings.counts.matchable).toBe(1);
  });
});

describe('ingestSbom: rejection with JSON pointers', () => {
  it('reports schema violations of streamed elements and of the root, in document order', async () => {
    const doc = bom({
      serialNumber: 'not-a-urn',
      components: [lib('ok', '1'), { type: 'library' }, lib('x', '1', undefined, { scope: 'sometimes' })],
    });
    expect(await errorsOf(bytes(doc))).toEqual([
      { path: '/components/1', message: "must have required property 'name'" },
      { path: '/components/2/scope', message: 'must be equal to one of the allowed values' },
      { path: '/serialNumber', message: expect.stringContaining('must match pattern') },
    ]);
  });

  it('checks uniqueItems across streamed elements (key order does not matter)', async () => {
    const a = { type: 'library', name: 'a', version: '1' };
    const doc = bom({ components: [a, lib('b', '1'), { version: '1', name: 'a', type: 'library' }] });
    expect(await errorsOf(bytes(doc))).toEqual([
      { path: '/components', message: 'must NOT have duplicate items (items ## 2 and 0 are identical)' },
    ]);
  });

  it('stops after maxErrors problems', async () => {
    const doc = bom({
      components: Array.from({ length: 100 }, (_, i) => ({ type: 'nonsense', name: `n${i}` })),
    });
    const errors = await errorsOf(bytes(doc));
    expect(errors).toHaveLength(20);
    expect(errors[19]?.path).toBe('/components/19/type');
    await expect(ingestSbom(bytes(doc), { maxErrors: 3 })).rejects.toMatchObject({ errors: { length: 3 } });
  });

  it('locates malformed JSON, refuses non-objects, duplicate root keys, deep nesting and bad UTF-8', async () => {
    const truncated = Buffer.from(
      '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":',
    );
    expect(await errorsOf(truncated)).toEqual([
      { path: '/components/0', message: 'invalid JSON: unexpected end of input' },
    ]);
    const garbage = Buffer.from('{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type": tru}]}');
    expect(await errorsOf(garbage)).toEqual([
      { path: '/components/0', message: expect.stringContaining('invalid JSON') },
    ]);
    expect(await errorsOf(Buffer.from('[1,2]'))).toEqual([
      { path: '/', message: 'an SBOM must be a single JSON object' },
    ]);
    const twice = Buffer.from(
      '{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[],"components":[]}',
    );
    expect(await errorsOf(twice)).toEqual([
      { path: '/components', message: 'duplicate key in the root object' },
    ]);
    let deep: Record<string, unknown> = lib('leaf', '1');
    for (let i = 0; i < 200; i++) deep = lib(`c${i}`, '1', undefined, { components: [deep] });
    const [tooDeep] = await errorsOf(bytes(bom({ components: [deep] })));
    expect(tooDeep?.message).toBe('nesting deeper than 128 levels');
    const latin1 = Buffer.concat([
      Buffer.from('{"bomFormat":"CycloneDX","specVersion":"1.6","x":"'),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]);
    expect(await errorsOf(latin1)).toEqual([{ path: '/', message: expect.stringContaining('UTF-8') }]);
  });

  it('names unsupported formats and versions', async () => {
    expect(await errorsOf(bytes({ bomFormat: 'CycloneDX', specVersion: '1.1' }))).toEqual([
      { path: '/specVersion', message: 'unsupported CycloneDX version "1.1" (1.2 to 1.7 are)' },
    ]);
    expect(await errorsOf(bytes({ spdxVersion: 'SPDX-2.1' }))).toEqual([
      { path: '/spdxVersion', message: expect.stringContaining('unsupported SPDX version') },
    ]);
    expect(await errorsOf(bytes({ hello: 'world' }))).toEqual([
      { path: '/', message: expect.stringContaining('not an SBOM') },
    ]);
    expect(await errorsOf(Buffer.from('<bom xmlns="http://cyclonedx.org/schema/bom/1.6"/>'))).toEqual([
      { path: '/', message: expect.stringContaining('XML SBOMs are not supported') },
    ]);
  });

  it('lenient mode downgrades missing non-identity properties only', async () => {
    const spdx = (pkg: Record<string, unknown>) =>
      bytes({
        spdxVersion: 'SPDX-2.2',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: 'd',
        dataLicense: 'CC0-1.0',
        documentNamespace: 'https://example.com/d',
        creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: syft'] },
        packages: [pkg],
      });
    const noCopyright = {
      SPDXID: 'SPDXRef-p',
      name: 'p',
      downloadLocation: 'NONE',
      licenseConcluded: 'MIT',
      licenseDeclared: 'MIT',
    };
    expect(await errorsOf(spdx(noCopyright))).toEqual([
      { path: '/packages/0', message: "must have required property 'copyrightText'" },
    ]);
    const r = await ingestSbom(spdx(noCopyright), { lenient: true });
    expect(r.warnings).toEqual([
      { path: '/packages/0', message: "must have required property 'copyrightText'" },
    ]);
    const { name: _n, ...noName } = noCopyright;
    expect(await errorsOf(spdx(noName), true)).toEqual([
      { path: '/packages/0', message: "must have required property 'name'" },
    ]);
  });
});

describe('DigestSet (uniqueItems across streamed elements)', () => {
  it('treats JSON-equal values as equal and different values as different', async () => {
    const { DigestSet } = await import('./structural-hash');
    const set = new DigestSet();
    expect(set.add({ a: 1, b: [1, { c: 'x' }] }, 0)).toBe(-1);
    expect(set.add({ b: [1, { c: 'x' }], a: 1 }, 1)).toBe(0);
    expect(set.add({ a: 1, b: [{ c: 'x' }, 1] }, 2)).toBe(-1);
    expect(set.add(0, 3)).toBe(-1);
    expect(set.add(-0, 4)).toBe(3);
    expect(set.add('0', 5)).toBe(-1);
    expect(set.add(null, 6)).toBe(-1);
    expect(set.add({}, 7)).toBe(-1);
    expect(set.add([], 8)).toBe(-1);
    let collisions = 0;
    for (let i = 0; i < 200_000; i++)
      if (set.add({ type: 'library', name: `p${i}`, version: '1.0.0' }, 10 + i) !== -1) collisions++;
    expect(collisions).toBe(0);
    expect(set.add({ version: '1.0.0', name: 'p77', type: 'library' }, 1e6)).toBe(87);
  });
});
