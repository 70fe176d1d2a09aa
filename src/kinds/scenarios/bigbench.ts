import { z } from "@hono/zod-openapi";
import { and, asc, eq, isNull } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import type { GroupPolicy } from "../../platform/campaigns/group-privacy.ts";
import { computeResults } from "./results.ts";
import { behaviours, scenarios } from "./schema.ts";
import type { ScenarioInput } from "./settings.ts";

/** A BIG-bench JSON task (google/BIG-bench, docs/doc.md): examples with `input` and `target_scores`. */
export const BigBenchInput = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  examples: z
    .array(
      z.object({
        input: z.string().trim().min(1).max(8000),
        target_scores: z.record(z.string().trim().min(1).max(4000), z.number().finite()).refine((s) => Object.keys(s).length >= 1, "at least one target"),
      }),
    )
    .min(1)
    .max(1000),
});

/**
 * Scenarios from a BIG-bench task: each example's input is a situation and each target a
 * behaviour that keeps its score; the scores order a gold ranking (higher first, equal tied).
 */
export function scenariosFromBigBench(task: z.infer<typeof BigBenchInput>): ScenarioInput[] {
  return task.examples.map((example, e) => {
    const targets = Object.entries(example.target_scores);
    const levels = [...new Set(targets.map(([, s]) => s))].sort((a, b) => b - a);
    if (new Set(targets.map(([t]) => t.trim())).size !== targets.length) throw invalid(`examples/${e}/target_scores`, "two targets are the same text");
    return {
      situation: example.input,
      request: "",
      capabilities: "",
      behaviours: targets.map(([description, score]) => ({ description, origin: "researcher" as const, targetScore: score })),
      gold: levels.map((level) => targets.flatMap(([, s], i) => (s === level ? [i] : []))),
      externalRef: `big-bench:${e}`,
    };
  });
}

/** The input text of a scenario: its situation alone when it came from a task, else every field labelled. */
function inputOf(s: { situation: string; request: string; capabilities: string; context: string | null }) {
  if (!s.request && !s.capabilities && !s.context) return s.situation;
  return [`Situation: ${s.situation}`, s.request && `Request: ${s.request}`, s.capabilities && `The AI's capabilities: ${s.capabilities}`, s.context && `Context: ${s.context}`].filter(Boolean).join("\n");
}

/**
 * The campaign as a BIG-bench task. A behaviour imported from a task keeps its score; any other
 * is scored by the people's consensus: its Plackett–Luce probability of being chosen first among
 * the scenario's behaviours (rounded to 4 places). Scenarios nobody ranked and with no imported
 * score are left out, as are those the audience may not see.
 */
export async function exportBigBench(db: Queryable, campaignId: string, title: string, policy: GroupPolicy) {
  const results = await computeResults(db, campaignId, policy);
  const list = await db.select().from(scenarios).where(and(eq(scenarios.campaignId, campaignId), isNull(scenarios.hiddenAt))).orderBy(asc(scenarios.position));
  const rows = await db
    .select({ id: behaviours.id, scenarioId: behaviours.scenarioId, description: behaviours.description, targetScore: behaviours.targetScore })
    .from(behaviours)
    .where(and(eq(behaviours.campaignId, campaignId), isNull(behaviours.hiddenAt)))
    .orderBy(asc(behaviours.createdAt), asc(behaviours.position), asc(behaviours.id));
  const examples = list.flatMap((s) => {
    const own = rows.filter((b) => b.scenarioId === s.id && b.description !== "");
    const result = results.scenarios.find((r) => r.id === s.id);
    const scores = result && !result.suppressed ? result.scores : [];
    const worth = new Map(scores.filter((x) => x.score !== null).map((x) => [x.behaviour, Math.exp(x.score!)]));
    const total = [...worth.values()].reduce((a, b) => a + b, 0);
    const target: Record<string, number> = {};
    for (const b of own) {
      if (b.targetScore !== null) target[b.description] = b.targetScore;
      else if (worth.has(b.id)) target[b.description] = Math.round((worth.get(b.id)! / total) * 1e4) / 1e4;
    }
    return Object.keys(target).length === 0 ? [] : [{ input: inputOf(s), target_scores: target }];
  });
  return {
    name: title,
    description: `Behaviours of a very capable AI in hard scenarios, ranked by people (Polyphony campaign ${campaignId}).`,
    keywords: ["alignment", "human preferences", "multiple choice"],
    metrics: ["multiple_choice_grade"],
    preferred_score: "multiple_choice_grade",
    examples,
  };
}
