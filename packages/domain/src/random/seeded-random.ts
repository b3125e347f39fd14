// The one seeded PRNG of the project (mulberry32), used by the analysis views, the report generator
// and the demo city. Only 32-bit integer operations (Math.imul, shifts, xor) and one exact division
// by 2³², so the same seed gives bit-identical draws
// in Node and in every browser: a stability run can be reproduced from its seed alone.

/** A source of uniform numbers in [0, 1), multiples of 2⁻³². */
export type SeededRandom = () => number;

export function createSeededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
