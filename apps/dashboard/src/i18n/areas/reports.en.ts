import type { Shape } from '../shape';
import type { reportsZh } from './reports.zh';

export const reportsEn: Shape<typeof reportsZh> = {
  title: 'Annual reports', titleOf: '{{unit}} · Annual report {{year}}', overviewTitle: 'Annual reports for {{year}}', summaryTitle: 'City-wide summary', myReports: 'Our annual reports', unitReports: 'Annual reports', year: 'Report year', unit: 'Unit', group: 'Group',
  status: { none: 'Not started', draft: 'Draft', submitted: 'Awaiting review', returned: 'Returned', accepted: 'Accepted' },
  timeliness: { on_time: 'On time', late: '{{days}} days late', not_due: 'Not yet due', overdue: 'Missing, {{days}} days overdue' },
  rates: {
    title: 'Reporting and on-time rates', group: 'Group', expected: 'Expected', submitted: 'Reported', onTime: 'On time', late: 'Late', missing: 'Missing', accepted: 'Accepted',
    reportingRate: 'Reporting rate', onTimeRate: 'On-time rate', hint: 'Reporting rate = reported / expected, on-time rate = reported on time / expected (expected units are those on the year’s list of units that must report; a unit that has not reported counts in the denominator). The publication date (else the first submission) is compared with the deadline: 31 January for departments and townships, 31 March for county governments.',
  },
  filters: { all: 'All', late: 'Late', missing: 'Missing', errors: 'With errors', pending: 'Awaiting review' },
  columns: { code: 'Code', unit: 'Unit', group: 'Group', status: 'Status', reportedOn: 'Published / submitted', deadline: 'Deadline', timeliness: 'Timeliness', checks: 'Checks', version: 'Version', actions: 'Actions', updatedAt: 'Last changed' },
  checksCount: '{{errors}} errors · {{warnings}} warnings', open: 'Open', fill: 'Fill in', noReport: 'Not started yet',
  form: {
    sections: 'Report text and tables', sectionOne: 'I. Overview', sectionFive: 'V. Main problems and improvements', sectionSix: 'VI. Other matters', publishedAt: 'Published on',
    publishedHint: 'Judged against article 49 of the Regulations', fillTotals: 'Fill in totals ({{count}})', totalsOffered: 'Grey numbers in blank total cells are the totals of what was entered', blankZero: 'Fill blanks with 0',
    blankZeroConfirm: 'Fill every blank cell of this table with 0? (Blank is not zero: confirm these really are 0.)', unsaved: 'Unsaved changes', infoContent: 'Item', value: 'Value',
    cellErrorTip: 'Checks involving this cell', source: 'Source: line {{line}}', format2019: 'This year uses the 2019 trial format',
    autoTotal: 'Automatic total: follows its parts (type a number to set it by hand)', draftRestored: 'Restored unsaved changes kept on this computer ({{at}})', discardDraft: 'Discard these changes', leaveConfirm: 'You have unsaved changes. Leave this page? (They are kept on this computer and restored when you come back.)',
  },
  checks: {
    title: 'Checks', ok: 'All consistency rules hold', errors: '{{count}} errors', warnings: '{{count}} warnings', blank: 'Not filled', explain: 'Explanation (required to submit)', explained: 'Explanation', explainPlaceholder: 'Explain why',
    needExplain: '{{count}} warnings need an explanation', previous: 'Compared with the accepted {{year}} report (version {{version}})', noPrevious: 'No accepted report for {{year}}: cross-year rules S1/S2 not run',
    hard: 'Consistency rules (must hold)', soft: 'Warnings (explain)', blanks: '{{count}} cells not filled', blanksHint: 'A blank cell is not 0: enter 0 where it is 0, or use “Fill blanks with 0”.', jump: 'Go to cell',
    blockersTitle: 'Cannot submit yet:', unexplained: 'Not explained', ruleCode: 'Rule {{rule}}',
  },
  actions: {
    save: 'Save draft', submit: 'Submit', import: 'Import a published report', returnForCorrection: 'Return for correction', accept: 'Accept', correct: 'Start a correction', reason: 'Reason for returning', acceptNote: 'Note (optional)',
    correctionReason: 'Reason for the correction', saved: 'Saved', submitted: 'Submitted, awaiting review', returned: 'Returned', accepted: 'Accepted and locked', corrected: 'Version {{version}} created: edit and submit it again',
    blockedErrors: 'Fix the consistency errors before submitting', blockedExplain: 'Explain every warning', conflict: 'Someone else changed this report; reload and try again',
  },
  decision: { returned: 'Returned by {{who}} on {{at}}: {{reason}}', accepted: 'Accepted by {{who}} on {{at}}', submitted: 'Submitted by {{who}} on {{at}}', locked: 'Accepted versions are locked; start a correction to change it' },
  versions: { title: 'Versions and history', version: 'Version {{n}}', current: 'current', view: 'View', correction: 'Correction: {{reason}}' },
  events: { created: 'Created', saved: 'Saved', imported: 'Imported', submitted: 'Submitted', returned: 'Returned', accepted: 'Accepted', correction: 'Correction started' },
  importPanel: {
    title: 'Import a published annual report', paste: 'Paste web page text', upload: 'Upload a file', pastePlaceholder: 'Paste the full text of the published report here', chooseFile: 'Choose file (.txt .html .docx .pdf)',
    parse: 'Read', confirm: 'Confirm and fill the form', found: '{{filled}} cells read, {{blank}} blank, {{unresolved}} uncertain', notes: 'Please note', parserNotes: 'Parser notes',
    cell: 'Cell', value: 'Value read', line: 'Line', source: 'Source text', unresolved: 'Uncertain', nothingSaved: 'Confirming fills the form; nothing is stored until you save, and you can still edit.', sectionsFound: 'Parts found: {{sections}}',
    onlyFilled: 'Only cells with a source', publishedAt: 'Publication date found: {{date}}',
  },
  summary: {
    title: 'City-wide summary {{year}}', units: 'Units added up', allAccepted: 'All accepted reports', byGroup: 'By group', pick: 'Choose units', count: 'Sum of {{count}} accepted reports',
    missing: '{{count}} chosen units have no accepted report and are left out: {{names}}', exportDocx: 'Export Word (national layout)', exportXlsx: 'Export Excel', checks: 'Consistency checks on the sum', incomplete: '{{count}} cells were not filled by every unit',
  },
  rules: {
    H1: 'Each column: received this year plus carried over from last year equals the results total plus carried over to next year.', H2: 'Each row: the total equals natural persons plus every kind of organisation.', H3: 'Each column: the results total equals the sum of every result.',
    H4: 'Administrative review: the total equals upheld + corrected + other + pending.', H5: 'Lawsuits filed directly: the total equals the sum of the outcomes.', H6: 'Lawsuits after review: the total equals the sum of the outcomes.',
    H7: 'Every cell is filled; counts are whole numbers of 0 or more, fee amounts numbers of 0 or more.', S1: 'Carried over from last year equals last year’s carried over to next year.', S2: 'Documents in force equal last year’s in force plus issued minus repealed this year.',
    S3: 'Documents issued this year should not exceed those in force plus those repealed.', S4: 'Only governments of cities with districts (and above) make rules: other units’ rule cells should be 0.', S5: 'Fees are in 10,000 yuan: check for an amount entered in yuan or one too large.',
    S6: 'Numbers stated in “I. Overview” match the tables.', S7: 'Reports for 2021 on use the 2021 format and say in part VI whether processing fees were charged.', S8: 'All six parts are present, in order.', T1: 'The report is published by the legal deadline.',
  },
  liaisonHint: 'Liaisons see and file only their own unit’s reports', newYear: 'Another year', chooseYear: 'Choose year',
};
