/** Runs `task` `runs` times; returns the last result with the first and the fastest time in ms. */
export function measure<T>(task: () => T, runs: number): { result: T; firstMs: number; bestMs: number } {
  let result: T | undefined;
  let firstMs = 0;
  let bestMs = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = task();
    const ms = performance.now() - start;
    if (r === 0) firstMs = ms;
    bestMs = Math.min(bestMs, ms);
  }
  return { result: result as T, firstMs, bestMs };
}

export const formatMs = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
