#!/usr/bin/env node
// Keeps src/core pure: no I/O modules, no clock, no unseeded randomness, no imports from outside
// the core except the pure libraries listed here. Exits non-zero naming each offending line.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const core = join(root, "src", "core");
const PURE_PACKAGES = ["@noble/hashes", "@noble/curves", "canonicalize"];
const FORBIDDEN_CALLS = [/\bDate\.now\(/, /\bnew Date\(\s*\)/, /\bMath\.random\(/, /\bprocess\./, /\bperformance\.now\(/];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) yield path;
  }
}

const problems = [];
for (const file of files(core)) {
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    const where = `${relative(root, file)}:${i + 1}`;
    const spec = /^\s*(?:import|export)\b.*?from\s+["']([^"']+)["']/.exec(line)?.[1] ?? /^\s*import\s+["']([^"']+)["']/.exec(line)?.[1];
    if (spec !== undefined) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(core)) problems.push(`${where}: imports ${spec} from outside src/core`);
      } else if (!PURE_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`))) {
        problems.push(`${where}: imports ${spec}, which is not a pure library the core may use`);
      }
    }
    for (const pattern of FORBIDDEN_CALLS) {
      if (pattern.test(line) && !line.trim().startsWith("//") && !line.trim().startsWith("*")) {
        problems.push(`${where}: ${pattern.source.replaceAll("\\", "")} — the core takes time and randomness as inputs`);
      }
    }
  });
}
if (problems.length > 0) {
  console.error(`src/core must stay pure:\n${problems.join("\n")}`);
  process.exit(1);
}
console.error("src/core is pure");
