// Check one unit's site: crawl it, then judge columns, homepage, links, wording and the annual report
// by the domain rules. The result is the CLI's JSON (shared spec site-check.md); the pages come back
// too, as evidence (HTML bounded, with SHA-256) for whoever stores the problems.
import type { RequiredColumn, SiteAnnualReport, SiteCheckResult, WordEntry, WordHit } from '@kaoping/contracts/site-check/site-check';
import { annualReportDeadline, expectedReportYear, reportOnTime } from '@kaoping/domain/site-check/site-check-annual-report';
import { columnStatus, defaultIntervalDays } from '@kaoping/domain/site-check/site-check-columns';
import { chinaDateOf, extractDates, newestDate } from '@kaoping/domain/site-check/site-check-dates';
import { buildWordMatcher } from '@kaoping/domain/site-check/site-check-words';
import type { WordMatcher } from '@kaoping/domain/site-check/site-check-words';
import { parseAnnualReport } from '../annual-report/parse-annual-report';
import { SiteCrawler } from './site-check-crawler';
import type { CrawledPage, CrawlOptions } from './site-check-crawler';
import type { PageLink } from './site-check-html';

export interface CheckSiteOptions extends CrawlOptions {
  /** Required columns; without them, every navigation column of the homepage by the national defaults. */
  columns?: readonly RequiredColumn[];
  words?: readonly WordEntry[];
  /** The China calendar date the check is judged on; default today in Asia/Shanghai. */
  today?: string;
  now?: () => Date;
}

export interface SiteCheckRun {
  result: SiteCheckResult;
  /** Every page fetched, with its bounded HTML and SHA-256. */
  pages: CrawledPage[];
  /** The start page's answer as a reachability probe. */
  probe: { at: string; status: number; elapsedMs: number };
  requests: number;
  blockedByRobots: string[];
}

const norm = (s: string) => s.replace(/[\s\u3000>»›·|]+/g, '');

/** The link that names a column: exact text first, then text containing the name; navigation first. */
function findColumnLink(links: readonly PageLink[], name: string): PageLink | undefined {
  const n = norm(name);
  const ranked = [...links].sort((a, b) => Number(b.inNav) - Number(a.inNav));
  return ranked.find((l) => norm(l.text) === n) ?? ranked.find((l) => norm(l.text).includes(n));
}

const REPORT_TITLE = /年度报告|年报/;

function findReportLink(pages: readonly CrawledPage[], year: number): PageLink | undefined {
  for (const p of pages) {
    for (const l of p.parsed?.links ?? []) {
      if (!REPORT_TITLE.test(l.text)) continue;
      if (l.text.includes(String(year)) || (!/20\d{2}/.test(l.text) && new URL(l.url).pathname.includes(String(year)))) return l;
    }
  }
  return undefined;
}

/** The publication date a report page states (发布时间/日期…), else its first date. */
function publicationDate(text: string, today: string): string | null {
  const labelled = /(发布时间|发布日期|发文日期|成文日期|日期|时间)\s*[:：]?\s*([^\n]{0,20})/.exec(text);
  const fromLabel = labelled ? extractDates(labelled[2] ?? '', today)[0] : undefined;
  return fromLabel ?? extractDates(text, today).find((d) => d <= today) ?? null;
}

export async function checkSite(startUrl: string, options: CheckSiteOptions = {}): Promise<SiteCheckRun> {
  const now = options.now ?? (() => new Date());
  const checkedAt = now();
  const today = options.today ?? chinaDateOf(checkedAt);
  const crawler = new SiteCrawler(startUrl, options);
  const home = await crawler.crawl();
  const probe = { at: home?.fetchedAt ?? checkedAt.toISOString(), status: home?.status ?? 0, elapsedMs: home?.elapsedMs ?? 0 };
  const reachable = home !== null && home.status >= 200 && home.status < 400 && home.parsed !== null;
  const head = { site: startUrl, checkedAt: checkedAt.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  if (!reachable || !home.parsed) {
    return {
      result: {
        ...head,
        pages: crawler.pages.size,
        reachable,
        homepageUpdated: null,
        columns: [],
        deadLinks: [],
        words: [],
        annualReport: null,
      },
      pages: [...crawler.pages.values()],
      probe,
      requests: crawler.requests,
      blockedByRobots: [...crawler.blockedByRobots],
    };
  }

  // Columns: the office's list, or the homepage navigation with the national default intervals.
  const navLinks = home.parsed.links.filter((l) => l.inNav && crawler.isOwn(l.url) && l.text !== '' && !/首页|主页/.test(l.text));
  const wanted: RequiredColumn[] = options.columns
    ? [...options.columns]
    : [...new Map(navLinks.map((l) => [l.text, { name: l.text, intervalDays: defaultIntervalDays(l.text) }])).values()];
  const columns = await Promise.all(
    wanted.map(async (c) => {
      const link =
        findColumnLink(home.parsed?.links ?? [], c.name) ??
        [...crawler.pages.values()].map((p) => p.parsed && findColumnLink(p.parsed.links, c.name)).find(Boolean);
      const page = link && crawler.isOwn(link.url) ? await crawler.fetchPage(link.url, 1) : null;
      const newest = page?.parsed ? newestDate(page.parsed.content, today) : null;
      return {
        name: c.name,
        url: link?.url ?? null,
        newest,
        intervalDays: c.intervalDays,
        status: columnStatus(newest, c.intervalDays, today),
      };
    }),
  );

  // The annual report for last year, through the annual-report parser.
  const year = expectedReportYear(today);
  let annualReport: SiteAnnualReport | null = null;
  const reportLink = findReportLink([home, ...crawler.pages.values()], year);
  if (reportLink && crawler.isOwn(reportLink.url)) {
    const page = await crawler.fetchPage(reportLink.url, 1);
    if (page?.html) {
      const publishedAt = publicationDate(page.parsed?.content ?? '', today);
      let checks: SiteAnnualReport['checks'];
      try {
        const parsed = await parseAnnualReport(page.html, { fileName: 'report.html', year });
        checks = parsed.checks.map((k) => ({ rule: k.rule, severity: k.severity, message: k.message }));
      } catch (error) {
        checks = [{ rule: 'parse', severity: 'error', message: `年报无法识别: ${error instanceof Error ? error.message : String(error)}` }];
      }
      annualReport = {
        url: reportLink.url,
        year,
        publishedAt,
        deadline: annualReportDeadline(year),
        onTime: reportOnTime(publishedAt, year),
        checks,
      };
    }
  }

  await crawler.checkLinks();
  const deadLinks = [
    ...[...crawler.pages.values()]
      .filter((p) => p.status === 0 || p.status >= 400)
      .map((p) => ({ url: p.url, status: p.status, ...(p.error ? { error: p.error } : {}), foundOn: crawler.foundOn(p.url) })),
    ...[...crawler.links.values()]
      .filter((l) => l.status === 0 || l.status >= 400)
      .map((l) => ({ url: l.url, status: l.status, ...(l.error ? { error: l.error } : {}), foundOn: l.foundOn })),
  ];

  const words = options.words && options.words.length > 0 ? findWords(buildWordMatcher(options.words), crawler.pages.values()) : [];
  const pages = [...crawler.pages.values()];
  return {
    result: {
      ...head,
      pages: pages.length,
      reachable,
      homepageUpdated: newestDate(home.parsed.content, today),
      columns,
      deadLinks,
      words,
      annualReport,
    },
    pages,
    probe,
    requests: crawler.requests,
    blockedByRobots: [...crawler.blockedByRobots],
  };
}

function findWords(matcher: WordMatcher, pages: Iterable<CrawledPage>): WordHit[] {
  const hits: WordHit[] = [];
  for (const p of pages) {
    if (!p.parsed) continue;
    const text = [p.parsed.title, p.parsed.text].join('\n');
    for (const h of matcher.find(text)) hits.push({ word: h.word, suggestion: h.suggestion, url: p.finalUrl, context: h.context });
  }
  return hits;
}
