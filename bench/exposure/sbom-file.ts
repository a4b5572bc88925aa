import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { buildPurl, type PurlParts, parsePurl, purlToOsvEcosystem } from '../../src/lib/purl';
import { rng } from './random';
import type { Universe } from './universe';

/** purl parts of an OSV package version (the inverse of purlToOsvEcosystem for the ecosystems used here). */
function purlParts(ecosystem: string, name: string, version: string): PurlParts | null {
  const split = (sep: string): { namespace: string; name: string } | null => {
    const at = name.lastIndexOf(sep);
    return at < 0 ? null : { namespace: name.slice(0, at), name: name.slice(at + 1) };
  };
  switch (ecosystem) {
    case 'npm':
      return { type: 'npm', ...((name.startsWith('@') ? split('/') : null) ?? { name }), version };
    case 'PyPI':
      return { type: 'pypi', name, version };
    case 'Go': {
      const parts = split('/');
      return parts && { type: 'golang', ...parts, version: `v${version}` };
    }
    case 'Maven': {
      const parts = split(':');
      return parts && { type: 'maven', ...parts, version };
    }
    case 'NuGet':
      return { type: 'nuget', name, version };
    case 'RubyGems':
      return { type: 'gem', name, version };
    case 'crates.io':
      return { type: 'cargo', name, version };
    case 'Debian:12':
      return { type: 'deb', namespace: 'debian', name, version, qualifiers: { distro: 'debian-12' } };
    case 'Alpine:v3.19':
      return { type: 'apk', namespace: 'alpine', name, version, qualifiers: { distro: 'alpine-3.19' } };
    default:
      return null;
  }
}

/** A purl that maps back to exactly (ecosystem, name), or null (e.g. Go's "stdlib" has no module path). */
export function purlFor(ecosystem: string, name: string, version: string): string | null {
  const parts = purlParts(ecosystem, name, version);
  if (parts === null) return null;
  try {
    const purl = buildPurl(parts);
    const back = purlToOsvEcosystem(parsePurl(purl));
    return back?.ecosystem === ecosystem && back.name === name ? purl : null;
  } catch {
    return null;
  }
}

const hex = (random: () => number) => {
  let s = '';
  for (let i = 0; i < 8; i++)
    s += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s;
};

/**
 * Writes a CycloneDX 1.6 SBOM of `count` library components drawn from the universe by popularity, each with
 * a purl, an SPDX licence and a SHA-256, plus one `dependencies` entry per component (as real generators
 * write), streaming to disk. Returns the file size in bytes.
 */
export async function writeSbom(file: string, u: Universe, count: number, seed = 3): Promise<number> {
  const random = rng(seed);
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    `{"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,` +
      `"metadata":{"timestamp":"2026-01-01T00:00:00Z","component":{"type":"application","name":"national-scale-sample","bom-ref":"root"}},"components":[`,
  );
  let batch = '';
  // Per package: purl parts when its purl maps back to it (checked once), else null.
  const parts = new Map<number, PurlParts | null>();
  for (let i = 0; i < count; ) {
    const p = u.pick();
    const pool = u.versions[p] as string[];
    const version = pool[u.pickVersion(pool.length)] as string;
    let template = parts.get(p);
    if (template === undefined) {
      const ok = purlFor(u.ecosystem[p] as string, u.name[p] as string, version) !== null;
      template = ok ? purlParts(u.ecosystem[p] as string, u.name[p] as string, version) : null;
      parts.set(p, template);
    }
    if (template === null) continue;
    const purlVersion = template.type === 'golang' ? `v${version}` : version;
    const purl = buildPurl({ ...template, version: purlVersion });
    batch += `${i === 0 ? '' : ','}${JSON.stringify({
      type: 'library',
      'bom-ref': `c${i}`,
      ...(template.namespace ? { group: template.namespace } : {}),
      name: template.name,
      version: purlVersion,
      purl,
      licenses: [{ license: { id: i % 3 === 0 ? 'Apache-2.0' : 'MIT' } }],
      hashes: [{ alg: 'SHA-256', content: hex(random) }],
    })}`;
    i++;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(`${batch}],"dependencies":[`);
  batch = '';
  for (let i = 0; i < count; i++) {
    const deps = i + 1 < count ? [`c${i + 1}`] : [];
    batch += `${i === 0 ? '' : ','}{"ref":"c${i}","dependsOn":${JSON.stringify(deps)}}`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(`${batch}]}`);
  out.end();
  await once(out, 'finish');
  return bytes;
}
