import type { Clock, FilingStatus, NationalReportStatus, Report, ReportState } from './types';

// Records keyed by the contract's unions, so a state or status added to the contracts fails to compile here.
const stateColors: Record<ReportState, string> = {
  submitted: 'blue',
  triage: 'cyan',
  'needs-info': 'gold',
  rejected: 'red',
  duplicate: 'default',
  confirmed: 'orange',
  'nationally-reported': 'purple',
  'fix-available': 'geekblue',
  'users-notified': 'lime',
  published: 'green',
  closed: 'default',
};

/** Every report state, in lifecycle order. */
export const REPORT_STATES = Object.keys(stateColors) as ReportState[];

/** Tag colour of a report state. */
export const stateColor = (s: ReportState): string => stateColors[s];

const clockColors: Record<Clock['status'], string> = {
  pending: 'processing',
  'due-soon': 'warning',
  overdue: 'error',
  met: 'success',
  'met-late': 'gold',
  'not-started': 'default',
};

/** Every clock status. */
export const CLOCK_STATUSES = Object.keys(clockColors) as Clock['status'][];

/** Tag colour of a clock status. */
export const clockColor = (s: Clock['status']): string => clockColors[s];

/** The report's RMSV art. 7 clocks, in the order the duties fall due. */
export const CLOCK_NAMES = ['verify', 'upstreamNotify', 'nationalReport'] as const;
/** A clock of a report. */
export type ClockName = (typeof CLOCK_NAMES)[number];

/** Lifecycle events fired through the transitions route, each with its own form. */
export const TRANSITION_EVENTS = [
  'start-triage',
  'request-info',
  'provide-info',
  'reject',
  'mark-duplicate',
  'confirm',
  'release-fix',
  'notify-users',
  'close',
  'reopen',
] as const;

/** Events that have their own routes and forms: the national report and the publication request. */
export const ROUTE_EVENTS = ['report-nationally', 'publish'] as const;

/** Every event a report can offer in `availableEvents`. */
export const REPORT_EVENTS = [...TRANSITION_EVENTS, ...ROUTE_EVENTS] as const;
/** An event a report can offer. */
export type ReportEvent = (typeof REPORT_EVENTS)[number];

/** Whether a server-offered event name is one this UI has a form for. */
export const isReportEvent = (e: string): e is ReportEvent =>
  (REPORT_EVENTS as readonly string[]).includes(e);

/** The next step along RMSV art. 7 gets the primary button; refusals are shown as dangerous. */
export const eventEmphasis = (e: ReportEvent): 'primary' | 'danger' | 'default' =>
  e === 'reject'
    ? 'danger'
    : [
          'start-triage',
          'confirm',
          'report-nationally',
          'release-fix',
          'notify-users',
          'publish',
          'provide-info',
        ].includes(e)
      ? 'primary'
      : 'default';

/** Events on the timeline that the server records besides the lifecycle events. */
export const TIMELINE_KINDS = [
  'intake',
  ...REPORT_EVENTS,
  'national-report-refiled',
  'national-report-acknowledged',
  'national-report-more-info-requested',
  'publication-refused',
  'approval-recorded',
  'attachment-added',
  'assigned',
  'external-ids',
  'reminder',
  'escalated',
  'duplicate-linked',
  'upstream-notified',
  'users-notified',
] as const;

/** RMSV art. 9 refusal codes of the disclosure gate (`disclosure.<code>` in a 422 problem). */
export const DISCLOSURE_CODES = [
  'no-fix-and-no-approval',
  'mitigation-missing',
  'exploit-tool-public',
  'operator-details',
  'overseas-recipient',
  'freeze-window',
  'exaggeration-flag',
] as const;

const gradeCodes = { 超危: 'critical', 高危: 'high', 中危: 'medium', 低危: 'low' } as const;
/** A GB/T 30279-2020 grade as the API writes it. */
export type Grade = keyof typeof gradeCodes;
/** GB/T 30279-2020 grades, most severe first. */
export const GRADES = Object.keys(gradeCodes) as Grade[];
/** Locale-neutral code of a grade (the API sends the standard's Chinese names). */
export const gradeCode = (g: string): string => (g in gradeCodes ? gradeCodes[g as Grade] : 'unknown');

const severityColors: Record<string, string> = {
  critical: 'magenta',
  high: 'red',
  medium: 'orange',
  low: 'blue',
  none: 'default',
};
/** Tag colour of a CVSS severity or GB/T grade code. */
export const severityColor = (code: string): string => severityColors[code.toLowerCase()] ?? 'default';

/** CVSS qualitative ratings, as the API writes them. */
export const CVSS_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NONE'] as const;

/** Notification kinds the server sends (vulnerability lifecycle, national reports, advisories, exposures). */
export const NOTIFICATION_KINDS = [
  'vulnerability.received',
  'vulnerability.unrouted',
  'vulnerability.updated',
  'vulnerability.upstream',
  'vulnerability.fix-available',
  'vulnerability.reminder',
  'vulnerability.overdue',
  'national-report.filed',
  'national-report.acknowledged',
  'national-report.more-info-requested',
  'advisory.published',
  'exposure.new',
  'catalog.filing_submitted',
  'catalog.filing_returned',
  'catalog.filing_approved',
  'catalog.review_overdue',
  'catalog.refiling_due',
  'corrective_action.assigned',
  'risk_assessment.submitted',
  'risk_assessment.received',
  'risk_assessment.expiring',
  'risk_assessment.expired',
  'drill.started',
  'drill.filed',
  'incident.reported',
  'incident.reclassified',
  'incident.follow_up',
  'incident.closed',
  'incident.escalated',
  'incident.ministry_report',
] as const;

/** Locale key of a notification kind (dots are key separators in i18next). */
export const notificationKey = (kind: string): string => `notifications.kinds.${kind.replaceAll('.', '_')}`;

/** RMSV art. 7(2) mandatory fields of a national report, in the order the rule lists them. */
export const NATIONAL_REPORT_FIELDS = [
  'productName',
  'productModel',
  'productVersion',
  'technicalCharacteristics',
  'harm',
  'scope',
] as const;

const nationalStatuses: Record<NationalReportStatus, true> = {
  filed: true,
  acknowledged: true,
  'more-info-requested': true,
};
/** Every national-report status, in workflow order. */
export const NATIONAL_STATUSES = Object.keys(nationalStatuses) as NationalReportStatus[];

const filingStatuses: Record<FilingStatus, true> = {
  draft: true,
  submitted: true,
  approved: true,
  rejected: true,
  revoked: true,
};
/** Every collection-platform filing status, in workflow order. */
export const FILING_STATUSES = Object.keys(filingStatuses) as FilingStatus[];

const reporterKinds: Record<Report['reporterKind'], true> = {
  researcher: true,
  platform: true,
  'vendor-internal': true,
  anonymous: true,
  'upstream-notice': true,
};
/** Every way a report can come in. */
export const REPORTER_KINDS = Object.keys(reporterKinds) as Report['reporterKind'][];
