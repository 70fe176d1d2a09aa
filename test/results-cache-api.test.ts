import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { exportGraph } from "../src/kinds/moral-graph/graph-export.ts";
import { showGraph } from "../src/kinds/moral-graph/graph.ts";
import { graphCache } from "../src/kinds/moral-graph/results/scored-graph.ts";
import { RESEARCHER_VIEW } from "../src/platform/campaigns/group-privacy.ts";
import { createTestApi, POLICIES, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

// Four on the left, three in the centre, one on the right: in public, centre and right are hidden.
const PEOPLE = [...Array(4).fill("left"), ...Array(3).fill("centre"), "right"] as string[];
const CARDS = 9;

describe.each(storeTargets())("the graph's results cache, pages and streams, on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let at: string;
  let id: string;
  let context: string;
  let cards: string[];
  let tokens: string[];
  let people: string[];

  const computations = () => graphCache(store).computations;
  const vote = async (token: string, from: string, to: string, relationship = "upgrade") => {
    const res = await t.call("POST", `${at}/votes`, { token, body: { from, to, context, relationship } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  /** Every page of the graph from the first, following `next`. */
  const readPages = async (query: string, token?: string) => {
    const pages = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const res = await t.call("GET", `${at}/graph?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { ...(token && { token }) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pages.push(res.body);
      cursor = res.body.next as string | null;
    }
    return pages;
  };

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const created = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: {
        title: "Cached results",
        questions: ["How should it answer?"],
        contexts: ["In distress", "Seeking facts"],
        demographics: [{ key: "politics", question: "Political affiliation", options: ["left", "centre", "right"] }],
        minGroupSize: 3,
      },
    });
    expect(created.status).toBe(201);
    id = created.body.campaign.id as string;
    at = `/api/v1/campaigns/${id}`;
    context = created.body.campaign.contexts[0].id as string;
    tokens = [];
    people = [];
    for (const politics of PEOPLE) {
      const joined = await t.call("POST", `${at}/participants`, { body: { answers: { politics } } });
      tokens.push(joined.body.token as string);
      people.push(joined.body.participant.id as string);
    }
    cards = [];
    for (let i = 0; i < CARDS; i++) {
      const body = { question: created.body.campaign.questions[0].id, title: `Value ${i}`, description: `Living by value ${i}.`, policies: POLICIES };
      cards.push((await t.call("POST", `${at}/cards`, { token: tokens[i % tokens.length]!, body })).body.card.canonicalId as string);
    }
    // Each person judges upgrades along a chain of values, so that there are edges on many pages.
    for (const [p, token] of tokens.entries()) {
      for (let i = 0; i + 1 < CARDS; i++) await vote(token, cards[i]!, cards[i + 1]!, (p + i) % 4 === 0 ? "no_upgrade" : "upgrade");
    }
  });
  afterAll(async () => store?.close());

  it("computes a graph once for two requests that arrive together, and serves the next from the cache", async () => {
    const before = computations();
    const [a, b] = await Promise.all([t.call("GET", `${at}/graph`), t.call("GET", `${at}/graph`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(computations()).toBe(before + 1);
    expect((await t.call("GET", `${at}/graph`)).body).toEqual(a.body);
    expect(computations()).toBe(before + 1);
  });

  it("computes again after a vote, and the new graph counts it", async () => {
    const before = await t.call("GET", `${at}/graph?limit=1000`);
    const count = computations();
    await vote(tokens[0]!, cards[CARDS - 1]!, cards[0]!);
    const after = await t.call("GET", `${at}/graph?limit=1000`);
    expect(computations()).toBe(count + 1);
    expect(after.body.countedVotes).toBe(before.body.countedVotes + 1);
    expect(after.body.edges.length).toBe(before.body.edges.length + 1);
  });

  it("computes again after a moderation hides a vote's card, and leaves it out", async () => {
    const hidden = cards[CARDS - 1]!;
    const count = computations();
    const res = await t.call("POST", `${at}/moderation`, { token: t.researcher, body: { target: { kind: "canonical_card", id: hidden }, reason: "spam" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const graph = await t.call("GET", `${at}/graph?limit=1000`);
    expect(computations()).toBe(count + 1);
    expect((graph.body.values as { id: string }[]).map((v) => v.id)).not.toContain(hidden);
  });

  it("pages through every value and edge exactly once, as the whole graph lists them", async () => {
    const pages = await readPages("limit=3&groupBy=politics", t.researcher);
    expect(pages.length).toBeGreaterThan(2);
    const whole = await showGraph(t.deps, id, { method: "polyphony", groupBy: "politics" }, RESEARCHER_VIEW);
    if (whole.method !== "polyphony") throw new Error("asked for polyphony");
    expect(pages.flatMap((p) => p.values)).toEqual(whole.values);
    expect(pages.flatMap((p) => p.edges)).toEqual(whole.edges);
    for (const page of pages) {
      expect(page.totals).toEqual({ values: whole.values.length, edges: whole.edges.length });
      expect(page.contexts.map((c: { judged: number }) => c.judged)).toEqual(whole.contexts.map((c) => c.values.length));
      expect(page.contexts.map((c: { top: unknown[] }) => c.top)).toEqual(whole.contexts.map((c) => c.values.slice(0, 10)));
    }
    const pagerank = await readPages("method=pagerank&limit=3&groupBy=politics", t.researcher);
    const wholePageRank = await showGraph(t.deps, id, { method: "pagerank", groupBy: "politics" }, RESEARCHER_VIEW);
    if (wholePageRank.method !== "pagerank") throw new Error("asked for pagerank");
    expect(pagerank.flatMap((p) => p.values)).toEqual(wholePageRank.values);
    expect(pagerank.flatMap((p) => p.edges)).toEqual(wholePageRank.edges);
    expect(pagerank[0].contexts.map((c: { top: unknown[] }) => c.top)).toEqual(wholePageRank.contexts.map((c) => c.values.slice(0, 10)));
    const mai = await readPages("method=mai-2023&limit=3");
    const wholeMai = await showGraph(t.deps, id, { method: "mai-2023" });
    expect(mai.flatMap((p) => p.values)).toEqual(wholeMai.values);
    expect(mai.flatMap((p) => p.edges)).toEqual(wholeMai.edges);
  });

  it("pages a context's slice of the graph scored on every vote, from the same result, by each method", async () => {
    const other = (await t.call("GET", at)).body.campaign.contexts[1] as { id: string; name: string };
    for (const [p, token] of tokens.slice(0, 4).entries()) {
      const res = await t.call("POST", `${at}/votes`, { token, body: { from: cards[p + 2], to: cards[p], context: other.id, relationship: "upgrade" } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    for (const method of ["polyphony", "pagerank", "mai-2023"] as const) {
      const whole = await showGraph(t.deps, id, { method }, RESEARCHER_VIEW);
      const count = computations();
      for (const ctx of [other, { id: context, name: "In distress" }]) {
        const pages = await readPages(`method=${method}&context=${encodeURIComponent(ctx.id)}&limit=3`);
        const slice = await showGraph(t.deps, id, { method, context: ctx.name }, RESEARCHER_VIEW);
        expect(pages.flatMap((p) => p.values)).toEqual(slice.values);
        expect(pages.flatMap((p) => p.edges)).toEqual(slice.edges);
        expect(slice.edges.every((e) => e.contexts.includes(ctx.name))).toBe(true);
        expect(pages[0].totals).toEqual({ values: slice.values.length, edges: slice.edges.length });
        if (whole.method === "mai-2023") {
          expect(slice.values).toEqual(whole.values);
          continue;
        }
        // The context's values in its order with the scores the graph of every vote gives them there.
        const inFull = whole.contexts.find((c) => c.name === ctx.name)!;
        expect(slice.edges.length).toBeGreaterThan(0);
        expect(slice.values.map((v) => [v.id, v.score])).toEqual(inFull.values.map((v) => [v.id, v.score]));
        expect(pages[0].contexts.map((c: { name: string; judged: number }) => [c.name, c.judged])).toEqual([[ctx.name, inFull.values.length]]);
      }
      expect(computations()).toBe(count);
    }
    const count = computations();
    expect((await t.call("GET", `${at}/graph?method=pagerank&context=nowhere`)).body).toMatchObject({ status: 422, field: "context" });
    expect(computations()).toBe(count);
  });

  it("continues a cursor with the graph its first page came from, after a vote", async () => {
    const first = await t.call("GET", `${at}/graph?limit=2`);
    await vote(tokens[1]!, cards[0]!, cards[2]!);
    const second = await t.call("GET", `${at}/graph?limit=2&cursor=${encodeURIComponent(first.body.next as string)}`);
    expect(second.status).toBe(200);
    expect(second.body.countedVotes).toBe(first.body.countedVotes);
    const fresh = await t.call("GET", `${at}/graph?limit=2`);
    expect(fresh.body.countedVotes).toBe(first.body.countedVotes + 1);
    const forged = Buffer.from("1.0").toString("base64url");
    expect((await t.call("GET", `${at}/graph?cursor=${forged}`)).status).toBe(409);
    expect((await t.call("GET", `${at}/graph?cursor=nonsense`)).body).toMatchObject({ status: 422, field: "cursor" });
  });

  it("never serves a public request the groups computed for a researcher", async () => {
    const researcher = await t.call("GET", `${at}/graph?groupBy=politics&limit=1000`, { token: t.researcher });
    const labels = (body: { edges: { groups: { byGroup: Record<string, unknown> } }[] }) => new Set(body.edges.flatMap((e) => Object.keys(e.groups.byGroup)));
    expect(labels(researcher.body)).toEqual(new Set(["left", "centre", "right"]));
    const count = computations();
    const publicGraph = await t.call("GET", `${at}/graph?groupBy=politics&limit=1000`);
    expect(computations()).toBe(count + 1);
    expect(labels(publicGraph.body)).toEqual(new Set(["left"]));
    const exported = await t.call("GET", `${at}/export`);
    expect(labels(exported.body.graphs.polyphony)).toEqual(new Set(["left"]));
  });

  it("compresses what the client accepts, and the compressed graph reads as the plain one", async () => {
    const plain = await t.call("GET", `${at}/graph?limit=1000`);
    const res = await t.api.request(`${at}/graph?limit=1000`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString())).toEqual(plain.body);
    const streamed = await t.api.request(`${at}/export`, { headers: { "accept-encoding": "gzip" } });
    expect(streamed.headers.get("content-encoding")).toBe("gzip");
    const document = JSON.parse(gunzipSync(Buffer.from(await streamed.arrayBuffer())).toString());
    expect(document.format).toBe("polyphony.moral-graph");
  });

  it("streams the export as the document the command line writes", async () => {
    for (const format of ["polyphony", "mai"] as const) {
      const res = await t.api.request(`${at}/export?format=${format}`, { headers: { authorization: `Bearer ${t.researcher}` } });
      expect(res.headers.get("content-type")).toBe("application/json");
      const streamed = JSON.parse(await res.text());
      const whole = await exportGraph(t.deps, id, format, RESEARCHER_VIEW);
      if ("exportedAt" in whole) whole.exportedAt = streamed.exportedAt;
      expect(streamed).toEqual(whole);
    }
  });

  // Last: the erasure ends a participant's session and deletes their demographic answer.
  it("computes again after an erasure, and no longer shows the erased card's title", async () => {
    const title = (graph: { values: { id: string; title: string }[] }) => graph.values.find((v) => v.id === cards[1])?.title;
    expect(title((await t.call("GET", `${at}/graph?limit=1000`)).body)).toBe("Value 1");
    const count = computations();
    // cards[1] was written by the second participant.
    const erased = await t.call("POST", `${at}/erasures`, { token: t.researcher, body: { participant: people[1], reason: "asked to be forgotten" } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(201);
    expect(title((await t.call("GET", `${at}/graph?limit=1000`)).body)).toBe("");
    expect(computations()).toBe(count + 1);
  });
});
