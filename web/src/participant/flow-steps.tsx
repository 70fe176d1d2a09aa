import type { Step } from "./session.ts";

const SHOWN: { steps: Step[]; label: string }[] = [
  { steps: ["consent"], label: "Consent" },
  { steps: ["demographics"], label: "About you" },
  { steps: ["question", "articulate"], label: "Your value" },
  { steps: ["similar"], label: "Compare" },
  { steps: ["judge"], label: "Judge stories" },
  { steps: ["survey", "done"], label: "Results" },
];

/** Where the participant is in the flow, as a short ordered list. */
export function FlowSteps({ current, skipDemographics }: { current: Step; skipDemographics: boolean }) {
  const shown = SHOWN.filter((s) => !(skipDemographics && s.steps.includes("demographics")));
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
