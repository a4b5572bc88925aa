import { z } from 'zod';
import { Timestamp } from './common';
import { IncidentFactsBody, IncidentTier } from './incidents';

/** A text in both languages (zh-CN is the default UI language, en complete). */
export const L10n = z.strictObject({
  zh: z.string().trim().min(1).max(4000),
  en: z.string().trim().min(1).max(4000),
});
/** A text in both languages. */
export type L10n = z.infer<typeof L10n>;

/** What a drill scores (OpenBAS-style expectations): detection, containment, reporting in time, restoration. */
export const ExpectationKey = z.enum(['detected', 'contained', 'reported-in-time', 'restored']);
/** An expectation key. */
export type ExpectationKey = z.infer<typeof ExpectationKey>;

/** Who an inject is addressed to. */
export const DrillRole = z.enum(['it', 'security-officer', 'management', 'comms', 'legal', 'operations']);

/** The practice incident an inject raises: the facts it is tiered on (no catalogued assets in a scenario). */
export const RaisesIncident = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(5000),
  facts: IncidentFactsBody.omit({ dataAssetIds: true }),
});

/** One inject: what happens at a drill minute, to whom, what is expected and how it is scored. */
export const Inject = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes'),
  minute: z.number().int().min(0).max(10_080),
  title: L10n,
  body: L10n,
  roles: z.array(DrillRole).min(1).max(6),
  expectedActions: z.array(L10n).max(10).default([]),
  expectations: z
    .array(z.strictObject({ key: ExpectationKey, budgetMinutes: z.number().int().min(1).max(10_080) }))
    .max(4)
    .default([]),
  raisesIncident: RaisesIncident.optional(),
});
/** An inject. */
export type Inject = z.infer<typeof Inject>;

/** A scenario: ordered injects; keys unique; at most one inject raises the practice incident. */
export const ScenarioDefinition = z
  .strictObject({
    title: L10n,
    summary: L10n,
    threat: z.enum(['ransomware', 'insider-misuse', 'other']),
    injects: z.array(Inject).min(1).max(100),
  })
  .superRefine((s, ctx) => {
    const keys = new Map<string, number>();
    let raising = 0;
    s.injects.forEach((inj, i) => {
      const first = keys.get(inj.key);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['injects', i, 'key'],
          message: `Same key as inject ${first}.`,
        });
      keys.set(inj.key, i);
      const prev = s.injects[i - 1];
      if (prev && inj.minute < prev.minute)
        ctx.addIssue({
          code: 'custom',
          path: ['injects', i, 'minute'],
          message: 'Injects are in drill-minute order.',
        });
      const exp = new Set<string>();
      inj.expectations.forEach((e, j) => {
        if (exp.has(e.key))
          ctx.addIssue({
            code: 'custom',
            path: ['injects', i, 'expectations', j, 'key'],
            message: 'One expectation of each kind per inject.',
          });
        exp.add(e.key);
      });
      if (inj.raisesIncident && ++raising > 1)
        ctx.addIssue({
          code: 'custom',
          path: ['injects', i, 'raisesIncident'],
          message: 'Only one inject raises the practice incident.',
        });
    });
  });
/** A scenario definition. */
export type ScenarioDefinition = z.infer<typeof ScenarioDefinition>;

/** A scenario of the library: built-in (read-only, id `builtin-…`) or the enterprise's own copy. */
export const Scenario = z.object({
  id: z.string(),
  builtIn: z.boolean(),
  basedOn: z.string().nullable(),
  definition: ScenarioDefinition,
  updatedAt: Timestamp.nullable(),
});
/** A scenario. */
export type Scenario = z.infer<typeof Scenario>;

/** A scenario id path parameter: a built-in key or a UUID. */
export const ScenarioIdParam = z.strictObject({
  id: z
    .string()
    .regex(
      /^(builtin-[a-z0-9-]{1,40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
      'a scenario id',
    ),
});

/** Copies a scenario (built-in or own) into a new editable one. */
export const CopyScenarioBody = z.strictObject({ copyOf: ScenarioIdParam.shape.id });

/** How drill time runs: advanced by the facilitator, or by the wall clock from the start. */
export const DrillMode = z.enum(['facilitator', 'real-time']);
/** A drill's state. */
export const DrillStatus = z.enum(['scheduled', 'running', 'completed']);

/** Schedules a drill from a scenario (a snapshot is kept) with participants of the same enterprise. */
export const ScheduleDrillBody = z.strictObject({
  scenarioId: ScenarioIdParam.shape.id,
  title: z.string().trim().min(1).max(200).optional(),
  mode: DrillMode.default('facilitator'),
  scheduledFor: Timestamp,
  participantUserIds: z.array(z.uuid()).max(200).default([]),
});

/** Replaces the participant list. */
export const ParticipantsBody = z.strictObject({ userIds: z.array(z.uuid()).max(200) });

/** The facilitator moves drill time to the next inject or by N minutes. */
export const AdvanceBody = z.union([
  z.strictObject({ to: z.literal('next') }),
  z.strictObject({ minutes: z.number().int().min(1).max(1440) }),
]);

/** A participant's action or decision against a delivered inject. */
export const RecordActionBody = z.strictObject({
  injectKey: z.string().min(1).max(40),
  text: z.string().trim().min(1).max(5000),
  claim: ExpectationKey.optional().describe('The expectation the participant believes this satisfies'),
});

/** The facilitator marks an expectation met (optionally by a given action) or missed. */
export const MarkExpectationBody = z.strictObject({
  injectKey: z.string().min(1).max(40),
  expectation: ExpectationKey,
  status: z.enum(['met', 'missed']),
  actionId: z.uuid().optional(),
});

/** The lessons learned, replacing the previous list. */
export const LessonsBody = z.strictObject({ lessons: z.array(z.string().trim().min(1).max(2000)).max(50) });

/** A corrective action raised from one lesson. */
export const DrillCorrectiveBody = z.strictObject({
  lesson: z.number().int().min(0).max(49),
  dueOn: z.iso.date(),
  ownerUserId: z.uuid().optional(),
});

/** A participant. */
export const DrillParticipant = z.object({ userId: z.uuid(), name: z.string(), email: z.string() });

/** A drill as lists show it. */
export const Drill = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  provinceCode: z.string(),
  title: z.string(),
  threat: z.string(),
  scenarioId: z.string().nullable(),
  mode: DrillMode,
  status: DrillStatus,
  scheduledFor: Timestamp,
  startedAt: Timestamp.nullable(),
  completedAt: Timestamp.nullable(),
  filedAt: Timestamp.nullable(),
  facilitatorUserId: z.uuid(),
  currentMinute: z.number(),
  score: z.number().nullable(),
  incidentTier: IncidentTier.nullable(),
  createdAt: Timestamp,
});
/** A drill. */
export type Drill = z.infer<typeof Drill>;

/** One expectation of one inject with its verdict. */
export const ExpectationResult = z.object({
  injectKey: z.string(),
  key: ExpectationKey,
  budgetMinutes: z.number(),
  status: z.enum(['pending', 'met', 'missed']),
  minute: z.number().nullable().describe('Drill minute it was satisfied'),
  actionId: z.uuid().nullable(),
  inBudget: z.boolean().nullable(),
});

/** The four measured times (drill minutes from the first inject), met/total and the score. */
export const DrillMeasures = z.object({
  timeToDetect: z.number().nullable(),
  timeToContain: z.number().nullable(),
  timeToReport: z.number().nullable(),
  timeToRestore: z.number().nullable(),
  met: z.number(),
  total: z.number(),
  score: z.number(),
});
/** The measures. */
export type DrillMeasures = z.infer<typeof DrillMeasures>;

/** The practice incident a drill raised: tier and fired criteria, and (for the enterprise) the live clocks. */
export const DrillIncident = z.object({
  id: z.uuid(),
  ref: z.string(),
  tier: IncidentTier.nullable(),
  fired: z.array(
    z.object({ criterion: z.string(), tier: IncidentTier, threshold: z.string(), clause: z.string() }),
  ),
  decisive: z.array(z.string()),
  practice: z.literal(true),
  clocks: z.array(
    z.object({
      duty: z.string(),
      minutes: z.number(),
      startedAt: Timestamp,
      dueAt: Timestamp,
      doneAt: Timestamp.nullable(),
      state: z.string(),
      remainingMs: z.number().nullable().describe('Until due at the time of the response; null once done'),
    }),
  ),
});

/** A corrective action raised from a lesson (on the programme's corrective-action board). */
export const DrillCorrectiveAction = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  dueOn: z.string(),
});

/** A drill with its scenario snapshot, deliveries, actions, verdicts, incident, measures and lessons. */
export const DrillDetail = Drill.extend({
  scenario: ScenarioDefinition,
  participants: z.array(DrillParticipant),
  nextInjectMinute: z.number().nullable(),
  delivered: z.array(z.object({ key: z.string(), minute: z.number(), deliveredAt: Timestamp })),
  actions: z.array(
    z.object({
      id: z.uuid(),
      injectKey: z.string(),
      userId: z.uuid(),
      userName: z.string(),
      minute: z.number(),
      at: Timestamp,
      text: z.string(),
      claim: ExpectationKey.nullable(),
    }),
  ),
  expectations: z.array(ExpectationResult),
  incident: DrillIncident.nullable(),
  measures: DrillMeasures,
  lessons: z.array(z.string()),
  correctiveActions: z.array(DrillCorrectiveAction),
  canFacilitate: z.boolean(),
  canParticipate: z.boolean(),
});
/** A drill's detail. */
export type DrillDetail = z.infer<typeof DrillDetail>;

/** The after-action report (JSON form of the PDF). */
export const AfterActionReport = z.object({
  drill: Drill,
  scenarioTitle: L10n,
  injects: z.array(z.object({ key: z.string(), minute: z.number(), title: L10n })),
  measures: DrillMeasures,
  expectations: z.array(ExpectationResult),
  incident: DrillIncident.nullable(),
  lessons: z.array(z.string()),
  correctiveActions: z.array(DrillCorrectiveAction),
  participants: z.array(DrillParticipant),
  generatedAt: Timestamp,
});
/** An after-action report. */
export type AfterActionReport = z.infer<typeof AfterActionReport>;

/** Drill list filters. */
export const DrillListQuery = z.strictObject({
  status: DrillStatus.optional(),
  filed: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** The period of the filed-drill count (filing date, Shanghai days, inclusive). */
export const FiledCountQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date() });

/** Filed drills per province in a period (the supervision roll-up). */
export const FiledCount = z.object({
  from: z.string(),
  to: z.string(),
  byProvince: z.array(z.object({ provinceCode: z.string(), drills: z.number(), enterprises: z.number() })),
});
