import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ed25519 } from "@noble/curves/ed25519.js";
import canonicalize from "canonicalize";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, verifyContent } from "../src/core/log/index.ts";
import { MAI_DUMP_FILES, MaiDump } from "../src/kinds/moral-graph/import/dump.ts";
import { importMaiDump } from "../src/kinds/moral-graph/import/import.ts";
import type { Store } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { hasMaiDft, MAI_DFT_DIR } from "./support/mai-dft.ts";
import { readAllEntries } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

describe.skipIf(!hasMaiDft).each(storeTargets())("importing the MAI deliberation into the log on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let result: Awaited<ReturnType<typeof importMaiDump>>;

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const dump = MaiDump.parse(Object.fromEntries(MAI_DUMP_FILES.map((name) => [name, JSON.parse(readFileSync(join(MAI_DFT_DIR, `${name}.json`), "utf8"))])));
    result = await importMaiDump(t.deps, dump, "test-digest");
  });
  afterAll(async () => store?.close());

  it("appends one entry for every record it brings in, in one run of indices", async () => {
    const { counts, entries } = result;
    const expected = {
      campaign_created: 1,
      canonical_card: counts.canonicalCards,
      values_card: counts.valuesCards,
      participant_joined: counts.participants,
      story: counts.stories,
      vote: counts.votes,
      card_endorsement: counts.cardEndorsements,
    };
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(entries).toEqual({ from: 0, to: total });
    const log = await readAllEntries(t);
    expect(log).toHaveLength(total);
    const kinds: Record<string, number> = {};
    for (const { entry } of log) {
      kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
      expect(entry.body.imported).toBe("mai-dft");
      expect(JSON.stringify(entry)).not.toContain("mai-dft:user:");
    }
    expect(kinds).toEqual(expected);
  });

  it("signs each imported participant's records with the key the server made for them", async () => {
    const log = await readAllEntries(t);
    const openings = rowsOf<{ i: string | number; salt: Uint8Array; content: string; signature: string | null }>(
      await store.db.execute(sql`select entry_index as i, salt, content, signature from log_openings order by entry_index`),
    );
    expect(openings).toHaveLength(log.length);
    const authors = new Set<string>();
    for (const o of openings) {
      const { entry } = log[Number(o.i)]!;
      const content = JSON.parse(o.content);
      expect(verifyContent(entry, content, new Uint8Array(o.salt))).toBe(true);
      if (entry.author === "system") continue;
      authors.add(entry.author);
      // Pure-JavaScript verification, as a browser would do it, of a tenth of them: it takes ~2 ms each.
      if (Number(o.i) % 10 !== 0) continue;
      const message = new TextEncoder().encode(canonicalize({ v: 1, campaign: entry.campaign, kind: entry.kind, content }));
      expect(entry.body).not.toHaveProperty("sig");
      expect(ed25519.verify(decodeBase64(o.signature!)!, message, decodeBase64(entry.author)!)).toBe(true);
    }
    expect(authors.size).toBe(result.counts.participants);
  });
});
