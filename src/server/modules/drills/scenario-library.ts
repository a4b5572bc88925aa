import { ScenarioDefinition } from '../../../contracts/drills';
import insiderJson from './scenarios/insider-misuse.json' with { type: 'json' };
import ransomwareJson from './scenarios/ransomware.json' with { type: 'json' };

/** Parses one built-in scenario, naming the file on a problem so a bad edit fails at start-up, not mid-drill. */
export function parseScenario(file: string, json: unknown): ScenarioDefinition {
  const r = ScenarioDefinition.safeParse(json);
  if (!r.success) {
    const where = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Drill scenario ${file} is invalid: ${where}`);
  }
  return r.data;
}

/** The built-in scenario library (read-only; enterprises copy one to edit it), by id. */
export const BUILT_IN_SCENARIOS: ReadonlyMap<string, ScenarioDefinition> = new Map([
  ['builtin-ransomware', parseScenario('scenarios/ransomware.json', ransomwareJson)],
  ['builtin-insider-misuse', parseScenario('scenarios/insider-misuse.json', insiderJson)],
]);
