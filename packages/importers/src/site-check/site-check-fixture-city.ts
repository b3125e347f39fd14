// A generated city of government websites, served on 127.0.0.1 by node:http (one port per site), for
// tests, the bench and the demo: CMS-like pages with column listings and dates in the forms CMSs
// print, an annual-report page, dead links, redirects, a slow page, a robots.txt that forbids a
// path, and wrong wording. Each site's defects are chosen by its spec, so tests know what to expect.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateReport } from '@kaoping/domain/annual-report/generate-report';
import { addDays } from '@kaoping/domain/site-check/site-check-dates';
import { renderReportText } from '../annual-report/render-report-text';

export interface FixtureSiteSpec {
  name: string;
  /** Newest item of each column, days before today; null = the column is empty. */
  newsAgeDays: number;
  noticeAgeDays: number;
  policyAgeDays: number | null;
  personnelAgeDays: number | null;
  /** Newest item on the homepage, days before today. */
  homepageAgeDays: number;
  deadLinks: boolean;
  wrongWords: boolean;
  /** Last year's annual report: published by the deadline, after it, or not at all. */
  report: 'on_time' | 'late' | 'missing';
  /** Milliseconds /slow.html takes to answer (linked from the homepage); 0 = no slow page. */
  slowMs: number;
  /** The whole site answers 503. */
  down?: boolean;
}

export interface FixtureSite {
  spec: FixtureSiteSpec;
  url: string;
  host: string;
  /** Paths asked for, in order (to prove robots.txt was obeyed). */
  requests: string[];
  /** Change the site's defects from now on (e.g. the unit fixed its dead links). */
  setSpec(spec: FixtureSiteSpec): void;
}

export interface FixtureCity {
  sites: FixtureSite[];
  /** A host outside every unit: /ok answers 200; its other paths 404. */
  outside: string;
  /** A port nothing listens on (its links fail with ECONNREFUSED). */
  closedPort: number;
  close(): Promise<void>;
}

/** The wrong wording planted on defective sites, with the list that finds it. */
export const FIXTURE_WORDS = '# 错敏词\n国务院办工厅=>国务院办公厅\n人民政付=>人民政府\n某某禁用语\n';

const slash = (d: string) => d.replace(/-/g, '/');
const chinese = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const COLUMNS = [
  { path: 'gzdt', name: '工作动态', spec: 'newsAgeDays', print: (d: string) => d },
  { path: 'tzgg', name: '通知公告', spec: 'noticeAgeDays', print: (d: string) => `[${d.slice(5)}]` },
  { path: 'zcwj', name: '政策文件', spec: 'policyAgeDays', print: chinese },
  { path: 'rsxx', name: '人事信息', spec: 'personnelAgeDays', print: slash },
] as const;

function page(site: FixtureSiteSpec, today: string, title: string, main: string): string {
  const nav = COLUMNS.map((c) => `<li><a href="/${c.path}/">${c.name}</a></li>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title} - ${site.name}</title></head><body>
<header class="top"><div class="today">今天是 ${chinese(today)}</div><h1>${site.name}</h1></header>
<nav class="nav"><ul><li><a href="/">首页</a></li>${nav}<li><a href="/zwgk/">政务公开</a></li></ul></nav>
<div class="main">${main}</div>
<footer class="footer">主办:${site.name} 版权所有 2019-${today.slice(0, 4)} 网站标识码 3300000000</footer></body></html>`;
}

function items(column: (typeof COLUMNS)[number], newest: string, count: number): { href: string; title: string; date: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(newest, -i * 9);
    return {
      href: `/${column.path}/${date.slice(0, 7).replace('-', '')}/t${date.replace(/-/g, '')}_${i + 1}.html`,
      title: `${column.name}第${i + 1}条信息`,
      date,
    };
  });
}

/** The site's pages, keyed by path (without the slow page and the redirects, which the handler makes). */
export function renderFixtureSite(spec: FixtureSiteSpec, today: string, outside: string, closedPort: number): Map<string, string> {
  const pages = new Map<string, string>();
  const reportYear = Number(today.slice(0, 4)) - 1;
  const wrong = spec.wrongWords;
  for (const c of COLUMNS) {
    const age = spec[c.spec];
    const list = age === null ? [] : items(c, addDays(today, -age), 6);
    const rows = list
      .map((it) => `<li><a href="${it.href}" title="${it.title}">${it.title}</a><span class="date">${c.print(it.date)}</span></li>`)
      .join('');
    pages.set(
      `/${c.path}/`,
      page(
        spec,
        today,
        c.name,
        `<div class="crumb">当前位置:首页 > ${c.name}</div><ul class="list">${rows}</ul>${list.length === 0 ? '<p>暂无信息</p>' : ''}`,
      ),
    );
    list.forEach((it, i) => {
      const body =
        wrong && c.path === 'gzdt' && i === 0
          ? `本局认真落实国务院办工厅关于政务公开工作的部署要求。县人民政付召开专题会议。`
          : '本局认真落实上级关于政务公开工作的部署要求。';
      pages.set(
        it.href,
        page(
          spec,
          today,
          it.title,
          `<h2>${it.title}</h2><div class="info">发布时间:${it.date}</div><div class="content"><p>${body}</p></div>`,
        ),
      );
    });
  }
  const homeNewest = addDays(today, -spec.homepageAgeDays);
  const homeItems = [0, 3, 7].map((k, i) => `<li><a href="/gzdt/">要闻${i + 1}</a><span>${addDays(homeNewest, -k)}</span></li>`).join('');
  const bad = spec.deadLinks
    ? `<li><a href="/missing.html">失效页面</a></li><li><a href="http://127.0.0.1:${closedPort}/closed">已关闭的外部系统</a></li><li><a href="${outside}/gone">已撤销的外部链接</a></li>`
    : '';
  const slow = spec.slowMs > 0 ? '<li><a href="/slow.html">办事服务(响应慢)</a></li>' : '';
  pages.set(
    '/',
    page(
      spec,
      today,
      '首页',
      `<div class="news"><h2>政务要闻</h2><ul>${homeItems}</ul></div>
<ul class="links"><li><a href="/old-news/">旧版动态</a></li><li><a href="/private/internal.html">内部系统</a></li><li><a href="${outside}/ok">中国政府网</a></li><li><a href="/go-out">外部跳转</a></li>${bad}${slow}</ul>
${wrong ? '<p class="notice">根据某某禁用语的要求开展工作。</p>' : ''}`,
    ),
  );
  const reportLink =
    spec.report === 'missing'
      ? ''
      : `<li><a href="/zwgk/ndbg/${reportYear}.html">${spec.name}${reportYear}年政府信息公开工作年度报告</a><span>${reportDate(spec, reportYear)}</span></li>`;
  pages.set(
    '/zwgk/',
    page(spec, today, '政务公开', `<ul class="list"><li><a href="/zwgk/ndbg/">政府信息公开年报</a></li>${reportLink}</ul>`),
  );
  pages.set('/zwgk/ndbg/', page(spec, today, '政府信息公开年报', `<ul class="list">${reportLink}</ul>`));
  if (spec.report !== 'missing') {
    const report = generateReport({ seed: spec.name.length * 31 + reportYear, year: reportYear, unitKind: 'county_gov', unit: spec.name });
    const html = renderReportText(report, 'word-html');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
    pages.set(
      `/zwgk/ndbg/${reportYear}.html`,
      page(
        spec,
        today,
        `${reportYear}年政府信息公开工作年度报告`,
        `<div class="info">发布时间:${reportDate(spec, reportYear)}</div><div class="content">${body}</div>`,
      ),
    );
  }
  pages.set('/private/internal.html', page(spec, today, '内部', '<p>robots.txt 禁止抓取本页</p>'));
  return pages;
}

function reportDate(spec: FixtureSiteSpec, year: number): string {
  return spec.report === 'late' ? `${year + 1}-02-15` : `${year + 1}-01-20`;
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** The defects of site i of a generated city: every kind appears, in a fixed pattern. */
export function fixtureSiteSpec(i: number): FixtureSiteSpec {
  const names = [
    '临江区人民政府',
    '东湖区人民政府',
    '西山县人民政府',
    '市教育局',
    '市卫生健康委员会',
    '市自然资源和规划局',
    '市交通运输局',
    '市市场监督管理局',
  ];
  const name = i < names.length ? (names[i] ?? '') : `第${i + 1}单位`;
  return {
    name,
    newsAgeDays: i % 3 === 1 ? 40 : 3,
    noticeAgeDays: i % 4 === 2 ? 200 : 20,
    policyAgeDays: i % 5 === 3 ? null : 60,
    personnelAgeDays: i % 2 === 0 ? 100 : null,
    homepageAgeDays: i % 3 === 1 ? 30 : 2,
    deadLinks: i % 2 === 0,
    wrongWords: i % 3 === 0,
    report: i % 4 === 1 ? 'late' : i % 4 === 3 ? 'missing' : 'on_time',
    slowMs: 0,
  };
}

export async function startFixtureCity(options: { today: string; sites?: number; specs?: FixtureSiteSpec[] }): Promise<FixtureCity> {
  const specs = options.specs ?? Array.from({ length: options.sites ?? 4 }, (_, i) => fixtureSiteSpec(i));
  const servers: Server[] = [];
  const outsideServer = createServer((req, res) => {
    res.writeHead(req.url === '/ok' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end('<p>outside</p>');
  });
  servers.push(outsideServer);
  const outside = `http://127.0.0.1:${await listen(outsideServer)}`;
  // A port that was open a moment ago and now is closed: connections to it are refused.
  const probe = createServer();
  const closedPort = await listen(probe);
  await new Promise<void>((r) => probe.close(() => r()));

  const sites: FixtureSite[] = [];
  for (const first of specs) {
    let spec = first;
    let pages = renderFixtureSite(spec, options.today, outside, closedPort);
    const requests: string[] = [];
    const timers = new Set<NodeJS.Timeout>();
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      requests.push(path);
      const html = (status: number, body: string) =>
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : body);
      if (spec.down) return html(503, '<p>Service Unavailable</p>');
      if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      if (path === '/old-news/') return res.writeHead(301, { location: '/gzdt/' }).end();
      if (path === '/go-out') return res.writeHead(302, { location: `${outside}/ok` }).end();
      if (path === '/slow.html' && spec.slowMs > 0) {
        const t = setTimeout(() => {
          timers.delete(t);
          html(200, page(spec, options.today, '办事服务', '<p>办事服务</p>'));
        }, spec.slowMs);
        timers.add(t);
        return;
      }
      const body = pages.get(path);
      if (body === undefined) return html(404, '<h1>404 页面不存在</h1>');
      return html(200, body);
    });
    server.on('close', () => timers.forEach(clearTimeout));
    servers.push(server);
    const port = await listen(server);
    const site: FixtureSite = {
      spec,
      url: `http://127.0.0.1:${port}/`,
      host: `127.0.0.1:${port}`,
      requests,
      setSpec: (next) => {
        spec = next;
        site.spec = next;
        pages = renderFixtureSite(next, options.today, outside, closedPort);
      },
    };
    sites.push(site);
  }
  return {
    sites,
    outside,
    closedPort,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((r) => {
              s.closeAllConnections();
              s.close(() => r());
            }),
        ),
      ).then(() => undefined),
  };
}
