import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PATHS, PUBLIC_LINKS } from '../app/access';
import { OBLIGATION_FIELDS, OBLIGATIONS } from '../features/home/obligations';
import {
  CRITERIA,
  DUTIES,
  EVENT_KINDS,
  HARMS,
  INCIDENT_TYPES,
  LEVELS,
  PRODUCTION_IMPACTS,
  SECTORS,
  STATUSES,
  TIERS,
} from '../features/incidents/incidents';
import { GBT_INDICATORS } from '../features/vulnerabilities/gbt';
import { ORG_KINDS, ROLES } from '../lib/domain';
import { ASSET_KINDS, EXPOSURE_SEVERITIES, EXPOSURE_STATES, VEX_JUSTIFICATIONS } from '../lib/exposure';
import {
  CLOCK_NAMES,
  CLOCK_STATUSES,
  CVSS_SEVERITIES,
  DISCLOSURE_CODES,
  FILING_STATUSES,
  GRADES,
  gradeCode,
  NATIONAL_REPORT_FIELDS,
  NATIONAL_STATUSES,
  NOTIFICATION_KINDS,
  notificationKey,
  REPORT_EVENTS,
  REPORT_STATES,
  REPORTER_KINDS,
  TIMELINE_KINDS,
  TRANSITION_EVENTS,
} from '../lib/reports';
import { bundles } from './bundles';

type Tree = { [k: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
};

const locales = { 'zh-CN': flatten(bundles['zh-CN']), en: flatten(bundles.en) };
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
// i18next resolves `key` with `count` through `key_one` / `key_other`.
const has = (keys: Map<string, string>, key: string) => keys.has(key) || keys.has(`${key}_other`);

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });

describe('locale files', () => {
  it('have identical key sets', () => {
    const zh = [...locales['zh-CN'].keys()].sort();
    const enKeys = [...locales.en.keys()].sort();
    expect(zh.filter((k) => !locales.en.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !locales['zh-CN'].has(k))).toEqual([]);
    console.log(`locales: ${zh.length} keys in each of zh-CN and en`);
  });

  it('have no empty strings and the same placeholders per key', () => {
    for (const [key, zh] of locales['zh-CN']) {
      const e = locales.en.get(key) ?? '';
      expect(zh.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
      // zh-CN may word a field error by its code alone instead of echoing the server's English `message`.
      if (key.startsWith('fieldErrors.')) expect(placeholders(e), key).toEqual(['message']);
      else expect(placeholders(e), key).toEqual(placeholders(zh));
    }
  });

  it('keep English free of CJK characters', () => {
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    // Language names are shown in their own script in both locales by convention.
    const leaks = [...locales.en].filter(([k, v]) => cjk.test(v) && k !== 'languages.zh-CN');
    expect(leaks).toEqual([]);
  });

  it('define every literal key the source code asks for', () => {
    const used = new Set<string>();
    for (const file of sources(webRoot)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    for (const [lng, keys] of Object.entries(locales)) {
      expect(
        [...used].filter((k) => !has(keys, k)),
        lng,
      ).toEqual([]);
    }
  });

  it('define every key the source builds from domain values', () => {
    const listKinds = ['ministry', 'vendor', 'researcher', 'collection-platform'];
    const dynamic = [
      ...ORG_KINDS.flatMap((k) => [
        `orgKinds.${k}`,
        `orgKindsPlural.${k}`,
        `home.${k}.title`,
        `nav.vulnerabilitiesBy.${k}`,
      ]),
      ...listKinds.flatMap((k) => [`reports.title.${k}`, `reports.subtitle.${k}`, `reports.empty.${k}`]),
      ...PUBLIC_LINKS.map((l) => `public.nav.${l.key}`),
      ...REPORT_STATES.map((s) => `reportStates.${s}`),
      ...REPORT_EVENTS.map((e) => `events.${e}`),
      ...TRANSITION_EVENTS.map((e) => `eventHints.${e}`),
      ...REPORTER_KINDS.map((k) => `reporterKinds.${k}`),
      ...CLOCK_STATUSES.map((s) => `clocks.status.${s}`),
      ...CLOCK_NAMES.flatMap((c) => [`clocks.names.${c}`, `clocks.clauses.${c}`]),
      ...TIMELINE_KINDS.map((k) => `timeline.kinds.${k}`),
      ...DISCLOSURE_CODES.flatMap((c) => ['title', 'detail', 'clause'].map((f) => `disclosure.${c}.${f}`)),
      ...[...GRADES.map(gradeCode), 'unknown'].map((g) => `grades.${g}`),
      ...CVSS_SEVERITIES.map((s) => `severity.${s.toLowerCase()}`),
      ...NOTIFICATION_KINDS.map(notificationKey),
      ...NATIONAL_REPORT_FIELDS.map((f) => `national.fields.${f}`),
      ...NATIONAL_STATUSES.map((s) => `nationalStatus.${s}`),
      ...FILING_STATUSES.flatMap((s) => [
        `filings.status.${s}`,
        `filings.decided.${s}`,
        `filingForm.statusHints.${s}`,
      ]),
      ...EXPOSURE_STATES.flatMap((s) => [`exposureStates.${s}`, `exposures.triage.stateHints.${s}`]),
      ...VEX_JUSTIFICATIONS.flatMap((j) => [`vexJustifications.${j}.label`, `vexJustifications.${j}.hint`]),
      ...ASSET_KINDS.map((k) => `assetKinds.${k}`),
      ...[...EXPOSURE_SEVERITIES, 'UNRATED'].map((s) => `severity.${s.toLowerCase()}`),
      ...Object.entries(GBT_INDICATORS).flatMap(([group, indicators]) => [
        `gbt.groups.${group}`,
        ...Object.entries(indicators).flatMap(([name, values]) => [
          `gbt.indicators.${name}`,
          ...values.map((v) => `gbt.values.${name}.${v}`),
        ]),
      ]),
      ...ROLES.flatMap((r) => [`roles.${r}`, `roleHints.${r}`]),
      ...INCIDENT_TYPES.map((k) => `incidents.types.${k}`),
      ...[...TIERS, 'none'].map((k) => `incidents.tiers.${k}`),
      ...SECTORS.map((k) => `incidents.sectors.${k}`),
      ...LEVELS.map((k) => `incidents.levels.${k}`),
      ...HARMS.map((k) => `incidents.harms.${k}`),
      ...PRODUCTION_IMPACTS.map((k) => `incidents.impacts.${k}`),
      ...CRITERIA.map((k) => `incidents.criteria.${k}`),
      ...STATUSES.map((k) => `incidents.statuses.${k}`),
      ...EVENT_KINDS.map((k) => `incidents.timeline.kinds.${k}`),
      ...DUTIES.flatMap((d) => ['title', 'detail', 'short'].map((f) => `incidents.duties.${d}.${f}`)),
      ...['facts', 'follow-up', 'contain', 'notify', 'close', 'ministry', 'corrective'].flatMap((a) =>
        ['button', 'title', 'done'].map((f) => `incidents.actions.${a}.${f}`),
      ),
      ...['otherTierDeadlines', 'reportFields'].map((k) => `incidents.clocks.unknown.${k}`),
      ...Object.keys(PATHS).map((p) => `nav.${p}`),
      ...Object.entries(OBLIGATIONS).flatMap(([kind, ids]) =>
        ids.flatMap((id) => OBLIGATION_FIELDS.map((f) => `obligations.${kind}.${id}.${f}`)),
      ),
    ];
    for (const [lng, keys] of Object.entries(locales)) {
      expect(
        dynamic.filter((k) => !has(keys, k)),
        lng,
      ).toEqual([]);
    }
  });

  it('carry no obligation text without a definition in the code', () => {
    const defined = new Set(
      Object.entries(OBLIGATIONS).flatMap(([kind, ids]) => ids.map((id) => `obligations.${kind}.${id}`)),
    );
    const inFile = new Set(
      [...locales.en.keys()]
        .filter((k) => k.startsWith('obligations.'))
        .map((k) => k.replace(/\.[^.]+$/, '')),
    );
    expect([...inFile].sort()).toEqual([...defined].sort());
  });
});
