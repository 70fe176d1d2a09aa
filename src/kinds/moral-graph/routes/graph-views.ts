import { z } from "@hono/zod-openapi";
import { CanonicalCard, Merge } from "./views.ts";

/** What the moral-graph results routes answer: the graph by each method, and the export. */

const Int = z.number().int();
const CardIds = z.array(z.string()).openapi({ description: "Canonical card ids" });

const ScoreBand = z.object({
  score: z.number(),
  low: z.number().nullable().openapi({ description: "10% bootstrap quantile; null without a bootstrap" }),
  high: z.number().nullable().openapi({ description: "90% bootstrap quantile; null without a bootstrap" }),
  rank: Int,
});
const ContestedCycles = z.array(CardIds);
const ContextValue = ScoreBand.extend({ id: z.string(), title: z.string() });

const PolyphonyEdge = z.object({
  from: z.string(),
  to: z.string(),
  contexts: z.array(z.string()).openapi({ description: "Context names" }),
  counts: z.object({ upgrade: Int, against: Int, notSure: Int }),
  share: z.object({ mean: z.number(), lower: z.number(), upper: z.number() }).openapi({ description: "Posterior upgrade share and its credible interval" }),
  kept: z.boolean(),
  contested: z.boolean(),
  groups: z
    .object({
      endorsing: Int,
      voting: Int,
      of: Int,
      consensus: z.number(),
      byGroup: z.record(z.string(), z.object({ support: Int, against: Int })),
    })
    .optional()
    .openapi({ description: "With `groupBy`: how many groups endorse the edge" }),
});

const PageRankGraphFields = z.object({
  method: z.literal("pagerank"),
  votes: Int,
  countedVotes: Int,
  participants: Int,
  parameters: z.object({
    prior: z.object({ alpha: z.number(), beta: z.number() }),
    credibleMass: z.number(),
    threshold: z.number(),
    pooling: z.number(),
    damping: z.number(),
    bootstrap: z.object({ samples: Int, seed: z.number() }).nullable(),
    groupBy: z.string().nullable(),
  }),
  values: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      score: z.number(),
      externalRef: z.string().nullable(),
      contexts: z.record(z.string(), ScoreBand).openapi({ description: "The value's score band per context name" }),
    }),
  ),
  overall: z.object({ keptEdges: Int, contested: z.array(CardIds) }),
  contexts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      votes: Int,
      participants: Int,
      weight: z.number(),
      keptEdges: Int,
      values: z.array(ContextValue),
      unjudged: z.object({ count: Int, score: z.number() }).openapi({ description: "Values not judged in the context and the score each holds" }),
      contested: z.array(CardIds),
    }),
  ),
  edges: z.array(PolyphonyEdge),
  contested: z.array(z.object({ context: z.string(), cards: CardIds })),
});

const PolyphonyGraphFields = z.object({
  method: z.literal("polyphony"),
  votes: Int,
  countedVotes: Int.openapi({ description: "Upgrade and no-upgrade votes: the evidence" }),
  notSure: Int.openapi({ description: "Not-sure votes: counted, never evidence" }),
  participants: Int,
  model: z
    .object({
      tau: z.number().openapi({ description: "sd of a value's score across contexts (logit scale)" }),
      tauChosen: z.boolean().openapi({ description: "true when τ was chosen from the votes" }),
      delta: z.number().openapi({ description: "log-odds of \"upgrade\" for two equally wise values: the pull of the story's direction" }),
      iterations: Int,
      converged: z.boolean(),
    })
    .openapi({ description: "The fitted hierarchical Bradley–Terry model: logit P(upgrade a→b in c) = δ + θ_cb − θ_ca, θ_ci = μ_i + u_ci" }),
  parameters: z.object({
    priorScale: z.number(),
    prior: z.object({ alpha: z.number(), beta: z.number() }),
    credibleMass: z.number(),
    threshold: z.number(),
    pooling: z.number(),
    bootstrap: z.object({ samples: Int, seed: z.number() }).nullable(),
    groupBy: z.string().nullable(),
  }),
  values: z.array(
    ScoreBand.extend({
      id: z.string(),
      title: z.string(),
      externalRef: z.string().nullable(),
      contexts: z.record(z.string(), ScoreBand).openapi({ description: "The value's θ band per context name where it was judged" }),
    }).openapi({ description: "score is μ, the overall wisdom on the logit scale" }),
  ),
  overall: z.object({ keptEdges: Int, contested: ContestedCycles }),
  contexts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      votes: Int,
      notSure: Int,
      participants: Int,
      keptEdges: Int,
      values: z.array(ContextValue),
      contested: ContestedCycles,
    }),
  ),
  edges: z.array(PolyphonyEdge),
  contested: z.array(z.object({ context: z.string(), cards: CardIds })),
});

const Mai2023GraphFields = z.object({
  method: z.literal("mai-2023"),
  votes: Int,
  values: z.array(z.object({ id: z.string(), title: z.string(), score: z.number(), externalRef: z.string().nullable() })),
  edges: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      contexts: z.array(z.string()),
      counts: z.object({ markedWiser: Int, markedNotWiser: Int, markedLessWise: Int, markedUnsure: Int, impressions: Int }),
      summary: z.object({ wiserLikelihood: z.number(), entropy: z.number() }),
    }),
  ),
  note: z.string(),
});

const GraphPage = {
  campaign: z.object({ id: z.string(), title: z.string() }),
  totals: z.object({ values: Int, edges: Int }).openapi({ description: "How many values and edges the graph holds (with `context`, that context's slice)" }),
  next: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last one" }),
};

const ContextSummary = {
  judged: Int.openapi({ description: "Values judged in the context" }),
  top: z.array(ContextValue).openapi({ description: "The context's best values, at most 10; every value's band per context is in `values`" }),
};

// A page's summary of a context: what the graph says of it, with its `top` values in place of all of them.
export const PolyphonyGraphPage = PolyphonyGraphFields.extend({ contexts: z.array(PolyphonyGraphFields.shape.contexts.element.omit({ values: true }).extend(ContextSummary)) })
  .extend(GraphPage)
  .openapi("PolyphonyGraphPage", { description: "One page of the polyphony graph: values of the overall ranking (or of a context's) and edges from the cursor on, with the summary" });
export const PageRankGraphPage = PageRankGraphFields.extend({ contexts: z.array(PageRankGraphFields.shape.contexts.element.omit({ values: true }).extend(ContextSummary)) })
  .extend(GraphPage)
  .openapi("PageRankGraphPage", { description: "One page of the pagerank graph: values of the overall ranking (or of a context's) and edges from the cursor on, with the summary" });
export const Mai2023GraphPage = Mai2023GraphFields.extend(GraphPage).openapi("Mai2023GraphPage");
export const MoralGraphPage = z.discriminatedUnion("method", [PolyphonyGraphPage, PageRankGraphPage, Mai2023GraphPage]).openapi("MoralGraphPage");

export const MoralGraphExport = z
  .object({
    format: z.literal("polyphony.moral-graph"),
    version: z.literal(1),
    exportedAt: z.iso.datetime(),
    campaign: z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      questions: z.array(z.object({ id: z.string(), text: z.string() })),
      contexts: z.array(z.object({ id: z.string(), name: z.string() })),
      demographics: z.array(z.object({ key: z.string(), question: z.string(), options: z.array(z.string()).nullable() })),
    }),
    cards: z.array(CanonicalCard),
    merges: z.array(Merge.omit({ mergedBy: true, undoneBy: true })),
    stories: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), context: z.string(), text: z.string(), source: z.string() })),
    graphs: z.object({ polyphony: PolyphonyGraphFields, "mai-2023": Mai2023GraphFields }),
  })
  .openapi("MoralGraphExport");

/** The shape the Meaning Alignment Institute's moral-graph viewer reads (their MoralGraphSummary). */
export const MaiViewerGraph = z
  .object({
    values: z.array(
      z.object({
        id: Int,
        polyphonyId: z.string(),
        title: z.string(),
        instructionsShort: z.string(),
        instructionsDetailed: z.string(),
        evaluationCriteria: z.array(z.string()),
        pageRank: z.number().optional(),
      }),
    ),
    edges: z.array(
      z.object({
        sourceValueId: Int,
        wiserValueId: Int,
        contexts: z.array(z.string()),
        counts: Mai2023GraphFields.shape.edges.element.shape.counts,
        summary: Mai2023GraphFields.shape.edges.element.shape.summary,
      }),
    ),
  })
  .openapi("MaiViewerGraph");
