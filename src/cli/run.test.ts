import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgram } from "./index.ts";
import { createLazyProgram } from "./run.ts";

const BIN = fileURLToPath(new URL("../../bin/polyphony.mjs", import.meta.url));
const RECORDER = fileURLToPath(new URL("../../test/support/record-imports.mjs", import.meta.url));
const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "polyphony-run-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs the binary and returns its stdout and the modules it loaded, relative to the checkout. */
async function modulesLoadedBy(name: string, args: string[]) {
  const record = join(dir, `${name}.txt`);
  const { stdout } = await run(process.execPath, ["--import", RECORDER, BIN, ...args], {
    env: { ...process.env, DATABASE_URL: "", RECORD_IMPORTS_TO: record },
  });
  const root = new URL("../../", import.meta.url).href;
  const urls = (await readFile(record, "utf8")).split("\n").filter((url) => url.startsWith("file:"));
  return { stdout, modules: urls.map((url) => (url.startsWith(root) ? url.slice(root.length) : url)) };
}

// Modules that only a command's action needs: loading them is what made `--help` take a second.
const HEAVY = [/^src\/cli\/index\.ts$/, /^src\/main\.ts$/, /^src\/store\//, /^src\/kinds\//, /^src\/http\//, /\/(@electric-sql|drizzle-orm|hono|zod)\//];

describe("runCli", () => {
  it("lists the same commands as the whole tree, without loading it", () => {
    expect(createLazyProgram().helpInformation()).toBe(createProgram().helpInformation());
  });

  it.each([["help", ["--help"]], ["version", ["--version"]]])("answers --%s without loading a command module", async (name, args) => {
    const { stdout, modules } = await modulesLoadedBy(name, args);
    expect(stdout).not.toBe("");
    expect(modules).toContain("src/cli/run.ts");
    expect(modules.filter((module) => HEAVY.some((heavy) => heavy.test(module)))).toEqual([]);
  });

  it("loads the whole tree once a command is named", async () => {
    const { stdout, modules } = await modulesLoadedBy("log-help", ["log", "--help"]);
    expect(stdout).toMatch(/^Usage: polyphony log \[options\] \[command\]/);
    expect(modules).toContain("src/cli/index.ts");
  });
});
