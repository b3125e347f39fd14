import type { zh } from './zh';
import type { Shape } from './shape';
import { accountsEn } from './areas/accounts.en';
import { analysisEn } from './areas/analysis.en';
import { assessmentEn } from './areas/assessment.en';
import { chartsEn } from './areas/charts.en';
import { dashboardEn } from './areas/dashboard.en';
import { meetingEn } from './areas/meeting.en';
import { rectificationEn } from './areas/rectification.en';
import { schemeEditorEn } from './areas/scheme-editor.en';
import { reportsEn } from './areas/reports.en';
import { auditLabelsEn } from './areas/audit-labels.en';
import { reportReviewEn } from './areas/report-review.en';
import { siteCheckEn } from './areas/site-check.en';
import { securityEn } from './areas/security.en';

export const en: Shape<typeof zh> = {
  accounts: accountsEn,
  schemeEditor: schemeEditorEn,
  analysis: analysisEn,
  assessment: assessmentEn,
  charts: chartsEn,
  dashboard: dashboardEn,
  meeting: meetingEn,
  rectification: rectificationEn,
  reports: reportsEn,
  auditLabels: auditLabelsEn,
  reportReview: reportReviewEn,
  siteCheck: siteCheckEn,
  security: securityEn,
  app: { title: 'Kaoping', subtitle: 'Government transparency assessment', city: 'Jiangling City Transparency Office' },
  nav: { overview: 'Overview', rankings: 'Rankings', analysis: 'Analysis', reports: 'Annual reports', assessment: 'Assessment', rectification: 'Rectification', units: 'Units', settings: 'Settings', siteCheck: 'Website checks' },
  role: { admin: 'Administrator', assessor: 'Assessor', liaison: 'Unit liaison', leader: 'Leader' },
  common: {
    logout: 'Sign out', language: '中文', search: 'Search', reset: 'Reset', save: 'Save', cancel: 'Cancel', edit: 'Edit', create: 'New',
    actions: 'Actions', all: 'All', yes: 'Yes', no: 'No', loading: 'Loading…', readonly: 'Read-only', readonlyHint: 'Read-only: cannot change assessments, units, reports or rectification; what-if scenarios on the analysis page are personal notes you may save and delete.', year: 'Year', total: '{{count}} in all', back: 'Back',
    noData: 'No data', confirm: 'OK', close: 'Close', forbidden: 'Access denied', notFound: 'Page not found', retry: 'Retry', showHistory: 'Include retired units',
  },
  login: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', demoHint: 'Demo accounts (password {{password}} for all)', failed: 'Sign-in failed' },
  units: {
    title: 'Units', code: 'Code', name: 'Name', kind: 'Kind', group: 'Group', parent: 'Parent unit', tags: 'Tags', status: 'Status', active: 'Active',
    inactive: 'Retired', children: 'Subordinate units', validFrom: 'Valid from', validTo: 'Valid to', successor: 'Successor', note: 'Note', create: 'New unit',
    edit: 'Edit unit', import: 'Import units', deactivate: 'Retire unit', deactivateReason: 'Reason', searchPlaceholder: 'Search by name or code',
    history: 'History', groupHistory: 'Groups by year', profile: 'Profile', saved: 'Saved', created: 'Created', deactivated: 'Retired',
    conflict: 'Someone else changed this unit; reload and try again', noParent: 'None (top level)', kinds: { county_gov: 'County government', city_dept: 'City department', township: 'Township', street: 'Street', other: 'Other' },
    importHelp: 'CSV or XLSX (first sheet) with columns code,name,group,kind,parent,tags. One bad row rejects the whole file.',
    importYear: 'Year of the groups', importCheck: 'Check', importRun: 'Import', importOk: 'Imported: {{created}} new, {{updated}} updated, {{unchanged}} unchanged',
    importDry: 'Check passed: {{created}} new, {{updated}} updated, {{unchanged}} unchanged', importFailed: 'Nothing was imported. Fix these problems:', row: 'Row', column: 'Column', problem: 'Problem',
    chooseFile: 'Choose file', ownUnitOnly: 'Liaisons see only their own unit',
  },
  audit: {
    at: 'When', actor: 'Who', action: 'Action', change: 'Change', before: 'Before', after: 'After',
    actions: {
      ...accountsEn.audit,
      ...siteCheckEn.audit,
      'auth_login': 'Signed in', 'unit_create': 'Unit created', 'unit_update': 'Unit changed', 'unit_deactivate': 'Unit retired', 'unit_group': 'Group changed',
      'unit_import': 'Units file imported', 'unit_import_create': 'Created by import', 'unit_import_update': 'Updated by import', 'group_create': 'Group created', 'group_update': 'Group changed',
      'period_create': 'Period added', 'period_status': 'Period status changed', 'demo_seed': 'Demo data loaded', 'analysis_scenario_create': 'What-if scenario saved', 'analysis_scenario_delete': 'What-if scenario deleted',
      'assessment_score_set': 'Score entered', 'assessment_finding_add': 'Finding recorded', 'assessment_finding_withdraw': 'Finding withdrawn', 'assessment_event_add': 'Event recorded', 'assessment_event_remove': 'Event removed', 'assessment_objection_file': 'Objection filed', 'assessment_objection_decide': 'Objection decided', 'assessment_self_set': 'Self-assessment entered',
      'assessment_scheme_import': 'Import scheme', 'assessment_scheme_replace': 'Edit scheme', 'assessment_scheme_copy': 'Copy scheme to next year', 'assessment_scheme_importDocument': 'Import scheme document',
      'annual_report_create': 'Annual report created', 'annual_report_save': 'Annual report saved', 'annual_report_submit': 'Annual report submitted', 'annual_report_return': 'Annual report returned', 'annual_report_accept': 'Annual report accepted', 'annual_report_correction': 'Annual report correction', 'annual_report_import': 'Annual report imported', 'annual_report_export': 'Annual report summary exported', 'annual_report_city_review': 'Annual reports reviewed', 'annual_report_city_review_export': 'Annual report review exported',
    },
  },
  settings: { calendarMissing: 'The {{year}} holiday arrangement is not entered yet: deadlines in {{year}} count Monday to Friday only.', calendar: 'Holidays', calendarHelp: 'Working-day deadlines follow the national holidays and make-up workdays (the State Council notices are built in). When next year\'s arrangement is published, enter its days here.', calendarCoverage: 'Years with an arrangement: {{years}}', holiday: 'Holiday', workday: 'Make-up workday', holidayName: 'Name', addDay: 'Add', date: 'Date', dayKind: 'Kind', remove: 'Remove', title: 'Settings', groups: 'Groups', periods: 'Periods', users: 'Users', groupCode: 'Code', groupName: 'Name', unitCount: 'Units', sortOrder: 'Order',
    periodCode: 'Period', range: 'Dates', status: 'Status', addPeriod: 'Add period', addGroup: 'Add group', username: 'Username', displayName: 'Name', role: 'Role', unit: 'Unit',
    periodStatus: { open: 'Open', closed: 'Closed', locked: 'Locked' }, close: 'Close', reopen: 'Reopen', lock: 'Lock', recent: 'Recent changes' },
};
