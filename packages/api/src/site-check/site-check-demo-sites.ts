// The demo city's websites: the fixture city served on local ports by this process, one site per
// active unit (up to 40), with the fixture's pattern of realistic defects, and each unit's website
// channel pointed at its site. Ports change between starts, so a unit whose website is a previous
// demo site (127.0.0.1) is re-pointed; a unit with a real address is left alone.
import type { Db } from '@kaoping/db/connect';
import { checkTargets, listChannels, listWords, replaceChannels, replaceWords } from '@kaoping/db/site-check/site-check.repository';
import { chinaDateOf } from '@kaoping/domain/site-check/site-check-dates';
import { parseWordList } from '@kaoping/domain/site-check/site-check-words';
import type { FixtureCity } from '@kaoping/importers/site-check/site-check-fixture-city';

export const DEMO_SITES_MAX = 40;

export async function startDemoWebsites(
  db: Db,
  now: Date = new Date(),
): Promise<FixtureCity & { units: { unitId: number; url: string }[] }> {
  // The fixture city (report renderer, opencc) loads only for the demo.
  const { FIXTURE_WORDS, fixtureSiteSpec, startFixtureCity } = await import('@kaoping/importers/site-check/site-check-fixture-city');
  const units = (await checkTargets(db, {}))
    .filter((u) => u.url === null || u.url.startsWith('http://127.0.0.1:'))
    .slice(0, DEMO_SITES_MAX);
  const city = await startFixtureCity({ today: chinaDateOf(now), specs: units.map((u, i) => ({ ...fixtureSiteSpec(i), name: u.name })) });
  const at = now.toISOString();
  const assigned: { unitId: number; url: string }[] = [];
  for (const [i, u] of units.entries()) {
    const site = city.sites[i];
    if (!site) continue;
    const others = (await listChannels(db, u.unitId))
      .filter((c) => c.kind !== 'website')
      .map(({ kind, name, url }) => ({ kind, name, url }));
    const media = others.some((c) => c.kind === 'new_media')
      ? []
      : [{ kind: 'new_media' as const, name: '政务微信公众号', url: `${u.name}发布` }];
    await replaceChannels(db, u.unitId, [{ kind: 'website', name: '门户网站', url: site.url }, ...others, ...media], at);
    assigned.push({ unitId: u.unitId, url: site.url });
  }
  // The demo office's 错敏词 list, unless it keeps its own.
  if ((await listWords(db)).length === 0) await replaceWords(db, parseWordList(FIXTURE_WORDS), at);
  return { ...city, units: assigned };
}
