/** Incident types of the 2024 plan pack, in menu order. */
export const INCIDENT_TYPES = [
  'ransomware',
  'leak',
  'tampering',
  'destruction',
  'illegal-use',
  'unavailability',
  'other',
] as const;
/** Tiers, most severe first. */
export const TIERS = ['I', 'II', 'III', 'IV'] as const;
/** Sectors of the Measures (2022). */
export const SECTORS = ['industry', 'telecom', 'radio'] as const;
/** Data levels. */
export const LEVELS = ['general', 'important', 'core'] as const;
/** Harm grades of a data compromise. */
export const HARMS = ['general', 'relatively-serious', 'serious', 'especially-serious'] as const;
/** Damage to industrial production. */
export const PRODUCTION_IMPACTS = [
  'none',
  'minor',
  'partial-loss',
  'large-scale-shutdown',
  'widespread-shutdown',
] as const;
/** The criteria of 214号 事件分级. */
export const CRITERIA = [
  'outage',
  'directLoss',
  'personalInfo',
  'sensitivePersonalInfo',
  'dataType',
] as const;
/** Reporting duties. */
export const DUTIES = ['processor-report', 'regulator-phone', 'regulator-written'] as const;
/** Timeline event kinds. */
export const EVENT_KINDS = [
  'reported',
  'reclassified',
  'facts-updated',
  'ministry-clock-started',
  'ministry-phone',
  'ministry-written',
  'escalated',
  'follow-up',
  'contained',
  'users-notified',
  'corrective-action',
  'closed',
] as const;
/** Incident statuses. */
export const STATUSES = ['open', 'contained', 'closed'] as const;

/** The warning colour of each tier (red, orange, yellow, blue). */
export const TIER_COLOURS: Record<string, string> = { I: 'red', II: 'orange', III: 'gold', IV: 'blue' };
