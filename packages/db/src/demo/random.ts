import { createSeededRandom } from '@kaoping/domain/random/seeded-random';

/** The domain's seeded PRNG with the helpers demo generators use, so the demo city is the same on every machine. */
export function createRandom(seed: number) {
  const next = createSeededRandom(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from empty list');
      return item;
    },
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof createRandom>;
