import { definesGroup, type MetricGroup, SPECS } from './metrics';
import { parseCvss } from './parse';
import { cvss2Scores } from './score-v2';
import { cvss3Scores } from './score-v3';
import { cvss4Score, macroVector } from './score-v4';
import { nvdV2Severity, qualitativeSeverity } from './severity';
import type { CvssNomenclature, CvssScore, CvssVector } from './types';

function scoreV2orV3(parsed: CvssVector, version: '2.0' | '3.0' | '3.1'): CvssScore {
  const spec = SPECS[version];
  const scores = version === '2.0' ? cvss2Scores(parsed.metrics) : cvss3Scores(version, parsed.metrics);
  const severity = version === '2.0' ? nvdV2Severity : qualitativeSeverity;
  const temporal = definesGroup(spec, parsed.metrics, 'temporal') ? scores.temporal : undefined;
  const environmental = definesGroup(spec, parsed.metrics, 'environmental')
    ? scores.environmental
    : undefined;
  const overall = environmental ?? temporal ?? scores.base;
  return {
    version: parsed.version,
    vector: parsed.vector,
    baseScore: scores.base,
    severity: severity(scores.base),
    ...(temporal === undefined ? {} : { temporalScore: temporal }),
    ...(environmental === undefined ? {} : { environmentalScore: environmental }),
    overallScore: overall,
    overallSeverity: severity(overall),
  };
}

function scoreV4(parsed: CvssVector): CvssScore {
  const spec = SPECS['4.0'];
  const only = (groups: readonly MetricGroup[]) =>
    Object.fromEntries(
      Object.entries(parsed.metrics).filter(([key]) =>
        groups.includes(spec.byKey.get(key)?.group ?? 'supplemental'),
      ),
    );
  const hasThreat = definesGroup(spec, parsed.metrics, 'threat');
  const hasEnvironmental = definesGroup(spec, parsed.metrics, 'environmental');
  const base = cvss4Score(only(['base']));
  const overall = cvss4Score(parsed.metrics);
  const nomenclature = `CVSS-B${hasThreat ? 'T' : ''}${hasEnvironmental ? 'E' : ''}` as CvssNomenclature;
  return {
    version: '4.0',
    vector: parsed.vector,
    baseScore: base,
    severity: qualitativeSeverity(base),
    ...(hasThreat ? { threatScore: cvss4Score(only(['base', 'threat'])) } : {}),
    ...(hasEnvironmental ? { environmentalScore: overall } : {}),
    overallScore: overall,
    overallSeverity: qualitativeSeverity(overall),
    macroVector: macroVector(parsed.metrics),
    nomenclature,
  };
}

/** Validates (as parseCvss) and scores a CVSS vector per its FIRST specification; a CvssVector is re-validated. */
export function scoreCvss(vector: string | CvssVector): CvssScore {
  const parsed = parseCvss(typeof vector === 'string' ? vector : vector.vector);
  return parsed.version === '4.0' ? scoreV4(parsed) : scoreV2orV3(parsed, parsed.version);
}
