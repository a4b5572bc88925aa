import controlsJson from '../../../regulations/controls-self-examination.json' with { type: 'json' };
import questionsJson from '../../../regulations/data-classification-questions.json' with { type: 'json' };
import planJson from '../../../regulations/industrial-plan-2024-2026.json' with { type: 'json' };
import incidentJson from '../../../regulations/miit-incident-plan-2024.json' with { type: 'json' };
import measuresJson from '../../../regulations/miit-measures-2022.json' with { type: 'json' };
import { packRegistry } from '../regulations/pack-io';
import { unsettledValues } from '../regulations/sourced';
import { type ControlsPack, ControlsPackSchema } from './controls-schema';
import { type IncidentPlanPack, IncidentPlanPackSchema } from './incident-plan-schema';
import { type MeasuresPack, MeasuresPackSchema } from './measures-schema';
import { type PlanPack, PlanPackSchema } from './plan-schema';
import { type QuestionsPack, QuestionsPackSchema } from './questions-schema';

/** Schemas of the data-security programme packs by pack id (architecture principle 3). */
export const PROGRAMME_PACK_SCHEMAS = {
  'miit-measures-2022': MeasuresPackSchema,
  'industrial-plan-2024-2026': PlanPackSchema,
  'miit-incident-plan-2024': IncidentPlanPackSchema,
  'controls-self-examination': ControlsPackSchema,
  'data-classification-questions': QuestionsPackSchema,
} as const;
/** A programme pack id; it is also the pack's file name under regulations/. */
export type ProgrammePackId = keyof typeof PROGRAMME_PACK_SCHEMAS;

/** The packs the programme rules read. */
export interface ProgrammePacks {
  measures: MeasuresPack;
  plan: PlanPack;
  incidentPlan: IncidentPlanPack;
  controls: ControlsPack;
  questions: QuestionsPack;
}

const registry = packRegistry(PROGRAMME_PACK_SCHEMAS);

/** Validates `data` as programme pack `id`; throws PackError naming the bad field. */
export const parseProgrammePack = registry.parse;

/** Reads and validates one programme pack file. */
export const loadProgrammePackFile = registry.loadFile;

let bundled: ProgrammePacks | undefined;

/** The programme packs shipped in regulations/, validated once. */
export function bundledProgrammePacks(): ProgrammePacks {
  bundled ??= {
    measures: parseProgrammePack('miit-measures-2022', measuresJson, 'regulations/miit-measures-2022.json'),
    plan: parseProgrammePack(
      'industrial-plan-2024-2026',
      planJson,
      'regulations/industrial-plan-2024-2026.json',
    ),
    incidentPlan: parseProgrammePack(
      'miit-incident-plan-2024',
      incidentJson,
      'regulations/miit-incident-plan-2024.json',
    ),
    controls: parseProgrammePack(
      'controls-self-examination',
      controlsJson,
      'regulations/controls-self-examination.json',
    ),
    questions: parseProgrammePack(
      'data-classification-questions',
      questionsJson,
      'regulations/data-classification-questions.json',
    ),
  };
  return bundled;
}

/** Programme packs from `dir` (`<pack id>.json` each), falling back to the bundled pack for any file absent there. */
export async function loadProgrammePacks(dir: string): Promise<ProgrammePacks> {
  const b = bundledProgrammePacks();
  return {
    measures: await registry.fromDir(dir, 'miit-measures-2022', b.measures),
    plan: await registry.fromDir(dir, 'industrial-plan-2024-2026', b.plan),
    incidentPlan: await registry.fromDir(dir, 'miit-incident-plan-2024', b.incidentPlan),
    controls: await registry.fromDir(dir, 'controls-self-examination', b.controls),
    questions: await registry.fromDir(dir, 'data-classification-questions', b.questions),
  };
}

/** Paths of every value in a programme pack that is draft or unconfirmed, so callers can say what a result rests on. */
export const unsettledProgramme = (p: ProgrammePacks[keyof ProgrammePacks]) => unsettledValues(p);
