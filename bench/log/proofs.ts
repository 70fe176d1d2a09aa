import { loadavg } from "node:os";
import { equalBytes } from "../../src/core/log/bytes.ts";
import { encodeEntry } from "../../src/core/log/entry.ts";
import { SHA256_HASHER } from "../../src/core/log/hash.ts";
import { HashTree } from "../../src/core/log/hash-tree.ts";
import { proveConsistencyRecursively, provePathRecursively } from "../../src/core/log/reference.ts";
import { verifyConsistency, verifyInclusion } from "../../src/core/log/verify.ts";
import { NODE_HASHER } from "../../src/platform/log/node-hasher.ts";
import { formatDuration as fmt, makeEntries, makeRandom, time } from "./fixtures.ts";

// Usage: node --import tsx bench/log/proofs.ts [--size N] [--proofs K] [--naive J]
const arg = (flag: string, fallback: number) => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SIZE = arg("--size", 1_000_000);
const PROOFS = arg("--proofs", 10_000);
const NAIVE = arg("--naive", 3);
const random = makeRandom(42);
const both = (t: { ms: number; cpuMs: number }, per = 1) => `${fmt(t.ms / per)} (cpu ${fmt(t.cpuMs / per)})`;

console.log(`Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ` +
  `times are wall clock (cpu time of this process)`);
const entries = makeEntries(SIZE);
const leaves = time(() => entries.map(encodeEntry));
const leafBytes = leaves.result.reduce((n, l) => n + l.length, 0);
console.log(`${SIZE} synthetic entries, mean leaf ${(leafBytes / SIZE).toFixed(0)} bytes; ` +
  `encodeEntry (shape check + RFC 8785) ${both(leaves, SIZE)} per entry`);
entries.length = 0;

console.log(`\nbuilding the tree (${SIZE} leaf hashes, then ${SIZE - 1} node hashes):`);
for (const [name, hasher] of [["@noble/hashes", SHA256_HASHER], ["node:crypto", NODE_HASHER]] as const) {
  const hashed = time(() => leaves.result.map((l) => hasher.hashLeaf(l)));
  const built = time(() => HashTree.fromLeafHashes(hashed.result, hasher));
  console.log(`  ${name}: leaf hashes ${both(hashed)}, HashTree ${both(built)}`);
}
const leafHashes = leaves.result.map((l) => SHA256_HASHER.hashLeaf(l));
const tree = HashTree.fromLeafHashes(leafHashes);
console.log(`  level arrays: ${(tree.storedBytes / 2 ** 20).toFixed(0)} MB allocated`);
const root = tree.root();

console.log(`\nproofs from the HashTree, ${PROOFS} random cases each:`);
const indices = Array.from({ length: PROOFS }, () => random(SIZE));
const gen = time(() => indices.map((i) => tree.proveInclusion(i)));
const ver = time(() => indices.every((i, k) => verifyInclusion(leafHashes[i]!, i, SIZE, gen.result[k]!, root)));
console.log(`  inclusion at size ${SIZE}: generate ${both(gen, PROOFS)}, verify ${both(ver, PROOFS)}; valid: ${ver.result}`);

const earlier = Array.from({ length: PROOFS }, () => {
  const m = 1 + random(SIZE);
  return { m, i: random(m) };
});
const genEarlier = time(() => earlier.map(({ m, i }) => tree.proveInclusion(i, m)));
const okEarlier = earlier.every(({ m, i }, k) => verifyInclusion(leafHashes[i]!, i, m, genEarlier.result[k]!, tree.root(m)));
console.log(`  inclusion at a random earlier size m ≤ n: generate ${both(genEarlier, PROOFS)}; valid: ${okEarlier}`);

const pairs = Array.from({ length: PROOFS }, () => {
  const n = 1 + random(SIZE);
  return { m: 1 + random(n), n };
});
const genConsistency = time(() => pairs.map(({ m, n }) => tree.proveConsistency(m, n)));
const okConsistency = pairs.every(({ m, n }, k) =>
  verifyConsistency(m, n, genConsistency.result[k]!, tree.root(m), tree.root(n)),
);
console.log(`  consistency between random sizes m ≤ n: generate ${both(genConsistency, PROOFS)}; valid: ${okConsistency}`);

console.log(`\nnaive baseline: RFC 9162's recursion, rehashing every sibling subtree from the leaf hashes:`);
const naive = time(() => indices.slice(0, NAIVE).map((i) => provePathRecursively(i, leafHashes)));
const same = naive.result.every((p, k) => p.length === gen.result[k]!.length && p.every((h, j) => equalBytes(h, gen.result[k]![j]!)));
console.log(`  inclusion at size ${SIZE}: ${both(naive, NAIVE)} per proof over ${NAIVE} indices (same proofs: ${same}); ` +
  `${(naive.cpuMs / NAIVE / (gen.cpuMs / PROOFS)).toFixed(0)}× the HashTree's cpu time`);
const m = Math.floor(SIZE / 3);
const naiveConsistency = time(() => proveConsistencyRecursively(m, leafHashes));
const fastConsistency = time(() => Array.from({ length: PROOFS }, () => tree.proveConsistency(m, SIZE)));
console.log(`  consistency ${m} → ${SIZE}: ${both(naiveConsistency)} against ${both(fastConsistency, PROOFS)} ` +
  `from the HashTree; ${(naiveConsistency.cpuMs / (fastConsistency.cpuMs / PROOFS)).toFixed(0)}× its cpu time`);

console.log(`\noffline verification of an export: bench/log/verify-export.ts, through \`polyphony log verify\``);
