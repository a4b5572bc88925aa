import type { CvssVersion } from './types';

/** Metric group as named by each FIRST specification. */
export type MetricGroup = 'base' | 'temporal' | 'threat' | 'environmental' | 'supplemental';

/** One metric: abbreviation, full name, group and permitted values. */
export interface MetricDef {
  readonly key: string;
  readonly label: string;
  readonly group: MetricGroup;
  readonly values: readonly string[];
}

/** How a version's vectors look: prefix, metrics in spec order, the Not Defined value, ordering rule. */
export interface VersionSpec {
  readonly version: CvssVersion;
  readonly prefix: string | null;
  readonly metrics: readonly MetricDef[];
  readonly byKey: ReadonlyMap<string, MetricDef>;
  readonly notDefined: string;
  /** v4.0 vectors must list metrics in spec order (FIRST cvss-v4.0.json vectorString pattern). */
  readonly ordered: boolean;
}

type Row = readonly [key: string, label: string, values: string];

function group(name: MetricGroup, rows: readonly Row[]): MetricDef[] {
  return rows.map(([key, label, values]) => ({ key, label, group: name, values: values.split(' ') }));
}

function spec(
  version: CvssVersion,
  prefix: string | null,
  notDefined: string,
  metrics: MetricDef[],
): VersionSpec {
  return {
    version,
    prefix,
    metrics,
    byKey: new Map(metrics.map((m) => [m.key, m])),
    notDefined,
    ordered: version === '4.0',
  };
}

/** CVSS v2.0 guide, section 2 (Table 1-13) and 3.3.1 (vector values). */
const V2 = spec('2.0', null, 'ND', [
  ...group('base', [
    ['AV', 'Access Vector', 'L A N'],
    ['AC', 'Access Complexity', 'H M L'],
    ['Au', 'Authentication', 'M S N'],
    ['C', 'Confidentiality Impact', 'N P C'],
    ['I', 'Integrity Impact', 'N P C'],
    ['A', 'Availability Impact', 'N P C'],
  ]),
  ...group('temporal', [
    ['E', 'Exploitability', 'U POC F H ND'],
    ['RL', 'Remediation Level', 'OF TF W U ND'],
    ['RC', 'Report Confidence', 'UC UR C ND'],
  ]),
  ...group('environmental', [
    ['CDP', 'Collateral Damage Potential', 'N L LM MH H ND'],
    ['TD', 'Target Distribution', 'N L M H ND'],
    ['CR', 'Confidentiality Requirement', 'L M H ND'],
    ['IR', 'Integrity Requirement', 'L M H ND'],
    ['AR', 'Availability Requirement', 'L M H ND'],
  ]),
]);

/** CVSS v3.0 / v3.1 specification, section 6 (Table 15, vector string). */
const V3_METRICS = [
  ...group('base', [
    ['AV', 'Attack Vector', 'N A L P'],
    ['AC', 'Attack Complexity', 'L H'],
    ['PR', 'Privileges Required', 'N L H'],
    ['UI', 'User Interaction', 'N R'],
    ['S', 'Scope', 'U C'],
    ['C', 'Confidentiality', 'H L N'],
    ['I', 'Integrity', 'H L N'],
    ['A', 'Availability', 'H L N'],
  ]),
  ...group('temporal', [
    ['E', 'Exploit Code Maturity', 'X H F P U'],
    ['RL', 'Remediation Level', 'X U W T O'],
    ['RC', 'Report Confidence', 'X C R U'],
  ]),
  ...group('environmental', [
    ['CR', 'Confidentiality Requirement', 'X H M L'],
    ['IR', 'Integrity Requirement', 'X H M L'],
    ['AR', 'Availability Requirement', 'X H M L'],
    ['MAV', 'Modified Attack Vector', 'X N A L P'],
    ['MAC', 'Modified Attack Complexity', 'X L H'],
    ['MPR', 'Modified Privileges Required', 'X N L H'],
    ['MUI', 'Modified User Interaction', 'X N R'],
    ['MS', 'Modified Scope', 'X U C'],
    ['MC', 'Modified Confidentiality', 'X H L N'],
    ['MI', 'Modified Integrity', 'X H L N'],
    ['MA', 'Modified Availability', 'X H L N'],
  ]),
];

/** CVSS v4.0 specification, section 7 (Table 23, vector string order). */
const V4 = spec('4.0', 'CVSS:4.0', 'X', [
  ...group('base', [
    ['AV', 'Attack Vector', 'N A L P'],
    ['AC', 'Attack Complexity', 'L H'],
    ['AT', 'Attack Requirements', 'N P'],
    ['PR', 'Privileges Required', 'N L H'],
    ['UI', 'User Interaction', 'N P A'],
    ['VC', 'Vulnerable System Confidentiality', 'H L N'],
    ['VI', 'Vulnerable System Integrity', 'H L N'],
    ['VA', 'Vulnerable System Availability', 'H L N'],
    ['SC', 'Subsequent System Confidentiality', 'H L N'],
    ['SI', 'Subsequent System Integrity', 'H L N'],
    ['SA', 'Subsequent System Availability', 'H L N'],
  ]),
  ...group('threat', [['E', 'Exploit Maturity', 'X A P U']]),
  ...group('environmental', [
    ['CR', 'Confidentiality Requirement', 'X H M L'],
    ['IR', 'Integrity Requirement', 'X H M L'],
    ['AR', 'Availability Requirement', 'X H M L'],
    ['MAV', 'Modified Attack Vector', 'X N A L P'],
    ['MAC', 'Modified Attack Complexity', 'X L H'],
    ['MAT', 'Modified Attack Requirements', 'X N P'],
    ['MPR', 'Modified Privileges Required', 'X N L H'],
    ['MUI', 'Modified User Interaction', 'X N P A'],
    ['MVC', 'Modified Vulnerable System Confidentiality', 'X H L N'],
    ['MVI', 'Modified Vulnerable System Integrity', 'X H L N'],
    ['MVA', 'Modified Vulnerable System Availability', 'X H L N'],
    ['MSC', 'Modified Subsequent System Confidentiality', 'X H L N'],
    ['MSI', 'Modified Subsequent System Integrity', 'X S H L N'],
    ['MSA', 'Modified Subsequent System Availability', 'X S H L N'],
  ]),
  ...group('supplemental', [
    ['S', 'Safety', 'X N P'],
    ['AU', 'Automatable', 'X N Y'],
    ['R', 'Recovery', 'X A U I'],
    ['V', 'Value Density', 'X D C'],
    ['RE', 'Vulnerability Response Effort', 'X L M H'],
    ['U', 'Provider Urgency', 'X Clear Green Amber Red'],
  ]),
]);

/** Vector grammar of every supported version. */
export const SPECS: Readonly<Record<CvssVersion, VersionSpec>> = {
  '2.0': V2,
  '3.0': spec('3.0', 'CVSS:3.0', 'X', V3_METRICS),
  '3.1': spec('3.1', 'CVSS:3.1', 'X', V3_METRICS),
  '4.0': V4,
};

/** The value of `key`, or the version's Not Defined value when the vector omits it. */
function metricValue(metrics: Readonly<Record<string, string>>, key: string, notDefined: string): string {
  return Object.hasOwn(metrics, key) ? (metrics[key] ?? notDefined) : notDefined;
}

/** Whether the vector defines (with a value other than Not Defined) any metric of `group`. */
export function definesGroup(
  spec: VersionSpec,
  metrics: Readonly<Record<string, string>>,
  group: MetricGroup,
): boolean {
  return spec.metrics.some(
    (m) => m.group === group && metricValue(metrics, m.key, spec.notDefined) !== spec.notDefined,
  );
}
