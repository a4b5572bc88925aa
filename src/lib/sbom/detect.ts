import type { JsonValue } from './json';
import type { RootSink } from './root-scanner';
import { SUPPORTED_VERSIONS } from './schemas';
import type { SbomFormat, SbomIssue } from './types';

/** The root fields that identify an SBOM format and version (as found, whatever their type). */
export interface SbomHeader {
  bomFormat?: JsonValue;
  specVersion?: JsonValue;
  spdxVersion?: JsonValue;
  /** The root has `@context`/`@graph` (JSON-LD: SPDX 3, OpenVEX). */
  jsonLd?: boolean;
}

const HEADER_KEYS = new Set(['bomFormat', 'specVersion', 'spdxVersion']);
const JSON_LD_KEYS = new Set(['@context', '@graph']);

/**
 * Reads the root members that identify the format and stops as soon as it is known, so the caller can
 * buffer the text read so far and replay it into the real pass. Every array is treated as streamed and its
 * elements are skipped unparsed, so memory stays bounded even when the version comes last.
 */
export class HeaderSniffer implements RootSink {
  readonly header: SbomHeader = {};
  decided = false;

  streamed(): boolean {
    return true;
  }

  keep(key: string): boolean {
    return HEADER_KEYS.has(key) || JSON_LD_KEYS.has(key);
  }

  member(key: string, value: JsonValue): boolean {
    if (JSON_LD_KEYS.has(key)) this.header.jsonLd = true;
    else this.header[key as 'bomFormat' | 'specVersion' | 'spdxVersion'] = value;
    const h = this.header;
    this.decided = h.jsonLd === true || h.spdxVersion !== undefined || h.specVersion !== undefined;
    return !this.decided;
  }

  element(): void {}
}

/** Format and version named by a header, or the problem (with its path) when unsupported. */
export function detectFormat(h: SbomHeader): { format: SbomFormat; specVersion: string } | SbomIssue {
  if (h.spdxVersion !== undefined) {
    if (typeof h.spdxVersion !== 'string') return { path: '/spdxVersion', message: 'must be string' };
    const version = /^SPDX-(\d+\.\d+)$/.exec(h.spdxVersion)?.[1];
    if (version !== undefined && SUPPORTED_VERSIONS.SPDX.includes(version))
      return { format: 'SPDX', specVersion: version };
    return {
      path: '/spdxVersion',
      message: `unsupported SPDX version ${JSON.stringify(h.spdxVersion)} (SPDX-2.2 and SPDX-2.3 are)`,
    };
  }
  if (h.specVersion !== undefined) {
    if (typeof h.specVersion !== 'string') return { path: '/specVersion', message: 'must be string' };
    if (SUPPORTED_VERSIONS.CycloneDX.includes(h.specVersion))
      return { format: 'CycloneDX', specVersion: h.specVersion };
    return {
      path: '/specVersion',
      message: `unsupported CycloneDX version ${JSON.stringify(h.specVersion)} (1.2 to 1.7 are)`,
    };
  }
  if (h.jsonLd)
    return {
      path: '/',
      message: 'JSON-LD documents (SPDX 3, OpenVEX) are not supported; SPDX 2.2/2.3 and CycloneDX JSON are',
    };
  if (h.bomFormat !== undefined) return { path: '/', message: "must have required property 'specVersion'" };
  return {
    path: '/',
    message: 'not an SBOM: expected CycloneDX 1.2–1.7 (bomFormat, specVersion) or SPDX 2.2/2.3 (spdxVersion)',
  };
}

/** A clearer message for inputs in formats this reader does not take (judged by their first characters). */
export function nonJsonHint(text: string): string | null {
  const head = text.trimStart().slice(0, 32);
  if (head.startsWith('<'))
    return 'XML SBOMs are not supported; use the CycloneDX or SPDX JSON serialisation';
  if (/^(SPDXVersion|##)/.test(head))
    return 'SPDX tag-value is not supported; use the SPDX JSON serialisation';
  return null;
}
