import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatExportLine, readExportLine } from "../src/core/log/index.ts";
import { makeTestLeaf } from "./support/log-fixtures.ts";
import { runPolyphony } from "./support/polyphony-cli.ts";

describe("polyphony log commands on a data folder", () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  const polyphony = (...args: string[]) => runPolyphony(["--data", file("data"), ...args]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-cli-log-"));
    for (const title of ["One", "Two", "Three"]) {
      const made = await polyphony("campaign", "create", "--title", title, "--question", "How should it answer?", "--context", "In distress");
      expect(made.code, made.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("prints the checkpoint and the key, and exports up to the checkpoint as JSON lines", async () => {
    const checkpoint = await polyphony("log", "checkpoint");
    expect(checkpoint.stdout).toMatch(/^polyphony\.local\/log\n\d+\n[A-Za-z0-9+/]{43}=\n\n— polyphony\.local\/log /);
    await writeFile(file("checkpoint"), checkpoint.stdout);
    const key = await polyphony("log", "key");
    expect(key.stdout).toMatch(/^polyphony\.local\/log\+[0-9a-f]{8}\+/);
    await writeFile(file("key"), key.stdout);
    const size = Number(checkpoint.stdout.split("\n")[1]);
    const exported = await polyphony("--json", "log", "export", "--out", file("all.jsonl"));
    expect(JSON.parse(exported.stdout)).toMatchObject({ from: 0, to: size, entries: size, damaged: [] });
    const lines = (await readFile(file("all.jsonl"), "utf8")).trimEnd().split("\n");
    expect(lines.map((l) => readExportLine(new TextEncoder().encode(l)).index)).toEqual([...Array(size).keys()]);
    const middle = await polyphony("log", "export", "--from", "1", "--to", "2");
    expect(middle.stdout.trimEnd().split("\n").map((l) => JSON.parse(l).index)).toEqual([1]);
  });

  it("verifies the export offline with the key, and says so loudly without one", async () => {
    const keyed = await polyphony("--json", "log", "verify", "--entries", file("all.jsonl"), "--checkpoint", file("checkpoint"), "--key-file", file("key"));
    expect(keyed.code, keyed.stderr).toBe(0);
    expect(JSON.parse(keyed.stdout)).toMatchObject({ ok: true, logSignature: "verified" });
    const unkeyed = await polyphony("log", "verify", "--entries", file("all.jsonl"), "--checkpoint", file("checkpoint"));
    expect(unkeyed.code).toBe(0);
    expect(unkeyed.stderr).toContain("will NOT be checked");
    // The report is the result, on stdout; the warning is a diagnostic, on stderr.
    expect(unkeyed.stdout).toContain("signature NOT CHECKED");
  });

  it("exits 1 when an entry was rewritten in the export, and 2 when called wrongly", async () => {
    const lines = (await readFile(file("all.jsonl"), "utf8")).trimEnd().split("\n");
    lines[1] = formatExportLine(1, makeTestLeaf(1, "rewritten"));
    await writeFile(file("rewritten.jsonl"), lines.join("\n") + "\n");
    const run = await polyphony("log", "verify", "--entries", file("rewritten.jsonl"), "--checkpoint", file("checkpoint"), "--key-file", file("key"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/polyphony: verification failed: the first bad index lies in \[0, \d+\)/);
    expect((await polyphony("log", "verify", "--entries", file("all.jsonl"))).code).toBe(2);
    expect((await polyphony("log", "verify", "--entries", file("missing.jsonl"), "--checkpoint", file("checkpoint"))).code).toBe(2);
    const badKey = await polyphony("log", "verify", "--entries", file("all.jsonl"), "--checkpoint", file("checkpoint"), "--key", "not-a-key");
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("--key");
  });
});
