import type { WebKind } from "../kinds/kind.ts";
import type { Step } from "./session.ts";

/** Where the participant is in the flow, as a short ordered list: the shared steps around the kind's own. */
export function FlowSteps({ kind, current, skipDemographics }: { kind: WebKind; current: Step; skipDemographics: boolean }) {
  const all = [
    { steps: ["consent"], label: "Consent" },
    { steps: ["demographics"], label: "About you" },
    ...kind.progress,
    { steps: ["survey", "done"], label: "Results" },
  ];
  const shown = all.filter((s) => !(skipDemographics && s.steps.includes("demographics")));
  const at = shown.findIndex((s) => s.steps.includes(current));
  return (
    <nav aria-label="Progress">
      <ol className="steps">
        {shown.map((s, i) => (
          <li key={s.label} className={i < at ? "done" : undefined} {...(i === at && { "aria-current": "step" as const })}>
            {i < at && <span className="visually-hidden">Done: </span>}
            {s.label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
