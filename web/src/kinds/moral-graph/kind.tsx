import { lazy } from "react";
import { t } from "../../i18n/i18n.ts";
import type { WebKind } from "../kind.ts";
import type { MoralGraphMe } from "./participant/api.ts";
import { MoralGraphFlow, resumeAt } from "./participant/flow.tsx";
import { MyValue } from "./participant/my-value.tsx";

// Researcher tabs load with the researcher's page, not with a participant's.
const CardsPanel = lazy(() => import("./researcher/cards-panel.tsx").then((m) => ({ default: m.CardsPanel })));
const CommentsPanel = lazy(() => import("./researcher/comments-panel.tsx").then((m) => ({ default: m.CommentsPanel })));
const StoriesPanel = lazy(() => import("./researcher/stories-panel.tsx").then((m) => ({ default: m.StoriesPanel })));

/** Moral graphs in the web app: articulate a value, compare it, judge which values are wiser where. */
export const moralGraph: WebKind = {
  id: "moral-graph",
  steps: ["question", "articulate", "similar", "judge"],
  get progress() {
    return [
      { steps: ["question", "articulate"], label: t("mg.stepValue") },
      { steps: ["similar"], label: t("mg.stepCompare") },
      { steps: ["judge"], label: t("mg.stepJudge") },
    ];
  },
  resumeAt: (me, draft) => resumeAt(me as MoralGraphMe, draft),
  Flow: MoralGraphFlow,
  Closing: MyValue,
  get receiptLabels() {
    return { card: t("closing.yourCard"), vote: t("closing.aVote") };
  },
  get tabs() {
    return [
      { id: "cards", label: t("mg.tabCards"), Panel: CardsPanel },
      { id: "stories", label: t("mg.tabStories"), Panel: StoriesPanel },
      { id: "comments", label: t("mg.tabComments"), Panel: CommentsPanel },
    ];
  },
  // The graph and its drawing library load only on the results page.
  Results: lazy(() => import("./results/results-page.tsx")),
};
