import { lazy } from "react";
import type { WebKind } from "../kind.ts";
import type { MoralGraphMe } from "./participant/api.ts";
import { MoralGraphFlow, resumeAt } from "./participant/flow.tsx";
import { MyValue } from "./participant/my-value.tsx";

// Researcher tabs load with the researcher's page, not with a participant's.
const CardsPanel = lazy(() => import("./researcher/cards-panel.tsx").then((m) => ({ default: m.CardsPanel })));
const StoriesPanel = lazy(() => import("./researcher/stories-panel.tsx").then((m) => ({ default: m.StoriesPanel })));

/** Moral graphs in the web app: articulate a value, compare it, judge which values are wiser where. */
export const moralGraph: WebKind = {
  id: "moral-graph",
  steps: ["question", "articulate", "similar", "judge"],
  progress: [
    { steps: ["question", "articulate"], label: "Your value" },
    { steps: ["similar"], label: "Compare" },
    { steps: ["judge"], label: "Judge stories" },
  ],
  resumeAt: (me, draft) => resumeAt(me as MoralGraphMe, draft),
  Flow: MoralGraphFlow,
  Closing: MyValue,
  receiptLabels: { card: "Your values card", vote: "A judgment" },
  tabs: [
    { id: "cards", label: "Similar cards", Panel: CardsPanel },
    { id: "stories", label: "Stories", Panel: StoriesPanel },
  ],
  // The graph and its drawing library load only on the results page.
  Results: lazy(() => import("./results/results-page.tsx")),
};
