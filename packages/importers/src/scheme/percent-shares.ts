// A parent's points shared out by its children's percentages (which add up to 100 %), in
// thousandths of a point: each child gets its exact share rounded down, and the thousandths left
// over go one each to the children with the largest remainders (ties: the earlier child), so the
// children always add up to the parent exactly — the sum check never fails on rounding alone.

/** Shares of `parentMilli` for `percentMilli` (percentages in thousandths: 70 % = 70 000) adding up to 100 000. */
export function sharesOfParent(parentMilli: number, percentMilli: readonly number[]): { shares: number[]; rounded: boolean[] } {
  const exact = percentMilli.map((p) => (parentMilli * p) / 100_000);
  const shares = exact.map((e) => Math.floor(e));
  let left = parentMilli - shares.reduce((s, x) => s + x, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i, rest } of order) {
    if (left <= 0 || rest === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return { shares, rounded: exact.map((e) => !Number.isInteger(e)) };
}
