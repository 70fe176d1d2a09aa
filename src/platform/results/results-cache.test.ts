import { describe, expect, it } from "vitest";
import { ResultsCache } from "./results-cache.ts";

/** A computation the test finishes when it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

describe("ResultsCache", () => {
  it("computes once for requests of one key and size that arrive together", async () => {
    const cache = new ResultsCache<string>(1000);
    const run = deferred<{ value: string; bytes: number }>();
    const a = cache.get("k", 5, () => run.promise);
    const b = cache.get("k", 5, () => Promise.reject(new Error("a second computation")));
    run.resolve({ value: "graph", bytes: 1 });
    expect(await a).toEqual({ size: 5, value: "graph", bytes: 1 });
    expect(await b).toBe(await a);
    expect(await cache.get("k", 4, () => Promise.reject(new Error("stale is fine")))).toMatchObject({ value: "graph" });
    expect(cache.computations).toBe(1);
  });

  it("runs one computation after the running one for every newer size asked meanwhile", async () => {
    const cache = new ResultsCache<number>(1000);
    const first = deferred<{ value: number; bytes: number }>();
    const second = deferred<{ value: number; bytes: number }>();
    const computations = [first, second];
    let next = 0;
    const compute = () => computations[next++]!.promise;
    const old = cache.get("k", 1, compute);
    const newer = cache.get("k", 2, compute);
    const newest = cache.get("k", 3, compute);
    expect(next).toBe(1);
    first.resolve({ value: 1, bytes: 1 });
    expect(await old).toMatchObject({ size: 1, value: 1 });
    second.resolve({ value: 3, bytes: 1 });
    expect(await newer).toMatchObject({ size: 3, value: 3 });
    expect(await newest).toBe(await newer);
    expect(cache.computations).toBe(2);
    expect(cache.at("k", 1)).toMatchObject({ value: 1 });
  });

  it("keeps other keys apart, and lets a failed computation be tried again", async () => {
    const cache = new ResultsCache<string>(1000);
    await expect(cache.get("public", 1, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("public", 1, async () => ({ value: "public", bytes: 1 }))).toMatchObject({ value: "public" });
    expect(await cache.get("researcher", 1, async () => ({ value: "researcher", bytes: 1 }))).toMatchObject({ value: "researcher" });
    expect(cache.at("public", 1)?.value).toBe("public");
  });

  it("drops the least recently used results beyond its size, never the newest", async () => {
    const cache = new ResultsCache<string>(10);
    await cache.get("a", 1, async () => ({ value: "a", bytes: 4 }));
    await cache.get("b", 1, async () => ({ value: "b", bytes: 4 }));
    cache.at("a", 1);
    await cache.get("c", 1, async () => ({ value: "c", bytes: 4 }));
    expect(cache.at("b", 1)).toBeUndefined();
    expect(cache.at("a", 1)?.value).toBe("a");
    await cache.get("huge", 1, async () => ({ value: "huge", bytes: 100 }));
    expect(cache.at("huge", 1)?.value).toBe("huge");
    expect(cache.at("a", 1)).toBeUndefined();
  });
});
