import { t } from "../../../i18n/i18n.ts";
import { EDGE_COLOURS } from "./graph-style.ts";

/** What the drawing's sizes, widths and dashes mean. */
export function GraphLegend({ widthMeans, groupLabel }: { widthMeans: "groups" | "votes"; groupLabel: string | null }) {
  return (
    <ul className="legend" aria-label={t("results.legend")}>
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <circle cx="5" cy="7" r="4" fill="#3b6fd8" />
          <circle cx="19" cy="7" r="7" fill="#3b6fd8" />
        </svg>
        {t("results.legendSize")}
      </li>
      <li>
        <svg width="34" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="26" y2="5" stroke={EDGE_COLOURS.plain} strokeWidth="3" />
          <path d="M26 1 L34 5 L26 9 Z" fill={EDGE_COLOURS.plain} />
        </svg>
        {t("results.legendArrow")} {widthMeans === "groups" ? t("results.legendGroups", { groups: groupLabel ?? t("results.groups") }) : t("results.legendVotes")}
      </li>
      <li>
        <svg width="34" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="34" y2="5" stroke={EDGE_COLOURS.contested} strokeWidth="3" strokeDasharray="6 4" />
        </svg>
        {t("results.legendContested")}
      </li>
    </ul>
  );
}
