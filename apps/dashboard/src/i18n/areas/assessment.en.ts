import type { Shape } from '../shape';
import type { assessmentZh } from './assessment.zh';

export const assessmentEn: Shape<typeof assessmentZh> = {
  title: 'Assessment',
  status: { draft: 'In progress', published: 'Published', locked: 'Locked' },
  kinds: { office: 'Office assessment', third_party: 'Third-party evaluation', self: 'Self-assessment' },
  rule: {
    manual: 'Scored by hand (0–{{points}})',
    binary: 'Full points if met, otherwise none',
    checklist: 'Per item: {{items}}',
    graded: 'Levels: {{levels}}',
    rate: 'Target {{target}}%, −{{per}} per point below, down to zero',
    deduct: '−{{per}} per finding, down to zero',
    rectification: 'From the ledger: −{{perLate}} per late item, −{{perRejected}} per failed re-check',
  },
  loss: {
    finding: '{{description}} ({{count}}×, −{{points}})',
    noDescription: 'Finding',
    checklist: 'Not met: {{item}} {{name}} (−{{points}})',
    graded: 'Rated “{{label}}” (−{{points}})',
    rate: '{{value}}%, below the {{target}}% target (−{{points}})',
    manual: 'Scored {{points}} below full',
    binary: 'Not met (−{{points}})',
    late: 'Rectification {{item}} late (due {{due}}, −{{points}})',
    rejected: 'Rectification {{item}} failed re-check {{rejected}}× (−{{points}})',
    missing: 'Not scored',
    naRate: 'Not applicable, at a {{rate}} rate (−{{points}})',
  },
  rounds: {
    tab: 'Rounds', period: 'Period', title: 'Title', kind: 'Kind', status: 'Status', scheme: 'Scheme', publishedAt: 'Published', objectionDeadline: 'Objections until',
    objectionOpen: 'Open', objections: 'Pending objections', pending: '{{count}}', open: 'Open a round', openHelp: 'One scored round per quarter, under the year’s scheme.',
    selfAssess: 'Self-assess', ownSheet: 'Our score sheet', liaisonHelp: '{{unit}}: self-assess while a round is in progress; once published, read your score sheet and object to findings within the window.',
  },
  round: {
    import: 'Import files', publish: 'Publish', publishConfirm: 'Publish this round?', publishHelp: 'Publishing freezes a snapshot of the results and the scheme; later corrections become restatements.',
    publishBlocked: 'Some units are incomplete', published: 'Published', lock: 'Lock', lockConfirm: 'No more objections after locking. Lock?', correct: 'Correct…', endCorrection: 'End correction',
    correctTitle: 'Correct published results', correctHelp: 'The published snapshot is never edited. Each change recomputes and appends a restatement with its diff.', correctReason: 'Reason (required)',
    correcting: 'Correcting: every change appends a restatement, reason “{{reason}}”', frozen: 'Published and frozen (content hash {{hash}}…); changes only as corrections.',
    completeness: 'Completeness', completeCount: '{{complete}} / {{units}} units complete', results: 'Ranking', grid: 'Scoring grid', objections: 'Objections', publications: 'Publications',
    liveHelp: 'Computed live from the current inputs; for checking before publication.',
  },
  results: {
    rank: 'Rank', movement: 'Movement', unit: 'Unit', score: 'Score', grade: 'Grade', events: 'Vetoes / bonus / deductions', completeness: 'Completeness', complete: 'Complete', missing: '{{count}} missing',
    vetoed: 'Vetoed', veto: 'Veto', major: 'Deduction', bonus: 'Bonus', quotaDemoted: 'Reached the top band but the quota was full: moved to the next grade',
    scoreHelp: 'Base {{base}} of {{max}} applicable; major deductions {{major}}; bonus {{bonus}}',
  },
  grid: {
    unit: 'Unit', total: 'Score', rank: 'No. {{rank}}', points: '{{points}} pts', number: 'points', missing: 'Not scored', na: 'N/A', naRate: 'at {{rate}}', notApplicable: 'Does not apply to this unit',
    findings: '{{count}} findings', fromLedger: 'From the ledger', issues: 'Inputs are inconsistent; cannot compute', naTitle: 'Mark {{leaf}} not applicable', naPlaceholder: 'Reason, e.g. no such work this year', naReason: 'Reason',
    help: 'Type per the rule (Enter saves and moves down, ↑↓ move, Tab moves right); na marks not applicable; deduct leaves open their findings.',
  },
  import: {
    title: 'Import files ({{period}})', kinds: { scores: 'Scores', findings: 'Findings', events: 'Events' },
    help: 'CSV (UTF-8) or XLSX (first sheet) with columns {{columns}}. Rows of other quarters are checked too but not imported into {{period}}.',
    semantics: { scores: 'Sets the cells the file lists (others unchanged).', findings: 'Replaces the findings imported earlier into this round (those entered by hand stay).', events: 'Replaces the events imported earlier into this round (those entered by hand stay).' },
    chooseFile: 'Choose file', check: 'Check', run: 'Import', ok: 'Imported: {{imported}} rows, {{changed}} changed, {{replaced}} replaced', dry: 'Check passed: {{imported}} rows, {{changed}} changed, {{replaced}} replaced',
    skipped: 'Rows of other quarters (checked, not imported): {{list}}', failed: 'Nothing was imported ({{count}} problems). Fix these and import again:', row: 'Row', column: 'Column', problem: 'Problem',
  },
  findings: {
    none: 'No findings', add: 'Record a finding', added: 'Recorded', description: 'Description', descriptionRequired: 'Describe the problem (2+ characters)', countLabel: 'Count', count: '{{count}}×', deduction: 'Own deduction',
    deductionHelp: 'Empty: count × per-finding deduction', seenAt: 'Seen at', seenAtShort: 'seen {{at}}', url: 'Page URL', screenshot: 'Screenshot', chooseScreenshot: 'Upload screenshot', viewScreenshot: 'View screenshot', save: 'Save',
    withdraw: 'Withdraw', withdrawTitle: 'Withdraw this finding?', withdrawReason: 'Reason', withdrawn: 'Withdrawn', withdrawnReason: 'Withdrawn because',
  },
  sheet: {
    title: 'Score sheet', indicator: 'Indicator', points: 'Points', earned: 'Earned', lossReasons: 'Why points were lost', rectificationColumn: 'Rectification', rectificationItem: '{{code}} {{status}} (due {{due}})',
    notIssued: 'Not issued', na: 'N/A', naRate: 'N/A (rated)', naReason: 'Reason', total: 'Total', findings: 'Findings',
    formula: '(base {{base}} − major {{major}}) ÷ applicable {{max}} × 100 = {{normalized}}; bonus {{bonus}}; final {{final}}',
    publication: 'Published {{at}}, hash {{hash}}… ({{n}} restatements)', draft: 'Not published yet: computed live from the current inputs.',
    objectionOpen: 'You may object to a finding until {{deadline}}.', objectionClosed: 'The objection window closed on {{deadline}}.',
  },
  objections: {
    file: 'Object', fileTitle: 'Object to a finding', about: 'Finding: {{description}}', textPlaceholder: 'Why, with evidence (5+ characters)', submit: 'Submit', filed: 'Objection submitted',
    queue: 'Objections', mine: 'Our objections', period: 'Period', unit: 'Unit', finding: 'Finding', text: 'Objection', filedAt: 'Filed', statusLabel: 'Status', decision: 'Decision',
    status: { pending: 'Pending', upheld: 'Finding upheld', withdrawn: 'Finding withdrawn' }, decide: 'Decide', decideTitle: 'Decide: {{unit}}',
    decideWithdrawn: 'Accept: withdraw the finding (recompute, restatement)', decideUpheld: 'Reject: the finding stands', reasonPlaceholder: 'Reason (required)', decided: 'Decided', restated: 'Finding withdrawn; results recomputed and restated',
  },
  publications: {
    none: 'Not published', original: 'Original', restatement: 'Restatement {{n}}', reason: 'Reason', hash: 'Content hash (SHA-256)', scheme: 'Scheme', schemeVersion: 'version {{version}}',
    before: 'Before (score · rank · grade)', after: 'After', noResultChange: 'No unit’s score, rank or grade changed', findingRemoved: 'Finding withdrawn', findingAdded: 'Finding added', scoreChanged: 'Score changed', eventAdded: 'Event added', eventRemoved: 'Event removed',
  },
  self: {
    title: '{{period}} self-assessment', compare: 'Self vs assessed', selfValue: 'Self value / evidence', evidence: 'Evidence (URL or note)', selfEarned: 'Self', assessedEarned: 'Assessed', gap: 'Gap',
    selfFinal: 'Self total', assessedFinal: 'Assessed total', automatic: 'From findings or the ledger', editHelp: 'Saved as you type; closes when the round is published.', assessedLater: 'The comparison appears once results are published.',
  },
  events: { none: 'No vetoes, bonus items or major deductions', code: 'Veto, major deduction or bonus item', note: 'Note (e.g. homepage not updated for 15 days)', add: 'Record', remove: 'Remove', removeConfirm: 'Remove this event?' },
  annual: { tab: 'Annual results', weights: 'Quarter weights:', noRound: 'none', incomplete: 'Some quarters are not published yet: units missing a quarter have no annual score.', final: 'Annual score', unscored: 'Not scored' },
  schemes: {
    title: 'Schemes', import: 'Import scheme', replace: 'Replace {{code}}', replaceShort: 'Replace', importHelp: 'Paste or choose scheme.json (scoring.md §1). Problems are listed with the indicator they concern.',
    chooseFile: 'Choose JSON file', validateImport: 'Validate and import', created: 'Imported {{code}}', replaced: 'Replaced {{code}} (version {{version}})', invalid: 'Not imported. Fix these problems:',
    copied: 'Copied as {{code}}', copy: 'Copy to next year', export: 'Export JSON', code: 'Code', name: 'Title', statusLabel: 'Status', status: { draft: 'Draft', frozen: 'Frozen' }, version: 'Version', usedBy: 'Used by',
    rule: 'Rule', applicability: 'Applies to', pooled: 'Pooled deductions', groupsOnly: 'groups {{groups}} only', tagsOnly: 'needs tag {{tags}}', naRate: 'rated {{rate}} when not applicable',
    groups: 'Groups', vetoes: 'Vetoes', vetoFail: 'fails, not ranked', vetoCap: 'capped at {{cap}}', bonus: 'Bonus', bonusRule: 'from {{gate}} points, at most {{cap}}:', major: 'Major deductions',
    grading: 'Grades', quota: '“{{grade}}” at most {{pct}}%', annual: 'Annual weights',
  },
  rectificationStatus: {
    issued: 'Issued', acknowledged: 'Acknowledged', in_progress: 'In progress', submitted: 'Submitted', explanation_submitted: 'Explanation pending', returned: 'Returned', closed: 'Closed', explained: 'Explained', cancelled: 'Cancelled',
  },
};
