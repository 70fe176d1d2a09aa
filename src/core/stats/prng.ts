/**
 * Returns a seeded generator of uniform floats in [0, 1): mulberry32 (Tommy Ettinger, 2017), a
 * 32-bit state generator that passes PractRand up to 2^32 outputs; enough for resampling.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
