import type { WebKind } from "../kinds/kind.ts";
import type { Step } from "./session.ts";
import { t } from "../i18n/i18n.ts";

/** Where the participant is in the flow, as a short ordered list: the shared steps around the kind's own. */
export function FlowSteps({ kind, current, skipDemographics }: { kind: WebKind; current: Step; skipDemographics: boolean }) {
  const all = [
    { steps: ["consent"], label: t("steps.consent") },
    { steps: ["demographics"], label: t("steps.aboutYou") },
    ...kind.progress,
    { steps: ["survey", "done"], label: t("steps.results") },
  ];
  const shown = all.filter((s) => !(skipDemographics && s.steps.includes("demographics")));
  const at = shown.findIndex((s) => s.steps.includes(current));
  return (
    <nav aria-label={t("steps.label")}>
      <ol className="steps">
        {shown.map((s, i) => (
          <li key={s.label} className={i < at ? "done" : undefined} {...(i === at && { "aria-current": "step" as const })}>
            {i < at && <span className="visually-hidden">{t("steps.done")}</span>}
            {s.label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
