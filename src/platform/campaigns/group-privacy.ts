import { invalid } from "../../core/errors.ts";
import type { DemographicQuestion } from "./schema.ts";

/** Who reads a view: anyone, or a researcher of the campaign (who sees every group). */
export type Audience = "public" | "researcher";

/** How a view may break its figures down by a demographic question. */
export interface GroupPolicy {
  readonly audience: Audience;
  /** In public, no group of fewer people than this is shown (the campaign's `minGroupSize`). */
  readonly minGroupSize: number;
}

export const RESEARCHER_VIEW: GroupPolicy = { audience: "researcher", minGroupSize: 1 };

/**
 * The question `key` of the campaign, when `policy` lets a view group by it. In public only a
 * question with fixed options qualifies: a free-text answer (an email, a name) is a group of one.
 */
export function groupingQuestion(demographics: readonly DemographicQuestion[], key: string, policy: GroupPolicy): DemographicQuestion {
  const question = demographics.find((d) => d.key === key);
  if (!question) throw invalid("groupBy", `the campaign asks no demographic question "${key}"`);
  if (policy.audience === "public" && !question.options?.length) {
    throw invalid("groupBy", `"${key}" takes free-text answers, which public views never group by; a researcher token shows them`);
  }
  return question;
}

/** The first question a public view may group by (the export's default breakdown), if any. */
export function firstGroupingQuestion(demographics: readonly DemographicQuestion[], policy: GroupPolicy): DemographicQuestion | undefined {
  return policy.audience === "researcher" ? demographics[0] : demographics.find((d) => (d.options?.length ?? 0) > 0);
}

/**
 * The groups a view may show, given how many people each holds (`null`: those who gave no answer).
 * Researchers see all. In public a group is shown only if it is one of the question's options and
 * holds at least `minGroupSize` people; and since a view shows totals too, the hidden people
 * together must be none or at least `minGroupSize` — otherwise the total minus the shown groups
 * would give the figures of a small group — so the smallest shown groups are hidden as well
 * until they are.
 */
export function visibleGroups(sizes: ReadonlyMap<string | null, number>, question: DemographicQuestion, policy: GroupPolicy): Set<string | null> {
  if (policy.audience === "researcher") return new Set(sizes.keys());
  const options = new Set(question.options ?? []);
  const min = policy.minGroupSize;
  const shown = [...sizes].filter(([label, n]) => (label === null || options.has(label)) && n >= min).sort((a, b) => a[1] - b[1]);
  const shownLabels = new Set(shown.map(([label]) => label));
  let hidden = [...sizes].filter(([label]) => !shownLabels.has(label)).reduce((sum, [, n]) => sum + n, 0);
  while (hidden > 0 && hidden < min && shown.length > 0) {
    const [label, n] = shown.shift()!;
    shownLabels.delete(label);
    hidden += n;
  }
  return shownLabels;
}
