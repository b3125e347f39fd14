import type { Shape } from '../shape';
import type { schemeEditorZh } from './scheme-editor.zh';

export const schemeEditorEn: Shape<typeof schemeEditorZh> = {
  tabs: { form: 'Form', json: 'JSON' },
  tree: 'Indicators',
  addTop: 'Add level-1 indicator',
  addChild: 'Add child',
  up: 'Up',
  down: 'Down',
  remove: 'Remove',
  renumber: 'Renumber',
  childrenSum: 'children {{sum}}',
  sumMismatch: 'children {{sum}} ≠ {{points}}',
  selectNode: 'Pick an indicator on the left to edit it.',
  node: { code: 'Code', name: 'Name', points: 'Points', rule: 'Scoring', groups: 'Groups', tags: 'Required tags', na: 'When not applicable', naExclude: 'Excluded (leaves the maximum)', naRate: 'Scored at a rate', naRateValue: 'Rate (0–1)', pooled: 'Pooled deductions under this indicator', parentNote: 'An indicator with children has no scoring rule; its points must equal the children\'s sum.', allGroups: 'All groups' },
  kinds: { manual: 'Manual', binary: 'Met / not met', checklist: 'Checklist', graded: 'Graded levels', rate: 'Rate', deduct: 'Deduction per finding', rectification: 'Rectification penalties' },
  rule: {
    items: 'Items', itemCode: 'Code', itemName: 'Name', itemPoints: 'Points', addItem: 'Add item', levels: 'Levels', levelLabel: 'Label', levelPoints: 'Points', addLevel: 'Add level',
    target: 'Target (%)', perPointBelow: 'Per point below', perFinding: 'Per finding', perLate: 'Per late item', perRejected: 'Per failed re-check', manualHelp: 'The assessor enters a score between 0 and the points.', binaryHelp: 'Full points when met, else 0.',
  },
  parts: { title: 'Scheme settings', meta: 'Basics', code: 'Scheme code', titleLabel: 'Title', year: 'Year', groups: 'Groups', groupCode: 'Group code', groupName: 'Group name', vetoes: 'Vetoes', vetoEffect: 'Effect', vetoFail: 'Fail', vetoCap: 'Cap the score', capTo: 'Cap', bonus: 'Bonus items', bonusEnabled: 'Bonus items', gate: 'Gate', cap: 'Bonus cap', major: 'Major deductions', grading: 'Grades', grade: 'Grade', min: 'Minimum', quota: 'Quota', quotaGrade: 'Grade', maxPct: 'At most (%)', annual: 'Annual weights', add: 'Add', itemCode: 'Code', itemName: 'Name', itemPoints: 'Points' },
  diff: { title: 'Compared with {{year}}', none: 'Same as last year\'s scheme.', added: 'Added', removed: 'Removed', changed: 'Changed', points: 'points {{before}} → {{after}}' },
  importDoc: {
    button: 'Import scheme document (Excel/Word)', title: 'Import the office\'s scheme document', help: 'Pick the office\'s own scheme table (.xlsx or .docx) with columns such as 一级指标 / 二级指标 / 分值 / 评分标准. Parents may be merged cells; points may read "10分" or "10". Nothing is saved until you confirm the proposal.',
    year: 'Year', choose: 'Choose file', reading: 'Reading…', refused: 'The table has errors; no scheme proposed', proposed: 'Read {{tables}} table(s), {{rows}} rows, {{leaves}} leaf indicators; check each scoring rule', warnings: 'Notes',
    code: 'Code', name: 'Indicator', points: 'Points', source: 'Source cell', inferred: 'Why', kind: 'Scoring', confirmMark: 'to confirm', confirm: 'Confirm and save', confirmed: 'Saved the {{year}} scheme {{code}}', edit: 'Edit in the form',
  },
  exportDocx: 'Export (Word)',
  exportXlsx: 'Export (Excel)',
};
