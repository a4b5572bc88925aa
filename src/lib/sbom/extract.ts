import { type OsvPackage, parsePurl, purlToOsvEcosystem } from '../purl';
import type { JsonValue } from './json';
import type { SbomComponent, SbomCounts } from './types';

type Rec = { readonly [key: string]: JsonValue };

const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v : null);
const rec = (v: JsonValue | undefined): Rec | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null;

interface ParsedPurl {
  readonly valid: boolean;
  readonly pkg: OsvPackage | null;
  readonly version: string | null;
}

/** Collects compact components and their counts. */
export class ComponentCollector {
  readonly components: SbomComponent[] = [];
  private matchable = 0;
  private matchableWithoutVersion = 0;
  private withoutPurl = 0;
  private invalidPurl = 0;
  private unsupportedPurl = 0;
  private readonly byEcosystem = new Map<string, number>();

  /** Parsed purls: large SBOMs repeat the same package version many times (a quarter distinct is common). */
  private readonly purls = new Map<string, ParsedPurl>();

  private parse(purl: string): ParsedPurl {
    let parsed = this.purls.get(purl);
    if (parsed === undefined) {
      try {
        const p = parsePurl(purl, { lenient: true });
        parsed = { valid: true, pkg: purlToOsvEcosystem(p), version: p.version };
      } catch {
        parsed = { valid: false, pkg: null, version: null };
      }
      this.purls.set(purl, parsed);
    }
    return parsed;
  }

  /** Adds one component from its identity fields; the purl decides ecosystem, name and version. */
  add(
    ref: string | null,
    type: string | null,
    name: string,
    version: string | null,
    purl: string | null,
  ): void {
    let pkg: OsvPackage | null = null;
    let purlVersion: string | null = null;
    if (purl === null) {
      this.withoutPurl++;
    } else {
      const parsed = this.parse(purl);
      pkg = parsed.pkg;
      purlVersion = parsed.version;
      if (!parsed.valid) this.invalidPurl++;
      else if (pkg === null) this.unsupportedPurl++;
    }
    if (pkg === null) {
      this.components.push({ ref, type, purl, ecosystem: null, name, version });
      return;
    }
    const v = purlVersion ?? version;
    this.matchable++;
    if (v === null) this.matchableWithoutVersion++;
    this.byEcosystem.set(pkg.ecosystem, (this.byEcosystem.get(pkg.ecosystem) ?? 0) + 1);
    this.components.push({ ref, type, purl, ecosystem: pkg.ecosystem, name: pkg.name, version: v });
  }

  /** Counts so far. */
  counts(): SbomCounts {
    return {
      components: this.components.length,
      matchable: this.matchable,
      matchableWithoutVersion: this.matchableWithoutVersion,
      withoutPurl: this.withoutPurl,
      invalidPurl: this.invalidPurl,
      unsupportedPurl: this.unsupportedPurl,
      byEcosystem: Object.fromEntries([...this.byEcosystem].sort(([a], [b]) => (a < b ? -1 : 1))),
    };
  }
}

/**
 * A CycloneDX component (CycloneDX 1.7 §components: `bom-ref`, `type`, `name`, `version`, `purl`) and,
 * recursively, its nested `components`. Values of the wrong type are ignored (the schema reports them).
 */
export function addCycloneDxComponent(out: ComponentCollector, value: JsonValue): void {
  const pending: JsonValue[] = [value];
  while (pending.length > 0) {
    const c = rec(pending.pop());
    if (c === null) continue;
    out.add(str(c['bom-ref']), str(c.type), str(c.name) ?? '', str(c.version), str(c.purl));
    const nested = c.components;
    if (Array.isArray(nested))
      for (let i = nested.length - 1; i >= 0; i--) pending.push(nested[i] as JsonValue);
  }
}

/** SPDX 2.3 §7.21 categories naming package-manager references (2.2 spells it with a hyphen only). */
const PACKAGE_MANAGER = new Set(['PACKAGE-MANAGER', 'PACKAGE_MANAGER']);

/** An SPDX 2.x package: its purl is the first `externalRefs` entry of category PACKAGE-MANAGER and type purl. */
export function addSpdxPackage(out: ComponentCollector, value: JsonValue): void {
  const p = rec(value);
  if (p === null) return;
  let purl: string | null = null;
  const refs = p.externalRefs;
  if (Array.isArray(refs)) {
    for (const r of refs) {
      const ref = rec(r);
      if (ref && PACKAGE_MANAGER.has(str(ref.referenceCategory) ?? '') && ref.referenceType === 'purl') {
        purl = str(ref.referenceLocator);
        if (purl !== null) break;
      }
    }
  }
  out.add(str(p.SPDXID), str(p.primaryPackagePurpose), str(p.name) ?? '', str(p.versionInfo), purl);
}
