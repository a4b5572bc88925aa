// GB/T 30279-2020 indicators and their values, in the standard's order (see the contract's GbtIndicators).
const GROUPS = {
  exploitability: {
    accessPath: ['network', 'adjacent', 'local', 'physical'],
    trigger: ['low', 'high'],
    privileges: ['none', 'low', 'high'],
    interaction: ['not-required', 'required'],
  },
  impact: {
    confidentiality: ['severe', 'general', 'none'],
    integrity: ['severe', 'general', 'none'],
    availability: ['severe', 'general', 'none'],
  },
  environment: {
    exploitationCost: ['low', 'mid', 'high'],
    fixDifficulty: ['high', 'mid', 'low'],
    impactScope: ['high', 'mid', 'low', 'none'],
  },
} as const;

/** The indicator names and values the form offers, for the locale coverage test. */
export const GBT_INDICATORS: Record<string, Record<string, readonly string[]>> = GROUPS;
