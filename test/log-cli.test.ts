import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCheckpoint, parseVerifierKey, makeEd25519Verifier, decodeBase64, verifyInclusion } from "../src/core/log/index.ts";
import { openServices, readConfig } from "../src/main.ts";
import { joinCampaign } from "../src/platform/participants/participants.ts";
import { LOG_KEY_FILE } from "../src/store/log-key-file.ts";

const BIN = fileURLToPath(new URL("../bin/polyphony.mjs", import.meta.url));
const run = promisify(execFile);

async function polyphony(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: "" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the log from the CLI", () => {
  let dir: string;
  let data: string;
  let campaign: { id: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-log-cli-"));
    data = join(dir, "data");
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("logs a campaign made from the CLI, with a key generated in the data folder (mode 0600)", async () => {
    const res = await polyphony(["--data", data, "--json", "campaign", "create", "--title", "From the CLI", "--question", "Q?", "--context", "C"]);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    campaign = out.campaign;
    expect(statSync(join(data, LOG_KEY_FILE)).mode & 0o777).toBe(0o600);
    const deps = await openServices(readConfig({ data }));
    try {
      const key = parseVerifierKey(deps.log.key.verifierKey);
      const { checkpoint } = openCheckpoint(out.receipt.checkpoint, makeEd25519Verifier(key.name, key.publicKey));
      const proof = out.receipt.inclusionProof.map((h: string) => decodeBase64(h)!);
      expect(verifyInclusion(decodeBase64(out.receipt.leafHash)!, out.receipt.index, checkpoint.size, proof, checkpoint.root)).toBe(true);
      expect(checkpoint.origin).toBe("polyphony.local/log");
    } finally {
      await deps.store.close();
    }
  });

  it("erases a participant with polyphony erase, once", async () => {
    const deps = await openServices(readConfig({ data }));
    let participant: string;
    try {
      participant = (await joinCampaign(deps, campaign.id, { answers: {}, externalId: "prolific-1" })).participant.id;
    } finally {
      await deps.store.close();
    }
    const erased = await polyphony(["--data", data, "--json", "erase", "--campaign", campaign.id, "--external-id", "prolific-1", "--reason", "asked by email"]);
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout).erasure).toMatchObject({ participant, openings: 1 });
    const again = await polyphony(["--data", data, "erase", "--campaign", campaign.id, "--participant", participant, "--reason", "again"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("erased already");
    const nobody = await polyphony(["--data", data, "erase", "--campaign", campaign.id, "--reason", "who?"]);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain("exactly one of --participant, --external-id or --public-key");
  });
});
