// The bulletin (通报) of a period: its figures (bulletin-facts.service.ts) with the office's wording.
import type { Authed } from '../assessment/round.service';
import { loadBulletinFacts, loadMeetingFigures } from './bulletin-facts.service';

export async function getBulletin(ctx: Authed, period: string) {
  const facts = await loadBulletinFacts(ctx.db, period, ctx.now());
  const meeting = await loadMeetingFigures(ctx, facts.period.year);
  return { facts, meeting };
}
