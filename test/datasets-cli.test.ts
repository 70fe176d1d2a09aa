import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServices, readConfig } from "../src/main.ts";
import { createApi } from "../src/http/app.ts";
import { createResearcherToken } from "../src/platform/auth/tokens.ts";
import type { TestApi } from "./support/api.ts";
import { buildDatasetCampaign } from "./support/dataset-campaign.ts";
import { runPolyphony } from "./support/polyphony-cli.ts";

describe("polyphony dataset export and verify", () => {
  let dir: string;
  let data: string;
  let campaign: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-dataset-cli-"));
    data = join(dir, "data");
    const deps = await openServices(readConfig({ data }, {}));
    try {
      const api = createApi(deps);
      const { token } = await createResearcherToken(deps, "cli test");
      const t = {
        researcher: token,
        async call(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
          const headers: Record<string, string> = { "content-type": "application/json", ...(options.token && { authorization: `Bearer ${options.token}` }) };
          const res = await api.request(path, { method, headers, ...(options.body !== undefined && { body: JSON.stringify(options.body) }) });
          return { status: res.status, body: await res.json() };
        },
      } as unknown as TestApi;
      campaign = (await buildDatasetCampaign(t)).campaign;
    } finally {
      await deps.store.close();
    }
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("exports, then verifies offline against the exported log; a changed row fails with exit 1 naming it", async () => {
    const out = join(dir, "pairs");
    const exported = await runPolyphony(["dataset", "export", "--data", data, "--campaign", campaign, "--format", "trl-preference", "--out", out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^wrote 2 rows of Values for hard questions as trl-preference to .*pairs, at log size \d+\n {2}data\/train.jsonl {2}1 row\n {2}data\/test.jsonl {2}1 row\n/);
    const log = join(dir, "log.jsonl");
    expect((await runPolyphony(["log", "export", "--data", data, "--out", log])).code).toBe(0);
    const key = (await runPolyphony(["log", "key", "--data", data])).stdout.trim();
    const verified = await runPolyphony(["dataset", "verify", out, "--entries", log, "--key", key]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^dataset verified: 2 rows of cmp_\w+ \(trl-preference\)\n/);
    const train = join(out, "data/train.jsonl");
    await writeFile(train, (await readFile(train, "utf8")).replace("Value", "Valve"));
    const failed = await runPolyphony(["dataset", "verify", out, "--entries", log, "--key", key]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("data/train.jsonl row 0: row 0 of data/train.jsonl is not the row the provenance records");
  }, 120_000);

  it("names the flag at fault, with exit 2", async () => {
    const format = await runPolyphony(["dataset", "export", "--data", data, "--campaign", campaign, "--format", "xlsx", "--out", join(dir, "x")]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format/);
    const full = await runPolyphony(["dataset", "export", "--data", data, "--campaign", campaign, "--format", "csv", "--out", dir]);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/--out: .* is not empty/);
    const noLog = await runPolyphony(["dataset", "verify", join(dir, "pairs")]);
    expect(noLog.code).toBe(2);
    expect(noLog.stderr).toMatch(/--entries/);
  }, 60_000);
});
