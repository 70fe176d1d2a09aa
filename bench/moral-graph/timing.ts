/**
 * Runs `task` `runs` times; returns the last result with the first and the fastest wall time and
 * the fastest CPU time (user + system) in ms. On a shared machine CPU time shows the work, wall
 * time the wait.
 */
export function measure<T>(task: () => T, runs: number): { result: T; firstMs: number; bestMs: number; bestCpuMs: number } {
  let result: T | undefined;
  let firstMs = 0;
  let bestMs = Infinity;
  let bestCpuMs = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    result = task();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (r === 0) firstMs = ms;
    bestMs = Math.min(bestMs, ms);
    bestCpuMs = Math.min(bestCpuMs, (used.user + used.system) / 1000);
  }
  return { result: result as T, firstMs, bestMs, bestCpuMs };
}

export const formatMs = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
