import type { rectificationZh } from './rectification.zh';
import type { Shape } from '../shape';

export const rectificationEn: Shape<typeof rectificationZh> = {
  title: 'Rectification ledger', issue: 'Issue item', export: 'Export Excel', figures: 'Figures', filters: { period: 'Period', group: 'Group', status: 'Status', severity: 'Severity', overdueOnly: 'Overdue only', unitSearch: 'Find a unit: name, code or pinyin initials', unit: 'Unit' },
  columns: { index: 'No.', code: 'Code', title: 'Problem', unit: 'Responsible unit', measures: 'Measures', due: 'Due', status: 'Status', completion: 'Completion', recheck: 'Re-check', closedOn: 'Closed on', severity: 'Severity', overdue: 'Overdue', escalation: 'Escalation' },
  overdueDays: '{{days}} days overdue', overdueWorkingDays: '{{days}} working days overdue', overdueCalendarDays: '{{days}} calendar days', carried: 'carried into {{period}}', dueRule: { date: 'Fixed date', working_days: '{{days}} working days', calendar_days: '{{days}} days' },
  detail: { requirement: 'Requirement', findings: 'Findings', timeline: 'History', submission: 'Submission', evidence: 'Evidence', returnReason: 'Return reason', responsible: 'Responsible person', leader: 'Leader in charge', issuedOn: 'Issued on', acknowledgedOn: 'Acknowledged on' },
  actions: {
    acknowledge: 'Acknowledge', start: 'Start', submit: 'Report the fix', explain: 'Submit explanation', recheck_pass: 'Pass re-check and close', recheck_fail: 'Fail re-check (return)',
    accept_explanation: 'Accept explanation', reject_explanation: 'Reject explanation (return)', cancel: 'Cancel', carry_over: 'Carry over', escalate: 'Escalate',
  },
  form: {
    unit: 'Unit', period: 'Period', title: 'Problem', requirement: 'Requirement', dueKind: 'Due', dueDate: 'Date', days: 'Days', severity: 'Severity', person: 'Responsible person', leader: 'Leader in charge',
    measures: 'Measures', completionNote: 'Completion', explanation: 'Explanation', evidence: 'Evidence', evidenceLabel: 'Label', evidenceUrl: 'URL', upload: 'Upload file (PDF/image/Word/Excel, ≤5MB)', addUrl: 'Add URL',
    reason: 'Reason', note: 'Note', level: 'Level', decidedBy: 'Decided by', into: 'Carry into period', previewDue: 'With national holidays and make-up workdays: due {{date}}', submit: 'Submit',
  },
  figuresLabels: { total: 'Items', open: 'Open', overdue: 'Overdue', closedOnTime: 'Closed on time', onTimeRate: 'On-time closure rate', medianDays: 'Median days to close', returned: 'Returned at re-check', notReported: 'Units not reporting back' },
  notifications: { title: 'Notifications', markAll: 'Mark all read', empty: 'No notifications' },
  fromReport: 'Order rectification',
  issueRound: { button: 'Order rectification', help: 'Creates rectification items for the findings of this round not yet ordered, and notifies the units\' liaisons.', perUnitIndicator: 'One per unit and indicator', perFinding: 'One per finding', workingDays: 'working days', done: '{{count}} items issued' },
  definition: 'How it is counted: items = every order issued (cancelled ones excluded); on-time closure rate = closed on time ÷ (closed or explained + overdue and still open); open items not yet due are left out.',
  rateOf: '{{numerator}} / {{denominator}}', evidenceRequired: 'Evidence required', evidenceOptional: 'Evidence optional', requireEvidence: 'The unit must provide evidence',
  statuses: { issued: 'Issued', acknowledged: 'Acknowledged', in_progress: 'In progress', submitted: 'Reported', explanation_submitted: 'Explanation to review', returned: 'Returned', closed: 'Closed', explained: 'Explained', cancelled: 'Cancelled' },
  severities: { normal: 'Normal', serious: 'Serious', major: 'Major' },
  escalations: { reminder: 'Reminder', bulletin: 'In the bulletin', interview: 'Interview', public_criticism: 'Public criticism' },
  issued: 'Issued',
  board: 'Board',
  conflict: 'Someone else acted on this item; reload and try again',
};
