import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { listCanonicalCards } from "../cards.ts";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { listMerges, mergeCards, undoMerge } from "../merges.ts";
import { GenerateStories, MergeCards, UndoMerge, WriteStory } from "../inputs.ts";
import { DEFAULT_MERGE_THRESHOLD, proposeMerges } from "../similar-cards.ts";
import { generateStories, writeStory } from "../stories.ts";
import { researcherOf } from "../../../platform/auth/http-auth.ts";
import { CampaignParam, MergeParam, createdWith, jsonBody, meta, ok, unavailable } from "../../../http/route.ts";
import { logEntryUrl } from "../../../platform/log/views.ts";
import { CanonicalCards, MergeProposals, MergeReceipt, Merges, StoriesReceipts, StoryReceipt } from "./views.ts";

const tag = "Curation";

const CardsQuery = z.object({ includeMerged: z.enum(["true", "false"]).default("false") });
const SimilarQuery = z.object({
  threshold: z.coerce.number().min(-1).max(1).default(DEFAULT_MERGE_THRESHOLD),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

export function registerCurationRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/canonical-cards",
      ...meta(tag, "The campaign's canonical values cards (public)", { id: "listCanonicalCards" }),
      request: { params: CampaignParam, query: CardsQuery },
      responses: ok(CanonicalCards, "The canonical cards, oldest first"),
    }),
    async (c) => {
      const cards = await listCanonicalCards(deps.store.db, c.req.valid("param").campaign, {
        includeMerged: c.req.valid("query").includeMerged === "true",
      });
      return c.json({ cards }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/merge-proposals",
      ...meta(tag, "Pairs of similar canonical cards, proposed for merging", { id: "proposeMerges", auth: "researcher" }),
      request: { params: CampaignParam, query: SimilarQuery },
      responses: ok(MergeProposals, "Pairs of similar cards, most similar first"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json(await proposeMerges(deps, c.req.valid("param").campaign, c.req.valid("query")), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{campaign}/merges",
      ...meta(tag, "Every merge, with who merged what and why, undone ones included", { id: "listMerges", auth: "researcher" }),
      request: { params: CampaignParam },
      responses: ok(Merges, "The merges, newest first"),
    }),
    async (c) => {
      await researcherOf(c, deps);
      return c.json({ merges: await listMerges(deps, c.req.valid("param").campaign) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/merges",
      ...meta(tag, "Merge canonical cards into one; returns `{merge, receipt}`", { id: "mergeCards", auth: "researcher" }),
      request: { params: CampaignParam, body: jsonBody(MergeCards) },
      responses: createdWith(MergeReceipt, "The merge and its receipt; Location is its log entry"),
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      const merged = await mergeCards(deps, researcher, c.req.valid("param").campaign, c.req.valid("json"));
      return c.json(merged, 201, { Location: logEntryUrl(merged.receipt.index) });
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/merges/{merge}/undo",
      ...meta(tag, "Undo a merge; it stays on record. Returns `{merge, receipt}`", { id: "undoMerge", auth: "researcher" }),
      request: { params: MergeParam, body: jsonBody(UndoMerge) },
      responses: ok(MergeReceipt, "The undone merge and the receipt of the undo"),
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      const { campaign, merge } = c.req.valid("param");
      return c.json(await undoMerge(deps, researcher, campaign, merge, c.req.valid("json").reason), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/stories",
      ...meta(tag, "Write an upgrade story by hand; returns `{story, receipt}`", { id: "writeStory", auth: "researcher" }),
      request: { params: CampaignParam, body: jsonBody(WriteStory) },
      responses: createdWith(StoryReceipt, "The story and its receipt; Location is its log entry"),
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      const written = await writeStory(deps, researcher, c.req.valid("param").campaign, c.req.valid("json"));
      return c.json(written, 201, { Location: logEntryUrl(written.receipt.index) });
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns/{campaign}/stories/generate",
      ...meta(tag, "Have the LLM write the story in both directions (503 when no LLM is configured); returns `{stories, receipts}`", { id: "generateStories", auth: "researcher" }),
      request: { params: CampaignParam, body: jsonBody(GenerateStories) },
      responses: {
        ...createdWith(StoriesReceipts, "Both stories and their receipts; Location is their two log entries"),
        503: unavailable,
      },
    }),
    async (c) => {
      const researcher = await researcherOf(c, deps);
      const written = await generateStories(deps, researcher, c.req.valid("param").campaign, c.req.valid("json"));
      const [first] = written.receipts;
      return c.json(written, 201, { Location: logEntryUrl(first!.index, written.receipts.length) });
    },
  );
}
