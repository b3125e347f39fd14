// The problems a site check finds, in the 2019 indicators' terms. Keys are stable for a unit across
// checks (kind + what it is about), so the next check can tell which problems were fixed.
import type { SiteCheckResult, SiteProblem } from '@kaoping/contracts/site-check/site-check';
import { reportOverdue } from './site-check-annual-report';
import { columnVeto, homepageStale } from './site-check-columns';
import { daysBetween } from './site-check-dates';
import type { Reachability } from './site-check-reachability';

export function siteProblems(result: SiteCheckResult, today: string, probes?: Reachability, reportYear?: number): SiteProblem[] {
  const out: SiteProblem[] = [];
  const unreachable = probes ? probes.veto : !result.reachable;
  if (unreachable) {
    const detail = probes
      ? `${probes.probes} 次探测中 ${probes.failed} 次失败或超过 15 秒(${(probes.share * 100).toFixed(1)}%,≥5% 即否决)`
      : '首页无法访问';
    out.push({ kind: 'unreachable', veto: true, key: 'unreachable', url: result.site, detail });
  }
  if (!result.reachable) return out;
  if (homepageStale(result.homepageUpdated, today)) {
    const detail = result.homepageUpdated
      ? `首页最近更新 ${result.homepageUpdated},已 ${daysBetween(result.homepageUpdated, today)} 天未更新(要求 2 周内)`
      : '首页未发现带日期的信息';
    out.push({ kind: 'homepage_stale', veto: true, key: 'homepage_stale', url: result.site, detail });
  }
  for (const c of result.columns) {
    if (c.status === 'stale' && c.newest) {
      out.push({
        kind: 'column_stale',
        veto: false,
        key: `column_stale:${c.name}`,
        url: c.url,
        detail: `「${c.name}」最新信息 ${c.newest},超过 ${c.intervalDays} 天未更新`,
      });
    } else if (c.status === 'blank') {
      out.push({
        kind: 'column_blank',
        veto: false,
        key: `column_blank:${c.name}`,
        url: c.url,
        detail: c.url ? `「${c.name}」栏目无内容` : `未找到「${c.name}」栏目`,
      });
    }
  }
  const veto = columnVeto(result.columns, today);
  if (veto.veto) out.push({ kind: 'columns_veto', veto: true, key: 'columns_veto', url: result.site, detail: veto.reasons.join(';') });
  for (const d of result.deadLinks) {
    const what = d.status === 0 ? `无法连接(${d.error ?? '网络错误'})` : `HTTP ${d.status}`;
    out.push({ kind: 'dead_link', veto: false, key: `dead_link:${d.url}`, url: d.foundOn, detail: `${d.url} ${what}` });
  }
  const seenWords = new Set<string>();
  for (const w of result.words) {
    const key = `wrong_word:${w.word}:${w.url}`;
    if (seenWords.has(key)) continue;
    seenWords.add(key);
    const detail = w.suggestion ? `「${w.word}」应为「${w.suggestion}」:${w.context}` : `禁用词「${w.word}」:${w.context}`;
    out.push({ kind: 'wrong_word', veto: false, key, url: w.url, detail });
  }
  const year = reportYear ?? Number(today.slice(0, 4)) - 1;
  if (result.annualReport === null) {
    if (reportOverdue(today, year))
      out.push({
        kind: 'annual_report_missing',
        veto: false,
        key: `annual_report_missing:${year}`,
        url: result.site,
        detail: `未找到 ${year} 年政府信息公开工作年度报告`,
      });
  } else if (!result.annualReport.onTime) {
    const r = result.annualReport;
    const detail = r.publishedAt
      ? `${r.year} 年年报发布于 ${r.publishedAt},晚于 ${r.deadline}`
      : `${r.year} 年年报未标明发布日期(应于 ${r.deadline} 前发布)`;
    out.push({ kind: 'annual_report_late', veto: false, key: `annual_report_late:${r.year}`, url: r.url, detail });
  }
  return out;
}

/** Keys of earlier problems that the new check no longer finds: fixed, e.g. a dead link that answers again. */
export function resolvedProblemKeys(previous: readonly string[], current: readonly SiteProblem[]): string[] {
  const now = new Set(current.map((p) => p.key));
  return previous.filter((k) => !now.has(k));
}
