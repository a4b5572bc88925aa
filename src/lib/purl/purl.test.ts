import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPurl, normalizePurl, PurlError, parsePurl, purlChecksums } from './index';

function errorOf(run: () => unknown): PurlError {
  try {
    run();
  } catch (error) {
    if (error instanceof PurlError) return error;
    throw error;
  }
  throw new Error('expected a PurlError');
}

describe('parsePurl errors name the component and the problem', () => {
  it.each([
    ['npm/foo@1.0.0', 'scheme', /"pkg:" scheme/],
    ['pkg:npm', 'type', /pkg:<type>\/<name>/],
    ['pkg:9npm/foo', 'type', /Invalid purl type "9npm"/],
    ['pkg:npm/@1.0.0', 'name', /name is required/],
    ['pkg:npm/foo?a=1&a=2', 'qualifiers', /"a" appears more than once/],
    ['pkg:npm/foo?a=&a=2', 'qualifiers', /"a" appears more than once/],
    ['pkg:npm/foo?Arch=x86', 'qualifiers', /"Arch" \(keys must be lowercase\)/],
    ['pkg:npm/foo?in%20production=true', 'qualifiers', /Invalid qualifier key/],
    ['pkg:npm/fo%zzo', 'name', /Malformed percent-encoding "%zz"/],
    ['pkg:npm/fo%FFo', 'name', /invalid UTF-8/],
    ['pkg:maven/io', 'namespace', /requires a namespace/],
    ['pkg:pypi/ns/django', 'namespace', /does not allow a namespace/],
    ['pkg:generic/a%2Fb/name', 'namespace', /must not contain an encoded "\/"/],
    ['pkg:generic/name#a%2Fb', 'subpath', /must not contain an encoded "\/"/],
    ['pkg:julia/Dates@1.9.0', 'qualifiers', /requires the "uuid" qualifier/],
    ['pkg:npm/@babel/core', 'namespace', /must be percent-encoded as %40/],
  ])('%s → %s', (input, component, message) => {
    const error = errorOf(() => parsePurl(input));
    expect(error.component).toBe(component);
    expect(error.message).toMatch(message);
  });
});

describe('strict and lenient parsing', () => {
  it('accepts an unencoded npm scope and upper-case keys only when lenient', () => {
    expect(() => parsePurl('pkg:npm/@babel/core@7.0.0')).toThrow(PurlError);
    expect(parsePurl('pkg:npm/@babel/core@7.0.0', { lenient: true })).toEqual({
      type: 'npm',
      namespace: '@babel',
      name: 'core',
      version: '7.0.0',
      qualifiers: null,
      subpath: null,
    });
    expect(normalizePurl('pkg:RPM/Fedora/curl@7.50.3?Arch=i386')).toBe(
      'pkg:rpm/fedora/curl@7.50.3?arch=i386',
    );
  });

  it('drops empty qualifier values and insignificant subpath segments', () => {
    expect(normalizePurl('pkg:generic/x@1?b=&a=1#/./a/../b/')).toBe('pkg:generic/x@1?a=1#a/b');
  });

  it('keeps "+" literal and encodes it in canonical form', () => {
    expect(parsePurl('pkg:deb/debian/attr@1:2.4.47-2+b1').version).toBe('1:2.4.47-2+b1');
    expect(normalizePurl('pkg:deb/debian/attr@1:2.4.47-2+b1')).toBe('pkg:deb/debian/attr@1:2.4.47-2%2Bb1');
  });
});

describe('buildPurl', () => {
  it('joins a checksum list and rejects lists for other keys', () => {
    expect(
      buildPurl({ type: 'generic', name: 'openssl', qualifiers: { checksum: ['sha1:ad95', 'sha256:41bf'] } }),
    ).toBe('pkg:generic/openssl?checksum=sha1:ad95%2Csha256:41bf');
    expect(() => buildPurl({ type: 'generic', name: 'x', qualifiers: { arch: ['a', 'b'] } })).toThrow(
      /"arch" must be a string/,
    );
  });

  it('applies type rules on build (pypi, pub, git host)', () => {
    expect(buildPurl({ type: 'PyPI', name: 'Django_Package' })).toBe('pkg:pypi/django-package');
    expect(buildPurl({ type: 'pub', name: 'Flutter-Foo' })).toBe('pkg:pub/flutter_foo');
    expect(buildPurl({ type: 'git', namespace: 'GitHub.com/Package-URL', name: 'Purl-Spec' })).toBe(
      'pkg:git/github.com/package-url/purl-spec',
    );
    expect(buildPurl({ type: 'git', namespace: 'codeberg.org', name: 'Forgejo/Forgejo' })).toBe(
      'pkg:git/codeberg.org/Forgejo/Forgejo',
    );
  });
});

describe('purlChecksums', () => {
  it('splits algorithm:digest pairs and rejects malformed items', () => {
    const purl = parsePurl('pkg:generic/x?checksum=SHA1:AD95%2Csha256:41bf');
    expect(purlChecksums(purl)).toEqual([
      { algorithm: 'sha1', value: 'ad95' },
      { algorithm: 'sha256', value: '41bf' },
    ]);
    expect(purlChecksums(parsePurl('pkg:generic/x'))).toEqual([]);
    expect(() => purlChecksums(parsePurl('pkg:generic/x?checksum=ad95'))).toThrow(
      /expected "algorithm:hexdigest"/,
    );
  });
});

describe('round trip (property)', () => {
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
  const segment = text.filter((s) => !s.includes('/') && s !== '.' && s !== '..');
  const parts = fc.record({
    namespace: fc.array(segment, { maxLength: 3 }),
    name: text.filter((s) => !s.startsWith('/') && !s.endsWith('/')),
    version: fc.option(text, { nil: null }),
    qualifiers: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}$/), text, { maxKeys: 4 }),
    subpath: fc.array(segment, { maxLength: 3 }),
  });

  it('parse(build(parts)) returns the parts and build is idempotent', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const built = buildPurl({
          type: 'generic',
          namespace: p.namespace.join('/'),
          name: p.name,
          version: p.version,
          qualifiers: p.qualifiers,
          subpath: p.subpath.join('/'),
        });
        const parsed = parsePurl(built);
        expect(parsed.namespace).toBe(p.namespace.length > 0 ? p.namespace.join('/') : null);
        expect(parsed.name).toBe(p.name);
        expect(parsed.version).toBe(p.version);
        expect(parsed.qualifiers ?? {}).toEqual(p.qualifiers);
        expect(parsed.subpath).toBe(p.subpath.length > 0 ? p.subpath.join('/') : null);
        expect(buildPurl(parsed)).toBe(built);
        expect(built).toMatch(/^pkg:generic\/[A-Za-z0-9.\-_~:%/@?=&#]+$/);
      }),
      { numRuns: 300, seed: 20260821 },
    );
  });
});
