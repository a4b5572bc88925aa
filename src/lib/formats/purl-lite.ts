/**
 * Just enough package-URL handling for the builders: split a purl, swap its version, and name its OSV
 * ecosystem. Deliberately private and lenient (the input is validated upstream by src/lib/purl); it keeps the
 * caller's encoding of every component it does not touch.
 */

/** A purl split into the parts the builders need. */
export interface PurlParts {
  readonly type: string;
  readonly namespace?: string;
  readonly name: string;
  readonly qualifiers: Readonly<Record<string, string>>;
  /** Original `type/namespace/name` text, still percent-encoded. */
  readonly path: string;
  /** Original `?qualifiers#subpath` suffix (possibly empty), still percent-encoded. */
  readonly suffix: string;
}

/** The syntactic shape CSAF 2.0 requires of `product_identification_helper.purl`. */
export const PURL_SHAPE = /^pkg:[A-Za-z.\-+][A-Za-z0-9.\-+]*\/.+/;

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Splits a purl (purl-spec "how to parse"); undefined when it lacks a type or a name. */
export function splitPurl(purl: string): PurlParts | undefined {
  if (!PURL_SHAPE.test(purl)) return undefined;
  const hash = purl.indexOf('#');
  const beforeHash = hash < 0 ? purl : purl.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const main = (question < 0 ? beforeHash : beforeHash.slice(0, question))
    .slice('pkg:'.length)
    .replace(/^\/+/, '');
  const suffix = purl.slice(question >= 0 ? question : hash >= 0 ? hash : purl.length);
  const query = question < 0 ? '' : beforeHash.slice(question + 1);
  const at = main.lastIndexOf('@');
  const path = (at > main.lastIndexOf('/') ? main.slice(0, at) : main).replace(/\/+$/, '');
  const segments = path.split('/').filter((s) => s !== '');
  const [type, ...rest] = segments;
  const name = rest.pop();
  if (type === undefined || name === undefined) return undefined;
  const qualifiers: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) qualifiers[pair.slice(0, eq).toLowerCase()] = decode(pair.slice(eq + 1));
  }
  return {
    type: type.toLowerCase(),
    ...(rest.length > 0 ? { namespace: rest.map(decode).join('/') } : {}),
    name: decode(name),
    qualifiers,
    path,
    suffix,
  };
}

/** Percent-encodes everything but `A-Z a-z 0-9 . - _ ~ :` (the purl-spec canonical set, also used by vers). */
export function percentEncode(value: string): string {
  return Array.from(value, (ch) =>
    /^[A-Za-z0-9.\-_~:]$/.test(ch)
      ? ch
      : Array.from(
          new TextEncoder().encode(ch),
          (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
        ).join(''),
  ).join('');
}

/** The purl without a version (OSV `package.purl`, and the base for per-version purls). */
export function purlWithoutVersion(parts: PurlParts): string {
  return `pkg:${parts.path}${parts.suffix}`;
}

/** The purl of one version of the package. */
export function purlAtVersion(parts: PurlParts, version: string): string {
  return `pkg:${parts.path}@${percentEncode(version)}${parts.suffix}`;
}

/** An OSV package identity. */
export interface OsvPackageId {
  readonly ecosystem: string;
  readonly name: string;
}

/** "debian-12", "12", "12.5" → "12"; codenames and other distros give no release (the suffix is optional). */
function debianRelease(distro: string | undefined): string | undefined {
  return distro === undefined ? undefined : /^(?:debian-)?(\d+)(?:\.\d+)*$/i.exec(distro)?.[1];
}

/** "alpine-3.18.4", "3.18", "v3.18" → "v3.18"; OSV requires the branch suffix on Alpine. */
function alpineBranch(distro: string | undefined): string | undefined {
  const match = distro === undefined ? null : /^(?:alpine-)?v?(\d+)\.(\d+)/i.exec(distro);
  return match ? `v${match[1]}.${match[2]}` : undefined;
}

const RPM_VENDORS: Readonly<Record<string, string>> = {
  almalinux: 'AlmaLinux',
  rocky: 'Rocky Linux',
  'rocky-linux': 'Rocky Linux',
};

/**
 * The OSV ecosystem and package name of a purl (OSV schema ecosystems.json); undefined when OSV has no
 * ecosystem for it or needs a release suffix the purl cannot supply (Ubuntu, Red Hat, SUSE, Alpine without
 * `distro`).
 */
export function osvPackageOf(parts: PurlParts): OsvPackageId | undefined {
  const { type, namespace, name } = parts;
  const distro = parts.qualifiers.distro;
  const scoped = namespace === undefined ? name : `${namespace}/${name}`;
  switch (type) {
    case 'npm':
      return { ecosystem: 'npm', name: scoped };
    case 'pypi':
      return { ecosystem: 'PyPI', name: name.toLowerCase().replace(/[-_.]+/g, '-') };
    case 'maven':
      return namespace === undefined ? undefined : { ecosystem: 'Maven', name: `${namespace}:${name}` };
    case 'golang':
      return namespace === undefined ? undefined : { ecosystem: 'Go', name: scoped };
    case 'cargo':
      return { ecosystem: 'crates.io', name };
    case 'gem':
      return { ecosystem: 'RubyGems', name };
    case 'nuget':
      return { ecosystem: 'NuGet', name };
    case 'composer':
      return { ecosystem: 'Packagist', name: scoped };
    case 'hex':
      return { ecosystem: 'Hex', name };
    case 'pub':
      return { ecosystem: 'Pub', name };
    case 'cran':
      return { ecosystem: 'CRAN', name };
    case 'hackage':
      return { ecosystem: 'Hackage', name };
    case 'deb': {
      if (namespace?.toLowerCase() !== 'debian') return undefined;
      const release = debianRelease(distro);
      return { ecosystem: release === undefined ? 'Debian' : `Debian:${release}`, name };
    }
    case 'apk': {
      const branch = alpineBranch(distro);
      return namespace?.toLowerCase() === 'alpine' && branch !== undefined
        ? { ecosystem: `Alpine:${branch}`, name }
        : undefined;
    }
    case 'rpm': {
      const ecosystem = namespace === undefined ? undefined : RPM_VENDORS[namespace.toLowerCase()];
      return ecosystem === undefined ? undefined : { ecosystem, name };
    }
    default:
      return undefined;
  }
}

/** A version as the package's ecosystem writes it in advisories: Go drops the module-version `v` (as OSV and the Go CNA do). */
export function ecosystemVersion(parts: PurlParts | undefined, version: string): string {
  return parts?.type === 'golang' ? version.replace(/^v(?=\d)/, '') : version;
}
