import { AppError, conflict, invalid } from '../../core/errors';

/** Stable error codes of the assessments module. */
export const assessmentErrors = {
  /** One self-examination at a time per enterprise. */
  examinationOpen: () =>
    conflict('examination.in_progress', 'A self-examination is already in progress; complete it first.'),
  /** A completed examination is frozen. */
  examinationCompleted: () =>
    conflict('examination.completed', 'This self-examination is completed and frozen.'),
  /** The control is not in the library the examination uses. */
  unknownControl: (path: string, id: string) =>
    invalid(path, `Control ${id} is not in the control library.`, 'examination.unknown_control'),
  /** Completion needs every control answered; lists the unanswered ids. */
  incomplete: (ids: readonly string[]) =>
    new AppError(
      400,
      'examination.incomplete',
      `Answer every control before completing; unanswered: ${ids.join(', ')}.`,
      ids.map((id) => ({ path: `answers.${id}`, message: 'not answered', code: 'examination.unanswered' })),
      undefined,
      { unanswered: ids },
    ),
  /** Owners are active users of the enterprise itself. */
  ownerNotMember: () =>
    invalid(
      'body.ownerUserId',
      'The owner must be an active user of the enterprise.',
      'corrective_action.owner',
    ),
  /** A verified corrective action takes no more evidence or edits. */
  actionClosed: () =>
    conflict('corrective_action.verified', 'This corrective action is verified and closed.'),
  /** A report section the 82号 contents do not have. */
  unknownSection: (path: string) =>
    invalid(path, 'Not a section of the 82号 report contents.', 'risk_assessment.unknown_section'),
  /** Only drafts are edited or submitted. */
  riskNotDraft: () =>
    conflict('risk_assessment.not_draft', 'Only a draft risk assessment can be changed or submitted.'),
  /** Only submitted reports are marked received. */
  riskNotSubmitted: () =>
    conflict('risk_assessment.not_submitted', 'Only a submitted report can be marked received.'),
  /** Submission needs every 82号 section, the issue date and, for a third party, the assessor. */
  riskIncomplete: (missing: readonly { path: string; message: string }[]) =>
    new AppError(
      400,
      'risk_assessment.incomplete',
      `The report is incomplete: ${missing.map((m) => m.path).join(', ')}.`,
      missing.map((m) => ({ ...m, code: 'risk_assessment.missing' })),
    ),
  /** The report goes to the regulator of the enterprise's registered province. */
  noProfile: () =>
    conflict(
      'risk_assessment.no_profile',
      'The enterprise has no registry profile, so no province to report to.',
    ),
};
