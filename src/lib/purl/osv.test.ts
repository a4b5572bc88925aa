import { describe, expect, it } from 'vitest';
import { parsePurl, purlToOsvEcosystem } from './index';

describe('purlToOsvEcosystem', () => {
  it.each([
    ['pkg:npm/%40angular/animation@12.3.1', 'npm', '@angular/animation'],
    ['pkg:npm/@babel/core@7.0.0', 'npm', '@babel/core'],
    ['pkg:npm/lodash@4.17.21', 'npm', 'lodash'],
    ['pkg:maven/org.apache.commons/commons-text@1.9', 'Maven', 'org.apache.commons:commons-text'],
    ['pkg:pypi/Zope.Interface@5.0', 'PyPI', 'zope-interface'],
    ['pkg:pypi/django_package', 'PyPI', 'django-package'],
    ['pkg:golang/github.com/gorilla/context@v1.1.1', 'Go', 'github.com/gorilla/context'],
    ['pkg:golang/google.golang.org/genproto#googleapis/api', 'Go', 'google.golang.org/genproto'],
    ['pkg:cargo/rand@0.7.2', 'crates.io', 'rand'],
    ['pkg:gem/rails@7.0.0', 'RubyGems', 'rails'],
    ['pkg:nuget/EnterpriseLibrary.Common@6.0.1304', 'NuGet', 'EnterpriseLibrary.Common'],
    ['pkg:composer/Laravel/Framework@5.5.0', 'Packagist', 'laravel/framework'],
    ['pkg:deb/debian/curl@7.50.3-1', 'Debian', 'curl'],
    ['pkg:deb/debian/curl@7.88.1?distro=debian-12', 'Debian:12', 'curl'],
    ['pkg:deb/debian/curl@7.88.1?distro=bookworm', 'Debian:12', 'curl'],
    ['pkg:deb/debian/curl@7.88.1?distro=debian-11.8', 'Debian:11', 'curl'],
    ['pkg:deb/debian/curl?distro=plan9', 'Debian', 'curl'],
    ['pkg:deb/ubuntu/dpkg@1.19.0.4', 'Ubuntu', 'dpkg'],
    ['pkg:apk/alpine/curl@7.83.0-r0?distro=alpine-3.18.4', 'Alpine:v3.18', 'curl'],
    ['pkg:apk/alpine/curl@7.83.0-r0', 'Alpine', 'curl'],
    ['pkg:apk/wolfi/curl@8.1', 'Wolfi', 'curl'],
    ['pkg:rpm/redhat/openssl@1.1.1k-7.el8_6', 'Red Hat', 'openssl'],
    ['pkg:rpm/almalinux/openssl@1.1.1', 'AlmaLinux', 'openssl'],
    ['pkg:hex/Jason@1.1.2', 'Hex', 'jason'],
    ['pkg:pub/characters@1.2.0', 'Pub', 'characters'],
    ['pkg:cran/A3@0.9.1', 'CRAN', 'A3'],
    ['pkg:hackage/AC-HalfInteger@1.2.1', 'Hackage', 'AC-HalfInteger'],
    ['pkg:vscode-extension/ms-python/python@2024.10.0', 'VSCode', 'ms-python.python'],
  ])('%s → %s %s', (purl, ecosystem, name) => {
    expect(purlToOsvEcosystem(purl)).toEqual({ ecosystem, name });
  });

  it.each([
    'pkg:generic/openssl@1.1.10g',
    'pkg:docker/cassandra@latest',
    'pkg:rpm/fedora/curl@7.50.3-1.fc25',
    'pkg:deb/raspbian/curl@7.50.3',
    'pkg:apk/postmarketos/curl@8.1',
    'pkg:github/package-url/purl-spec@244fd47e07d1004f0aed9c',
  ])('%s → null', (purl) => {
    expect(purlToOsvEcosystem(purl)).toBeNull();
  });

  it('accepts an already parsed purl', () => {
    expect(purlToOsvEcosystem(parsePurl('pkg:cargo/serde@1.0.0'))).toEqual({
      ecosystem: 'crates.io',
      name: 'serde',
    });
  });
});
