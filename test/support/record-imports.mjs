// Loaded with `node --import`, it appends the URL of every module the process resolves to the file
// named by RECORD_IMPORTS_TO, one a line: tests read it to see what a command loaded.
import { appendFileSync } from "node:fs";
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

// The hooks run on a thread of their own, which loads this file again.
if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.RECORD_IMPORTS_TO) appendFileSync(process.env.RECORD_IMPORTS_TO, `${resolved.url}\n`);
  return resolved;
}
