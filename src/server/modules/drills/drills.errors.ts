import { AppError, conflict, invalid } from '../../core/errors';

/** Drill error codes, one line of meaning each. */
export const drillErrors = {
  /** Built-in scenarios are read-only: copy one to edit it. */
  builtInReadOnly: () =>
    new AppError(403, 'drill.scenario_read_only', 'Built-in scenarios are read-only; copy one to edit it.'),
  /** The drill is not in the state this step needs. */
  wrongState: (status: string, needed: string) =>
    conflict('drill.wrong_state', `The drill is ${status}; this needs it ${needed}.`),
  /** A participant who is not an active user of the enterprise. */
  notMember: (path: string) =>
    invalid(path, 'Not an active user of the enterprise.', 'drill.participant_not_member'),
  /** The same participant twice. */
  duplicateParticipant: (path: string) => invalid(path, 'Listed twice.', 'drill.duplicate_participant'),
  /** An inject the scenario does not have, or one not delivered yet. */
  injectNotDelivered: (path: string) =>
    invalid(path, 'No such inject has been delivered.', 'drill.inject_not_delivered'),
  /** An expectation the inject does not score. */
  noSuchExpectation: () =>
    invalid('body.expectation', 'The inject does not score this expectation.', 'drill.no_such_expectation'),
  /** An action of another inject or drill. */
  noSuchAction: () =>
    invalid('body.actionId', 'No action of this inject has that id.', 'drill.no_such_action'),
  /** A real-time drill's clock is the wall clock; only facilitator-mode drills are advanced by hand. */
  realTime: () =>
    conflict('drill.real_time_clock', 'A real-time drill follows the wall clock and cannot be advanced.'),
  /** A scenario that is neither built in nor the enterprise's own. */
  unknownScenario: () =>
    invalid('body.scenarioId', 'No such scenario in your library.', 'drill.unknown_scenario'),
  /** Every inject has been delivered. */
  noNextInject: () =>
    conflict('drill.no_next_inject', 'Every inject has been delivered; complete the drill.'),
  /** Filed drills are evidence and do not change. */
  filed: () => conflict('drill.filed', 'The drill has been filed with the regulator and no longer changes.'),
  /** No lesson at that position. */
  noSuchLesson: () => invalid('body.lesson', 'There is no lesson at this position.', 'drill.no_such_lesson'),
  /** A corrective action is due in the past. */
  dueInPast: () => invalid('body.dueOn', 'The due date is in the past.', 'drill.due_in_past'),
  /** A period that ends before it starts. */
  badPeriod: () => invalid('query.to', 'The period ends before it starts.', 'drill.bad_period'),
  /** No CJK font is installed for the PDF. */
  noFont: () =>
    new AppError(
      503,
      'drill.pdf_font_missing',
      'No CJK font is installed for the PDF report; set BULWARK_PDF_FONT to a Noto Sans CJK or WenQuanYi font file.',
    ),
};
