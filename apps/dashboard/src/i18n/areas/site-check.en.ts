import type { Shape } from '../shape';
import type { siteCheckZh } from './site-check.zh';

export const siteCheckEn: Shape<typeof siteCheckZh> = {
  title: 'Website checks',
  intro: "Checks each unit's website against the State Council's 2019 indicators: reachability (15 s / 5% veto), homepage updated within 2 weeks, news columns within 2 weeks, notices and policy columns within 6 months, blank columns, dead links, wrong or sensitive wording, annual report published on time.",
  tabs: { runs: 'Checks', city: 'City-wide', problems: 'Problem review', settings: 'Settings' },
  run: { start: 'Run check', scope: 'Scope', all: 'All units', units: 'Selected units', pickUnits: 'Pick units', judgedOn: 'Judged on', cancel: 'Cancel check', export: 'Export bulletin table', started: 'Check started', cancelled: 'Cancellation requested' },
  runStatus: { queued: 'Queued', running: 'Running', done: 'Done', cancelled: 'Cancelled', failed: 'Failed' },
  unitStatus: { queued: 'Waiting', running: 'Checking', done: 'Done', failed: 'Failed', cancelled: 'Cancelled', skipped: 'No website' },
  columns: { unit: 'Unit', url: 'Website', status: 'Status', pages: 'Pages fetched', problems: 'Problems', judgedOn: 'Judged on', createdBy: 'Started by', trigger: 'Trigger', progress: 'Progress', kind: 'Kind', veto: 'Veto', detail: 'Detail', location: 'Location', reviewed: 'Review', evidence: 'Evidence', total: 'Total' },
  trigger: { manual: 'Manual', schedule: 'Scheduled' },
  result: { newest: 'Newest item', title: 'Result', reachable: 'Reachable', unreachable: 'Unreachable', homepage: 'Homepage last updated', columns: 'Columns', deadLinks: 'Dead links', words: 'Wrong wording', report: 'Annual report', reportMissing: "Last year's report not found", onTime: 'On time', late: 'Late', none: 'None' },
  kinds: { unreachable: 'Site unreachable', homepage_stale: 'Homepage not updated', column_stale: 'Column not updated', column_blank: 'Blank column', columns_veto: 'Columns not updated (veto)', dead_link: 'Dead link', wrong_word: 'Wrong wording', annual_report_missing: 'Annual report missing', annual_report_late: 'Annual report late' },
  columnStatus: { ok: 'OK', stale: 'Stale', blank: 'Blank' },
  problemStatus: { open: 'To review', accepted: 'Accepted', dismissed: 'Dismissed', sent: 'Sent to score', resolved: 'Resolved' },
  review: { correction: 'Correction reason (the round is published; this becomes a restatement)', published: 'published', accept: 'Accept', dismiss: 'Dismiss', reopen: 'Reopen', reason: 'Reason for dismissing', send: 'Send to score', sendTitle: 'Send accepted problems to an assessment round', round: 'Round', leaf: 'Deduction indicator', veto: 'Veto item (for veto problems)', sent: '{{count}} sent as findings', selected: '{{count}} problems selected', onlyAccepted: 'Only accepted problems can be sent', viewEvidence: 'Evidence', evidenceTitle: 'Evidence page (SHA-256 {{sha}})' },
  city: { latest: 'Problems per unit in the latest check ({{date}})', trend: 'Problems across checks', noRun: 'No finished check yet' },
  settings: { columns: 'Required columns and update interval (days)', addColumn: 'Add column', columnName: 'Column', interval: 'Interval (days)', limits: 'Crawl limits', maxPages: 'Pages per site', maxDepth: 'Link depth', perHost: 'Requests at once per site', interval_ms: 'Interval between requests (ms)', timeout: 'Page timeout (ms)', schedule: 'Monthly check day (empty = none)', words: 'Word list ({{count}})', importWords: 'Import word list (.xlsx / .csv, columns word,suggestion)', wordsHelp: 'Nothing is imported if any row is wrong.', imported: '{{count}} imported', saved: 'Settings saved', channels: 'Channels', word: 'Wrong', suggestion: 'Right' },
  audit: {
    site_channels_set: 'Website channels set',
    site_settings_save: 'Website check settings saved',
    site_words_set: 'Word list changed',
    site_words_import: 'Word list imported',
    site_run_start: 'Website check started',
    site_run_cancel: 'Website check cancelled',
    site_problem_review: 'Website problem reviewed',
    site_problem_send: 'Website problem sent to score',
  },
};
