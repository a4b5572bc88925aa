import { readFileSync } from 'node:fs';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import { ecosystemVersion, osvPackageOf, purlAtVersion, purlWithoutVersion, splitPurl } from './purl-lite';

const VECTORS = new URL('../../../../shared/vectors/', import.meta.url);

const split = (purl: string) => {
  const parts = splitPurl(purl);
  if (parts === undefined) throw new Error(`unsplittable: ${purl}`);
  return parts;
};

describe('splitPurl', () => {
  /**
   * Differential check against packageurl-js on the legacy purl-spec suite's valid purls (their canonical
   * form): the type, namespace and name must agree.
   */
  it('agrees with packageurl-js on the purl-spec legacy suite', () => {
    const suite = JSON.parse(readFileSync(new URL('purl/legacy/test-suite-data.json', VECTORS), 'utf8')) as {
      canonical_purl: string | null;
      is_invalid: boolean;
    }[];
    const cases = suite.flatMap((t) =>
      t.is_invalid || t.canonical_purl === null
        ? []
        : [{ purl: t.canonical_purl, oracle: PackageURL.fromString(t.canonical_purl) }],
    );
    const disagreements = cases.filter(({ purl, oracle }) => {
      const mine = splitPurl(purl);
      return (
        mine === undefined ||
        mine.type !== oracle.type ||
        (mine.namespace ?? null) !== (oracle.namespace ?? null) ||
        mine.name !== oracle.name
      );
    });
    console.log(
      `purl-lite: ${cases.length - disagreements.length}/${cases.length} legacy purls split as packageurl-js`,
    );
    expect(disagreements.map((c) => c.purl)).toEqual([]);
    expect(cases.length).toBe(41);
  });

  it('keeps qualifiers and subpath and swaps the version', () => {
    const parts = split('pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie#src/lib');
    expect(parts.qualifiers).toEqual({ arch: 'i386', distro: 'jessie' });
    expect(purlWithoutVersion(parts)).toBe('pkg:deb/debian/curl?arch=i386&distro=jessie#src/lib');
    expect(purlAtVersion(parts, '1.0+deb9u1 ~rc')).toBe(
      'pkg:deb/debian/curl@1.0%2Bdeb9u1%20~rc?arch=i386&distro=jessie#src/lib',
    );
    expect(purlAtVersion(split('pkg:npm/%40scope/name'), '1.2.3')).toBe('pkg:npm/%40scope/name@1.2.3');
    expect(splitPurl('npm/left-pad')).toBeUndefined();
  });
});

describe('osvPackageOf', () => {
  const ecosystems = Object.keys(
    JSON.parse(readFileSync(new URL('osv/schema/ecosystems.json', VECTORS), 'utf8')) as Record<
      string,
      string
    >,
  );

  it.each([
    ['pkg:npm/%40angular/core', 'npm', '@angular/core'],
    ['pkg:pypi/Django_REST.framework', 'PyPI', 'django-rest-framework'],
    ['pkg:maven/org.apache.logging.log4j/log4j-core', 'Maven', 'org.apache.logging.log4j:log4j-core'],
    ['pkg:golang/github.com/gin-gonic/gin', 'Go', 'github.com/gin-gonic/gin'],
    ['pkg:cargo/rand', 'crates.io', 'rand'],
    ['pkg:gem/rails', 'RubyGems', 'rails'],
    ['pkg:nuget/Newtonsoft.Json', 'NuGet', 'Newtonsoft.Json'],
    ['pkg:composer/laravel/framework', 'Packagist', 'laravel/framework'],
    ['pkg:deb/debian/openssl?distro=debian-12', 'Debian:12', 'openssl'],
    ['pkg:deb/debian/openssl?distro=bookworm', 'Debian', 'openssl'],
    ['pkg:apk/alpine/busybox?distro=alpine-3.18.4', 'Alpine:v3.18', 'busybox'],
    ['pkg:rpm/almalinux/kernel', 'AlmaLinux', 'kernel'],
    ['pkg:hex/phoenix', 'Hex', 'phoenix'],
    ['pkg:pub/http', 'Pub', 'http'],
    ['pkg:cran/ggplot2', 'CRAN', 'ggplot2'],
    ['pkg:hackage/aeson', 'Hackage', 'aeson'],
  ])('%s → %s %s', (purl, ecosystem, name) => {
    expect(osvPackageOf(split(purl))).toEqual({ ecosystem, name });
    expect(ecosystems).toContain(ecosystem.split(':')[0]);
  });

  it.each([
    'pkg:apk/alpine/busybox',
    'pkg:deb/ubuntu/openssl?distro=jammy',
    'pkg:rpm/redhat/openssl',
    'pkg:maven/log4j',
    'pkg:generic/openssl',
  ])('has no OSV ecosystem for %s', (purl) => {
    expect(osvPackageOf(split(purl))).toBeUndefined();
  });

  it('drops the module-version v of Go versions only', () => {
    expect(ecosystemVersion(split('pkg:golang/example.cn/x'), 'v1.2.3')).toBe('1.2.3');
    expect(ecosystemVersion(split('pkg:npm/x'), 'v1.2.3')).toBe('v1.2.3');
    expect(ecosystemVersion(undefined, 'V2.1.0')).toBe('V2.1.0');
  });
});
