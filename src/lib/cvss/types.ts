/** CVSS versions this library parses and scores. */
export type CvssVersion = '2.0' | '3.0' | '3.1' | '4.0';

/** Qualitative severity (FIRST v3.x/v4.0 scale; v2.0 uses NVD's LOW/MEDIUM/HIGH bands). */
export type CvssSeverity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** CVSS v4.0 nomenclature: which metric groups contributed to the score. */
export type CvssNomenclature = 'CVSS-B' | 'CVSS-BT' | 'CVSS-BE' | 'CVSS-BTE';

/** A strictly validated CVSS vector. */
export interface CvssVector {
  readonly version: CvssVersion;
  /** Metric values as given (explicit Not Defined values included), keyed by abbreviation, in spec order. */
  readonly metrics: Readonly<Record<string, string>>;
  /** Canonical vector string: spec metric order, Not Defined (`X` / `ND`) values omitted, v2 without parentheses. */
  readonly vector: string;
}

/** Scores of a CVSS vector. Group scores are present only when the vector defines a metric of that group. */
export interface CvssScore {
  readonly version: CvssVersion;
  /** Canonical vector string (see {@link CvssVector.vector}). */
  readonly vector: string;
  /** Base score; for v4.0 the CVSS-B score, i.e. threat and environmental metrics ignored. */
  readonly baseScore: number;
  /** Severity of the base score. */
  readonly severity: CvssSeverity;
  /** v2.0 / v3.x temporal score. */
  readonly temporalScore?: number;
  /** v4.0 CVSS-BT score (base + threat metrics, environmental ignored). */
  readonly threatScore?: number;
  /** v2.0 / v3.x environmental score; v4.0 CVSS-BE or CVSS-BTE score. */
  readonly environmentalScore?: number;
  /** The most specific score the vector supports (environmental, else temporal/threat, else base). */
  readonly overallScore: number;
  /** Severity of the overall score. */
  readonly overallSeverity: CvssSeverity;
  /** v4.0 only: the six-digit MacroVector (EQ1..EQ6) of the full vector. */
  readonly macroVector?: string;
  /** v4.0 only: which metric groups the overall score reflects. */
  readonly nomenclature?: CvssNomenclature;
}
