// `pnpm bench site-check`: pages per second of the site checker on the fixture city (127.0.0.1),
// with the politeness limits on (2 at once per host, 250 ms between starts) and off, and the memory
// of a 100-site run (heap and RSS growth; pages' HTML is dropped as each site finishes, as the job
// runner does after storing the evidence it needs). Figures only; no assertions.
import { parseWordList } from '@kaoping/domain/site-check/site-check-words';
import PQueue from 'p-queue';
import { checkSite } from '../src/site-check/site-check-check-site';
import { impoliteLimits } from '../src/site-check/site-check-crawler';
import { FIXTURE_WORDS, startFixtureCity } from '../src/site-check/site-check-fixture-city';

const today = '2026-12-07';
const words = parseWordList(FIXTURE_WORDS);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

async function run(sites: number, polite: boolean, siteConcurrency: number) {
  const city = await startFixtureCity({ today, sites });
  const limits = polite ? { linkTimeoutMs: 1000 } : { ...impoliteLimits, linkTimeoutMs: 1000 };
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  let peakHeap = heap0;
  let pages = 0;
  let requests = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const queue = new PQueue({ concurrency: siteConcurrency });
  for (const site of city.sites) {
    void queue.add(async () => {
      const r = await checkSite(site.url, { today, words, limits });
      pages += r.result.pages;
      requests += r.requests;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    });
  }
  await queue.onIdle();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rss1 = process.memoryUsage().rss;
  await city.close();
  console.log(
    `${String(sites).padStart(3)} sites · politeness ${polite ? 'on ' : 'off'} · ${siteConcurrency} sites at once: ${pages} pages, ${requests} requests in ${seconds.toFixed(1)} s = ${(pages / seconds).toFixed(0)} pages/s (${(requests / seconds).toFixed(0)} req/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); heap peak +${mb(peakHeap - heap0)} MB, RSS +${mb(rss1 - rss0)} MB`,
  );
}

export default async function bench(): Promise<void> {
  await run(10, false, 10);
  await run(10, true, 10);
  await run(100, false, 10);
  await run(100, true, 20);
}
