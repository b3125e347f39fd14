import type { Shape } from '../shape';
import type { auditLabelsZh } from './audit-labels.zh';

export const auditLabelsEn: Shape<typeof auditLabelsZh> = {
  other: 'Other action',
  actions: {
    analysis_scenario_create: 'Saved a what-if scenario', analysis_scenario_delete: 'Deleted a what-if scenario',
    annual_report_accept: 'Accepted an annual report', annual_report_city_review: 'Reviewed annual reports', annual_report_city_review_export: 'Exported the report review', annual_report_correction: 'Started a report correction',
    annual_report_create: 'Created an annual report', annual_report_export: 'Exported the report summary', annual_report_import: 'Imported an annual report', annual_report_return: 'Returned an annual report', annual_report_save: 'Saved an annual report', annual_report_submit: 'Submitted an annual report',
    assessment_event_add: 'Recorded a veto/bonus event', assessment_event_remove: 'Removed a veto/bonus event', assessment_finding_add: 'Recorded a finding', assessment_finding_withdraw: 'Withdrew a finding',
    assessment_objection_decide: 'Decided an objection', assessment_objection_file: 'Filed an objection', assessment_publish: 'Published results', assessment_restate: 'Restated published results', assessment_round_lock: 'Locked a round', assessment_round_open: 'Opened a round',
    assessment_scheme_copy: 'Copied a scheme', assessment_scheme_import: 'Imported a scheme', assessment_scheme_importDocument: 'Imported a scheme document', assessment_score_set: 'Scored', assessment_self_set: 'Self-assessment',
    assessment_import_scores: 'Imported scores', assessment_import_findings: 'Imported findings', assessment_import_events: 'Imported events', assessment_import_units: 'Imported units',
    auth_login: 'Signed in', bulletin_save: 'Saved the bulletin', calendar_remove: 'Removed a calendar day', calendar_upsert: 'Set a calendar day', create: 'Created',
    group_create: 'Created a group', group_update: 'Changed a group', period_create: 'Added a period', period_status: 'Changed a period’s status',
    rectification_issue: 'Issued a rectification order', rectification_issue_bulk: 'Issued rectification orders', rectification_evidence: 'Uploaded evidence', rectification_acknowledge: 'Acknowledged an order', rectification_start: 'Started rectifying',
    rectification_submit: 'Reported a fix', rectification_explain: 'Submitted an explanation', rectification_recheck_pass: 'Re-check passed, closed', rectification_recheck_fail: 'Re-check failed, returned',
    rectification_accept_explanation: 'Accepted an explanation', rectification_reject_explanation: 'Rejected an explanation', rectification_cancel: 'Cancelled an order', rectification_carry_over: 'Carried an order over', rectification_escalate: 'Escalated an order',
    session_end: 'Ended a session', site_channels_set: 'Set site channels', site_problem_review: 'Reviewed a site problem', site_problem_send: 'Sent a site problem', site_run_cancel: 'Cancelled a site check', site_run_start: 'Started a site check', site_settings_save: 'Saved site-check settings',
    unit_create: 'Created a unit', unit_deactivate: 'Retired a unit', unit_group: 'Changed the group', unit_import: 'Imported a units file', unit_import_create: 'Created by import', unit_import_update: 'Updated by import', unit_update: 'Changed a unit',
    user_create: 'Created a user', user_disable: 'Disabled a user', user_import: 'Imported users', user_password_change: 'Changed the password', user_password_reset: 'Reset a password', user_sessions_end: 'Ended a user’s sessions', user_update: 'Changed a user', demo_seed: 'Loaded demo data',
  },
  fields: {
    name: 'Name', code: 'Code', kind: 'Kind', tags: 'Tags', parentId: 'Parent unit', groupId: 'Group', groupCode: 'Group', year: 'Year', validFrom: 'Established', validTo: 'Retired on', successorId: 'Successor',
    reason: 'Reason', note: 'Note', status: 'Status', dueDate: 'Due date', closedOn: 'Closed on', returnReason: 'Return reason', escalationLevel: 'Escalation', carriedInto: 'Carried into', recheckFailCount: 'Failed re-checks',
    title: 'Title', unitId: 'Unit', period: 'Period', periodCode: 'Period', roundId: 'Round', fileId: 'File', fileName: 'File name', size: 'Size', sha256: 'Checksum', findings: 'Findings', items: 'Items', grouping: 'Grouping',
    date: 'Date', dayKind: 'Kind', username: 'Username', displayName: 'Name', role: 'Role', phone: 'Phone', isActive: 'Active', created: 'Created', updated: 'Updated', unchanged: 'Unchanged', rows: 'Rows',
    points: 'Points', score: 'Score', leafId: 'Indicator', text: 'Text', decision: 'Decision', versionNo: 'Version', schemeId: 'Scheme', content: 'Content', header: 'Header', paragraphs: 'Paragraphs', requirements: 'Requirements',
    sortOrder: 'Order', startsOn: 'Starts', endsOn: 'Ends', severity: 'Severity', source: 'Source', evidenceRequired: 'Evidence required', requirement: 'Requirement', findingIds: 'Findings',
  },
};
