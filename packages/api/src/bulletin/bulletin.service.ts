// The bulletin (通报) of a period: its figures (bulletin-figures.service.ts) with the office's wording.
import type { Authed } from '../assessment/round.service';
import { loadBulletinFigures, loadMeetingFigures } from './bulletin-figures.service';

export async function getBulletin(ctx: Authed, period: string) {
  const facts = await loadBulletinFigures(ctx.db, period, ctx.now());
  const meeting = await loadMeetingFigures(ctx, facts.period.year);
  return { facts, meeting };
}
