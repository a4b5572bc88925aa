import type { AffectedProduct, PublishedAdvisory, Remediation, VersionRange } from './advisory';
import { percentEncode } from './purl-lite';

/** RFC 3339 in UTC without zero milliseconds (`2026-03-01T08:00:00Z`); OSV's timestamp pattern demands `Z`. */
export function utc(timestamp: string): string {
  return new Date(timestamp).toISOString().replace('.000Z', 'Z');
}

/** WHATWG-serialised absolute URL: non-ASCII is percent-encoded, so JSON Schema `format: uri` accepts it. */
export function absoluteUrl(url: string): string {
  return new URL(url).href;
}

/** Cuts text to `max` code points (JSON Schema `maxLength` counts code points), marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/** Product name with its model, the form every format uses (none has a model field). */
export function productLabel(product: AffectedProduct): string {
  return product.model === undefined ? product.name : `${product.name} ${product.model}`;
}

/** Distinct values in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** A bound of a range as a comparator and version; `introduced: "0"` means "from the first version". */
export interface RangeBound {
  readonly op: '>=' | '<' | '<=';
  readonly version: string;
}

/** The bounds of a range, lower bound first; empty for "all versions". */
export function rangeBounds(range: VersionRange): RangeBound[] {
  const bounds: RangeBound[] = [];
  if (range.introduced !== undefined && range.introduced !== '0')
    bounds.push({ op: '>=', version: range.introduced });
  if (range.fixed !== undefined) bounds.push({ op: '<', version: range.fixed });
  if (range.lastAffected !== undefined) bounds.push({ op: '<=', version: range.lastAffected });
  return bounds;
}

/** Indexes of the products a remediation applies to (all when it names none). */
export function remediationProducts(advisory: PublishedAdvisory, remediation: Remediation): number[] {
  const names = remediation.products;
  return advisory.products.flatMap((p, i) =>
    names === undefined || names.includes(p.name) || names.includes(productLabel(p)) ? [i] : [],
  );
}

/**
 * A vers range (VERS spec; CSAF 2.0 §3.1.2.3 recommends it for `product_version_range`, optional test 6.2.18).
 * The scheme is the purl type when there is a purl, else `generic` as in the OASIS CSAF VEX examples.
 */
export function versRange(range: VersionRange, scheme: string): string {
  const bounds = rangeBounds(range);
  const constraints =
    bounds.length === 0 ? '*' : bounds.map((b) => `${b.op}${percentEncode(b.version)}`).join('|');
  return `vers:${scheme}/${constraints}`;
}
