import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { probeFailed, reachability } from './site-check-reachability';

const probe = (status: number, elapsedMs = 200) => ({ at: '2026-12-07T00:00:00Z', status, elapsedMs });

describe('站点无法访问 veto (15 s / 5%)', () => {
  it('counts failures, errors and answers that took 15 s or more', () => {
    expect(probeFailed(probe(200, 14_999))).toBe(false);
    expect(probeFailed(probe(200, 15_000))).toBe(true);
    expect(probeFailed(probe(0))).toBe(true);
    expect(probeFailed(probe(503))).toBe(true);
    expect(probeFailed(probe(301))).toBe(false);
  });
  it('vetoes at exactly 5% (golden: 7 of 140 is a veto, 6 of 140 is not)', () => {
    const week = (bad: number) => [...Array.from({ length: bad }, () => probe(0)), ...Array.from({ length: 140 - bad }, () => probe(200))];
    expect(reachability(week(6))).toMatchObject({ probes: 140, failed: 6, veto: false, sufficient: true });
    expect(reachability(week(7))).toMatchObject({ probes: 140, failed: 7, veto: true, share: 0.05 });
    expect(reachability([])).toMatchObject({ veto: false, sufficient: false });
  });
  it('veto ⇔ failed share ≥ 5%', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: fc.constantFrom(0, 200, 404, 500), elapsedMs: fc.integer({ min: 0, max: 30_000 }) }), {
          minLength: 1,
          maxLength: 300,
        }),
        (ps) => {
          const r = reachability(ps.map((p) => ({ ...p, at: '2026-12-07T00:00:00Z' })));
          expect(r.veto).toBe(r.failed / r.probes >= 0.05 - 1e-12);
        },
      ),
    );
  });
});
