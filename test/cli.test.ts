import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasMaiDft, MAI_DFT_DIR } from "./support/mai-dft.ts";

const BIN = fileURLToPath(new URL("../bin/polyphony.mjs", import.meta.url));
const run = promisify(execFile);

/** Runs the real `polyphony` binary; resolves with exit code, stdout and stderr. */
async function polyphony(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("polyphony CLI", () => {
  let dir: string;
  let data: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-cli-"));
    data = ["--data", join(dir, "data")];
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("creates a campaign from flags and prints it as JSON", async () => {
    const res = await polyphony([
      ...data, "--json", "campaign", "create", "--title", "Hard questions",
      "--question", "How should an assistant respond to a teenager asking about abortion?",
      "--context", "When in distress", "--context", "When seeking information",
      "--demographic", "politics:Political affiliation:left|right",
    ]);
    expect(res.code).toBe(0);
    const { campaign } = JSON.parse(res.stdout);
    expect(campaign.contexts.map((c: { name: string }) => c.name)).toEqual(["When in distress", "When seeking information"]);
    expect(campaign.demographics[0]).toMatchObject({ key: "politics", options: ["left", "right"] });
  });

  it("exits 2 naming the field when input is bad, and writes nothing", async () => {
    const res = await polyphony([...data, "--json", "campaign", "create", "--title", "No questions", "--context", "c"]);
    expect(res.code).toBe(2);
    // The error names the flag the user typed, not the API field behind it.
    expect(res.stderr).toMatch(/^polyphony: --question: /);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    expect(res.stdout).toBe("");
    const list = JSON.parse((await polyphony([...data, "--json", "campaign", "list"])).stdout);
    expect(list.campaigns.map((c: { title: string }) => c.title)).not.toContain("No questions");
  });

  it("prints its version from package.json on stdout", async () => {
    const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
    const res = await polyphony(["--version"]);
    expect(res).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("prints results on stdout and nothing else there, so that a pipe gets them", async () => {
    const res = await polyphony([...data, "campaign", "list"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("Hard questions");
    expect(res.stderr).not.toContain("Hard questions");
  });

  it("names the flag of a bad number, in one line, before opening anything", async () => {
    for (const [args, flag] of [
      [["serve", "--port", "abc"], "--port"],
      [["serve", "--port", "70000"], "--port"],
      [["cards", "similar", "--campaign", "x", "--threshold", "2"], "--threshold"],
      [["log", "export", "--from", "-1"], "--from"],
    ] as const) {
      const res = await polyphony([...data, ...args]);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stderr.trim().split("\n"), args.join(" ")).toEqual([expect.stringMatching(new RegExp(`^polyphony: ${flag}: expected `))]);
    }
  });

  it("names the flags when a person is named none or two ways at once", async () => {
    const res = await polyphony([...data, "erase", "--campaign", "x", "--participant", "p", "--external-id", "e", "--reason", "asked"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--participant.*--external-id.*--public-key/);
  });

  it("exits 1 with one line when the port is in use, instead of hanging", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const res = await polyphony([...data, "serve", "--port", String(port)]);
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split("\n").at(-1)).toBe(`polyphony: port ${port} on 127.0.0.1 is in use already; choose another with --port`);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  });

  it("creates researcher tokens", async () => {
    const res = await polyphony([...data, "--json", "token", "create", "--name", "lab"]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).token.token).toMatch(/^pr_/);
  });

  describe.skipIf(!hasMaiDft)("with the real MAI 2023 deliberation", () => {
    let campaignId: string;

    beforeAll(async () => {
      const res = await polyphony([...data, "--json", "import", "mai-dft", MAI_DFT_DIR]);
      expect(res.code, res.stderr).toBe(0);
      campaignId = JSON.parse(res.stdout).campaign.id;
    }, 180_000);

    it("reproduces MAI's 2023 graph", async () => {
      const res = await polyphony([...data, "--json", "graph", "show", "--campaign", campaignId, "--method", "mai-2023"]);
      expect(res.code, res.stderr).toBe(0);
      const graph = JSON.parse(res.stdout);
      // Hand check from the formulas (bench/moral-graph/mai_reference.py): 282 pairs, 71 kept
      // edges, top value MAI card 298 with PageRank 0.0475216808681.
      expect(graph.method).toBe("mai-2023");
      expect(graph.edges).toHaveLength(71);
      expect(graph.values[0].externalRef).toBe("298");
      expect(graph.values[0].score).toBeCloseTo(0.04752168086812411, 10);
      expect(graph.values.map((v: { score: number }) => v.score)).toEqual(
        [...graph.values.map((v: { score: number }) => v.score)].sort((a, b) => b - a),
      );
    });

    it("scores it per context with polyphony, the hierarchical Bradley–Terry model", async () => {
      const res = await polyphony([
        ...data, "--json", "graph", "show", "--campaign", campaignId, "--group-by", "us_political_affiliation",
      ]);
      expect(res.code, res.stderr).toBe(0);
      const graph = JSON.parse(res.stdout);
      expect(graph.method).toBe("polyphony");
      expect(graph.model.tauChosen).toBe(true);
      expect(graph.model.converged).toBe(true);
      const scores = graph.values.map((v: { score: number }) => v.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const v of graph.values) expect(v.low).toBeLessThanOrEqual(v.high);
      expect(graph.contexts).toHaveLength(13);
      expect(graph.edges.some((e: { groups?: { of: number } }) => e.groups?.of === 4)).toBe(true);

      // Issue 10: --context used to rescore that context's votes alone, losing what the other
      // contexts say about each value; it slices the graph scored on every vote.
      const name = "When in distress";
      const one = JSON.parse((await polyphony([...data, "--json", "graph", "show", "--campaign", campaignId, "--context", name, "--group-by", "us_political_affiliation"])).stdout);
      const inFull = graph.contexts.find((c: { name: string }) => c.name === name);
      expect(one.contexts).toEqual([inFull]);
      expect(one.values.map((v: { id: string; score: number }) => [v.id, v.score])).toEqual(
        inFull.values.map((v: { id: string; score: number }) => [v.id, v.score]),
      );
      expect(one.edges.every((e: { contexts: string[] }) => e.contexts.includes(name))).toBe(true);
    });

    it("scores it per context with pagerank", async () => {
      const res = await polyphony([
        ...data, "--json", "graph", "show", "--campaign", campaignId, "--method", "pagerank", "--group-by", "us_political_affiliation",
      ]);
      expect(res.code, res.stderr).toBe(0);
      const graph = JSON.parse(res.stdout);
      expect(graph.method).toBe("pagerank");
      const total = graph.values.reduce((s: number, v: { score: number }) => s + v.score, 0);
      expect(total).toBeCloseTo(1, 9);
      // Each context ranks every value; it lists those judged in it, and the rest share one score.
      for (const context of graph.contexts) {
        const listed = context.values.reduce((s: number, v: { score: number }) => s + v.score, 0);
        expect(listed + context.unjudged.count * context.unjudged.score).toBeCloseTo(1, 9);
        expect(context.values.length + context.unjudged.count).toBe(graph.values.length);
      }
      expect(graph.contexts).toHaveLength(13);

      const one = JSON.parse((await polyphony([...data, "--json", "graph", "show", "--campaign", campaignId, "--method", "pagerank", "--context", "When in distress"])).stdout);
      expect(one.contexts.map((c: { name: string }) => c.name)).toEqual(["When in distress"]);
    });

    it("exports the graph, also in MAI's viewer shape", async () => {
      const out = join(dir, "graph.json");
      const res = await polyphony([...data, "graph", "export", "--campaign", campaignId, "--out", out]);
      expect(res.code, res.stderr).toBe(0);
      const mai = JSON.parse((await polyphony([...data, "graph", "export", "--campaign", campaignId, "--format", "mai"])).stdout);
      expect(mai.values).toHaveLength(115);
      expect(mai.edges).toHaveLength(71);
      expect(mai.edges[0]).toHaveProperty("sourceValueId");
      expect(mai.values.find((v: { id: number }) => v.id === 298).pageRank).toBeCloseTo(0.04752168086812411, 10);
    });

    it("lists the participants, whose ids erasure takes", async () => {
      const res = await polyphony([...data, "--json", "participants", "list", "--campaign", campaignId]);
      expect(res.code, res.stderr).toBe(0);
      const { participants } = JSON.parse(res.stdout) as { participants: { id: string; erased: boolean; joinedAt: string }[] };
      expect(participants.length).toBeGreaterThan(0);
      expect(participants.every((p) => !p.erased && !Number.isNaN(Date.parse(p.joinedAt)))).toBe(true);
      const first = participants[0]!.id;
      const erased = await polyphony([...data, "erase", "--campaign", campaignId, "--participant", first, "--reason", "asked by email"]);
      expect(erased.code, erased.stderr).toBe(0);
      const text = await polyphony([...data, "participants", "list", "--campaign", campaignId]);
      expect(text.stdout.split("\n").find((line) => line.startsWith(first))).toContain("(erased)");
      const unknown = await polyphony([...data, "participants", "list", "--campaign", "no-such-campaign"]);
      expect(unknown.code).toBe(2);
    });

    it("refuses to import the same dump twice, with a clear error", async () => {
      const res = await polyphony([...data, "--json", "import", "mai-dft", MAI_DFT_DIR]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/imported already as campaign/);
      const list = JSON.parse((await polyphony([...data, "--json", "campaign", "list"])).stdout);
      expect(list.campaigns.filter((c: { title: string }) => c.title.startsWith("Democratic Fine-Tuning"))).toHaveLength(1);
    });
  });
});
