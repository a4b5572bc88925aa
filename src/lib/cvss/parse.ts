import { CvssError } from './errors';
import { SPECS, type VersionSpec } from './metrics';
import type { CvssVector, CvssVersion } from './types';

const PREFIXED: Readonly<Record<string, CvssVersion>> = {
  'CVSS:3.0': '3.0',
  'CVSS:3.1': '3.1',
  'CVSS:4.0': '4.0',
};

/** Picks the version from the prefix and returns the `/`-separated metric list that follows it. */
function detect(input: string): { spec: VersionSpec; body: string } {
  if (input.startsWith('CVSS:')) {
    const slash = input.indexOf('/');
    const prefix = slash < 0 ? input : input.slice(0, slash);
    const version = Object.hasOwn(PREFIXED, prefix) ? PREFIXED[prefix] : undefined;
    if (version === undefined) {
      const hint =
        prefix === 'CVSS:2.0'
          ? ' (CVSS v2.0 vectors carry no prefix, e.g. "AV:N/AC:L/Au:N/C:P/I:P/A:P")'
          : '';
      throw new CvssError(`Unsupported CVSS version prefix "${prefix}"${hint}.`);
    }
    return { spec: SPECS[version], body: slash < 0 ? '' : input.slice(slash + 1) };
  }
  if (/^cvss:/i.test(input)) {
    throw new CvssError(`The CVSS prefix must be written "CVSS:" in upper case: "${input}".`);
  }
  // NVD's legacy v2 feeds wrap the vector in parentheses: "(AV:N/AC:L/Au:N/C:P/I:P/A:P)".
  if (input.startsWith('(') && input.endsWith(')')) return { spec: SPECS['2.0'], body: input.slice(1, -1) };
  return { spec: SPECS['2.0'], body: input };
}

function unknownMetric(spec: VersionSpec, key: string): CvssError {
  const looksV3 = spec.version === '2.0' && SPECS['3.1'].byKey.has(key);
  const hint = looksV3 ? '; a CVSS v3.x vector must start with "CVSS:3.0/" or "CVSS:3.1/"' : '';
  return new CvssError(`Unknown CVSS v${spec.version} metric "${key}"${hint}.`, spec.version, key);
}

/** Parses and strictly validates a CVSS v2.0/3.0/3.1/4.0 vector (version from the prefix); throws CvssError. */
export function parseCvss(input: string): CvssVector {
  // Every base metric is mandatory, no metric may repeat, values are those the FIRST specification lists
  // (case-sensitive) and v4.0 metrics must follow specification order (FIRST cvss-v4.0.json pattern).
  if (typeof input !== 'string' || input === '') {
    throw new CvssError('A CVSS vector must be a non-empty string.');
  }
  if (/\s/.test(input)) throw new CvssError(`A CVSS vector must not contain whitespace: "${input}".`);
  const { spec, body } = detect(input);
  const v = `CVSS v${spec.version}`;
  const given = new Map<string, string>();
  let lastIndex = -1;
  let lastKey = '';
  for (const [position, part] of (body === '' ? [] : body.split('/')).entries()) {
    const colon = part.indexOf(':');
    if (part === '') {
      throw new CvssError(`Empty metric at position ${position + 1} of the ${v} vector.`, spec.version);
    }
    if (colon <= 0 || colon === part.length - 1 || part.includes(':', colon + 1)) {
      throw new CvssError(`Malformed ${v} metric "${part}": expected "METRIC:VALUE".`, spec.version);
    }
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const def = spec.byKey.get(key);
    if (def === undefined) throw unknownMetric(spec, key);
    if (given.has(key)) throw new CvssError(`${v} metric ${key} appears more than once.`, spec.version, key);
    if (!def.values.includes(value)) {
      throw new CvssError(
        `Invalid value "${value}" for ${v} metric ${key} (${def.label}); expected one of ${def.values.join(', ')}.`,
        spec.version,
        key,
      );
    }
    const index = spec.metrics.indexOf(def);
    if (spec.ordered && index < lastIndex) {
      throw new CvssError(
        `${v} metric ${key} must come before ${lastKey} (specification order).`,
        spec.version,
        key,
      );
    }
    lastIndex = index;
    lastKey = key;
    given.set(key, value);
  }
  const missing = spec.metrics.filter((m) => m.group === 'base' && !given.has(m.key)).map((m) => m.key);
  if (missing.length > 0) {
    throw new CvssError(
      `${v} vector lacks mandatory base metric(s) ${missing.join(', ')}.`,
      spec.version,
      missing[0],
    );
  }

  const ordered = spec.metrics
    .filter((m) => given.has(m.key))
    .map((m) => [m.key, given.get(m.key) ?? ''] as const);
  const canonical = ordered
    .filter(([, value]) => value !== spec.notDefined)
    .map(([k, value]) => `${k}:${value}`);
  return Object.freeze({
    version: spec.version,
    metrics: Object.freeze(Object.fromEntries(ordered)),
    vector: [...(spec.prefix === null ? [] : [spec.prefix]), ...canonical].join('/'),
  });
}
