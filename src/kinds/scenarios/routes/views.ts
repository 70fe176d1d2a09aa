import { z } from "@hono/zod-openapi";

const Receipt = z.object({ index: z.number().int() }).passthrough().openapi({ description: "The contribution's log receipt" });

export const BehaviourReceipt = z
  .object({
    behaviour: z.object({
      id: z.string(),
      scenario: z.string(),
      description: z.string(),
      thoughts: z.string().nullable(),
      tags: z.array(z.string()),
      origin: z.literal("participant"),
    }),
    receipt: Receipt,
  })
  .openapi("BehaviourReceipt");

export const RankingReceipt = z
  .object({
    ranking: z.object({
      id: z.string(),
      scenario: z.string(),
      tiers: z.array(z.array(z.string())),
      acceptable: z.number().int().nullable(),
      skipped: z.boolean(),
      displayOrder: z.array(z.string()),
      durationMs: z.number().int().nullable(),
      createdAt: z.string(),
    }),
    receipt: Receipt,
  })
  .openapi("RankingReceipt");

export const TagsReceipt = z.object({ tags: z.object({ behaviour: z.string(), tags: z.array(z.string()) }), receipt: Receipt }).openapi("TagsReceipt");

export const RationaleReceipt = z
  .object({ rationale: z.object({ id: z.string(), scenario: z.string(), behaviour: z.string().nullable(), text: z.string() }), receipt: Receipt })
  .openapi("RationaleReceipt");

const Placed = z.object({
  behaviour: z.string().nullable().openapi({ description: "A behaviour's id; null is the acceptability bar (behaviours above it are acceptable)" }),
  rank: z.number().int().openapi({ description: "How many items the method puts above this one" }),
});

const Base = {
  id: z.string(),
  situation: z.string(),
  gold: z.boolean(),
  rankings: z.number().int(),
  skips: z.number().int(),
};

const ScenarioResult = z.union([
  z.object({ ...Base, suppressed: z.literal(true).openapi({ description: "Fewer people ranked it than the campaign's minimum group size" }) }),
  z.object({
    ...Base,
    suppressed: z.literal(false),
    rankedPairs: z.array(Placed).openapi({ description: "Ranked pairs (Tideman) consensus, best first" }),
    schulze: z.array(Placed).openapi({ description: "Schulze consensus, best first" }),
    acceptable: z.array(z.string()).nullable().openapi({ description: "Behaviours the consensus puts above the bar; null when no ranking placed it" }),
    noneAcceptable: z.number().int().openapi({ description: "Rankings that found no behaviour acceptable" }),
    scores: z.array(
      z.object({
        behaviour: z.string(),
        description: z.string(),
        score: z.number().nullable().openapi({ description: "Plackett–Luce log-worth, centred; null when no ranking placed it" }),
        low: z.number().nullable().openapi({ description: "10% bootstrap quantile over rankers" }),
        high: z.number().nullable().openapi({ description: "90% bootstrap quantile over rankers" }),
        tags: z.record(z.string(), z.number().int()),
      }),
    ),
    agreement: z.object({ kendallW: z.number().nullable(), krippendorffAlpha: z.number().nullable() }),
  }),
]);

export const ScenarioResults = z
  .object({
    campaign: z.string(),
    scenarios: z.array(ScenarioResult),
    raters: z
      .array(
        z.object({
          participant: z.string(),
          rankings: z.number().int(),
          agreement: z.number().nullable().openapi({ description: "Mean Kendall τ-b with the leave-one-out consensus" }),
          goldAccuracy: z.number().nullable().openapi({ description: "Share of gold pairs kept, a tie counting ½" }),
          flagged: z.boolean().openapi({ description: "Agreement below 0 or gold accuracy below ½" }),
        }),
      )
      .nullable()
      .openapi({ description: "Rater reliability; researchers only" }),
  })
  .openapi("ScenarioResults");

export const BigBenchTask = z
  .object({
    name: z.string(),
    description: z.string(),
    keywords: z.array(z.string()),
    metrics: z.array(z.string()),
    preferred_score: z.string(),
    examples: z.array(z.object({ input: z.string(), target_scores: z.record(z.string(), z.number()) })),
  })
  .openapi("BigBenchTask");
