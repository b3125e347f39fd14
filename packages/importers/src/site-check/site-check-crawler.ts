// The polite crawler of one unit's site: robots.txt (robots-parser), a queue per host with a
// concurrency cap and a minimum interval between requests (p-queue), page/depth limits, timeouts,
// a size bound, redirects followed only within the unit's hosts. Links leaving those hosts are
// only tested (HEAD, GET when HEAD is refused), never crawled. Cancel with the AbortSignal.
import PQueue from 'p-queue';
import robotsParser from 'robots-parser';
import { decodeHtml, httpRequest, sha256, USER_AGENT } from './site-check-http';
import type { HttpAnswer } from './site-check-http';
import { parsePage } from './site-check-html';
import type { ParsedPage } from './site-check-html';

export interface CrawlLimits {
  maxPages: number;
  maxDepth: number;
  /** A page that has not answered by then counts as failed (the 15 s of the reachability rule). */
  pageTimeoutMs: number;
  /** Testing a link, inside or outside the site. */
  linkTimeoutMs: number;
  maxPageBytes: number;
  /** HTML kept as evidence per page (its SHA-256 is of the whole body read). */
  maxEvidenceBytes: number;
  maxLinkChecks: number;
  maxRedirects: number;
  /** Politeness: requests at once per host, and the least time between two starts on one host. */
  perHostConcurrency: number;
  minIntervalMs: number;
}

export const defaultCrawlLimits: CrawlLimits = {
  maxPages: 200,
  maxDepth: 3,
  pageTimeoutMs: 15_000,
  linkTimeoutMs: 5_000,
  maxPageBytes: 2 * 1024 * 1024,
  maxEvidenceBytes: 512 * 1024,
  maxLinkChecks: 500,
  maxRedirects: 5,
  perHostConcurrency: 2,
  minIntervalMs: 250,
};

/** No politeness: for benches against our own fixture servers only. */
export const impoliteLimits: Pick<CrawlLimits, 'perHostConcurrency' | 'minIntervalMs'> = { perHostConcurrency: 16, minIntervalMs: 0 };

export interface CrawledPage {
  url: string;
  /** After redirects within the unit's hosts. */
  finalUrl: string;
  depth: number;
  status: number;
  error?: string;
  fetchedAt: string;
  elapsedMs: number;
  contentType: string;
  /** The body as fetched (bounded), kept as evidence; null for non-HTML. */
  html: string | null;
  sha256: string | null;
  /** Last-Modified of the answer, if any. */
  lastModified: string | null;
  parsed: ParsedPage | null;
  /** The answer redirected off the unit's hosts to this URL (tested as an outbound link). */
  leftTo?: string;
}

export interface LinkStatus {
  url: string;
  status: number;
  error?: string;
  foundOn: string;
}

export interface CrawlProgress {
  pages: number;
  requests: number;
}

export interface CrawlOptions {
  limits?: Partial<CrawlLimits>;
  /** The unit's other hosts (its 政务公开 columns may live on another host); the start URL's host is always in. */
  hosts?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (p: CrawlProgress) => void;
}

type Robots = ReturnType<typeof robotsParser> | null;

export class SiteCrawler {
  readonly limits: CrawlLimits;
  readonly hosts: Set<string>;
  readonly pages = new Map<string, CrawledPage>();
  readonly links = new Map<string, LinkStatus>();
  readonly blockedByRobots = new Set<string>();
  requests = 0;
  private readonly queues = new Map<string, PQueue>();
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly signal: AbortSignal | undefined;
  private readonly onProgress: ((p: CrawlProgress) => void) | undefined;

  constructor(
    readonly start: string,
    options: CrawlOptions = {},
  ) {
    this.limits = { ...defaultCrawlLimits, ...options.limits };
    this.hosts = new Set([new URL(start).host, ...(options.hosts ?? [])]);
    this.signal = options.signal;
    this.onProgress = options.onProgress;
  }

  isOwn(url: string): boolean {
    return this.hosts.has(new URL(url).host);
  }

  private queue(host: string, interval: number): PQueue {
    let q = this.queues.get(host);
    if (!q) {
      q = new PQueue(
        interval > 0
          ? { concurrency: this.limits.perHostConcurrency, intervalCap: 1, interval }
          : { concurrency: this.limits.perHostConcurrency },
      );
      this.queues.set(host, q);
    }
    return q;
  }

  /** One request on the host's queue. */
  private async send(url: string, method: 'GET' | 'HEAD', timeoutMs: number, maxBytes: number): Promise<HttpAnswer> {
    const host = new URL(url).host;
    const robots = this.isOwn(url) ? await this.robotsOf(url) : null;
    const delay = robots?.getCrawlDelay(USER_AGENT);
    const interval = this.limits.minIntervalMs > 0 ? Math.max(this.limits.minIntervalMs, Math.min((delay ?? 0) * 1000, 10_000)) : 0;
    return this.queue(host, interval).add(
      async () => {
        this.requests++;
        return httpRequest(url, { method, timeoutMs, maxBytes, signal: this.signal });
      },
      { signal: this.signal },
    ) as Promise<HttpAnswer>;
  }

  private robotsOf(url: string): Promise<Robots> {
    const origin = new URL(url).origin;
    let r = this.robots.get(origin);
    if (!r) {
      const robotsUrl = `${origin}/robots.txt`;
      r = (async () => {
        // The first request to a host, before its queue exists: the queue's interval depends on Crawl-delay.
        this.requests++;
        const answer = await httpRequest(robotsUrl, { timeoutMs: this.limits.linkTimeoutMs, maxBytes: 512 * 1024, signal: this.signal });
        // No robots.txt (or none readable) means no restriction.
        if (answer.status !== 200) return null;
        return robotsParser(robotsUrl, new TextDecoder().decode(answer.body));
      })();
      this.robots.set(origin, r);
    }
    return r;
  }

  async allowed(url: string): Promise<boolean> {
    const robots = await this.robotsOf(url);
    return robots?.isAllowed(url, USER_AGENT) ?? true;
  }

  private progress() {
    this.onProgress?.({ pages: this.pages.size, requests: this.requests });
  }

  /** Fetch one of the unit's pages (following redirects within its hosts); null when robots.txt forbids it. */
  async fetchPage(url: string, depth: number): Promise<CrawledPage | null> {
    const known = this.pages.get(url);
    if (known) return known;
    if (!(await this.allowed(url))) {
      this.blockedByRobots.add(url);
      return null;
    }
    let current = url;
    let answer = await this.send(current, 'GET', this.limits.pageTimeoutMs, this.limits.maxPageBytes);
    let leftTo: string | undefined;
    for (let hop = 0; answer.status >= 300 && answer.status < 400 && answer.location && hop < this.limits.maxRedirects; hop++) {
      const next = new URL(answer.location, current).href;
      if (!this.isOwn(next)) {
        leftTo = next;
        break;
      }
      if (!(await this.allowed(next))) {
        this.blockedByRobots.add(next);
        return null;
      }
      current = next;
      answer = await this.send(current, 'GET', this.limits.pageTimeoutMs, this.limits.maxPageBytes);
    }
    const isHtml = answer.status >= 200 && answer.status < 300 && /html|xml/i.test(answer.contentType || 'text/html');
    const html = isHtml ? decodeHtml(answer.body, answer.contentType) : null;
    const page: CrawledPage = {
      url,
      finalUrl: current,
      depth,
      status: answer.status,
      ...(answer.error ? { error: answer.error } : {}),
      fetchedAt: answer.startedAt,
      elapsedMs: Math.round(answer.elapsedMs),
      contentType: answer.contentType,
      html: html === null ? null : html.slice(0, this.limits.maxEvidenceBytes),
      sha256: answer.body.byteLength > 0 ? sha256(answer.body) : null,
      lastModified: answer.lastModified,
      parsed: html === null ? null : parsePage(html, current),
      ...(leftTo ? { leftTo } : {}),
    };
    this.pages.set(url, page);
    this.progress();
    return page;
  }

  /** Breadth first from the start page, within the page and depth limits. */
  async crawl(): Promise<CrawledPage | null> {
    const first = await this.fetchPage(this.start, 0);
    let frontier = first ? [first] : [];
    for (let depth = 1; depth <= this.limits.maxDepth && frontier.length > 0; depth++) {
      const next = new Set<string>();
      for (const page of frontier) {
        for (const link of page.parsed?.links ?? []) {
          if (this.isOwn(link.url) && !this.pages.has(link.url) && looksLikePage(link.url)) next.add(link.url);
        }
      }
      const room = this.limits.maxPages - this.pages.size;
      const batch = [...next].slice(0, Math.max(0, room));
      const fetched = await Promise.all(batch.map((u) => this.fetchPage(u, depth)));
      frontier = fetched.filter((p): p is CrawledPage => p !== null && p.parsed !== null);
    }
    return first;
  }

  /**
   * Test every link seen on the crawled pages that was not fetched as a page: the unit's own by HEAD
   * (robots.txt permitting), others by HEAD then GET when HEAD is refused, with the short timeout.
   */
  async checkLinks(): Promise<void> {
    const todo = new Map<string, string>();
    for (const page of this.pages.values()) {
      if (page.leftTo && !todo.has(page.leftTo)) todo.set(page.leftTo, page.url);
      for (const link of page.parsed?.links ?? []) if (!this.pages.has(link.url) && !todo.has(link.url)) todo.set(link.url, page.finalUrl);
    }
    const batch = [...todo].slice(0, this.limits.maxLinkChecks);
    await Promise.all(
      batch.map(async ([url, foundOn]) => {
        if (this.isOwn(url) && !(await this.allowed(url))) {
          this.blockedByRobots.add(url);
          return;
        }
        let answer = await this.send(url, 'HEAD', this.limits.linkTimeoutMs, 0);
        if (answer.status === 405 || answer.status === 501 || answer.status === 403)
          answer = await this.send(url, 'GET', this.limits.linkTimeoutMs, 64 * 1024);
        this.links.set(url, { url, status: answer.status, ...(answer.error ? { error: answer.error } : {}), foundOn });
      }),
    );
  }

  /** Where a link that was fetched as a page was first seen. */
  foundOn(url: string): string {
    for (const page of this.pages.values()) if (page.parsed?.links.some((l) => l.url === url)) return page.finalUrl;
    return this.start;
  }
}

/** Skip downloads when crawling (they are only link-tested). */
function looksLikePage(url: string): boolean {
  return !/\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif|bmp|mp4|mp3|avi|wps|ofd|exe|apk)$/i.test(new URL(url).pathname);
}
