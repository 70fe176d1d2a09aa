import type { components } from "../../../api/openapi.d.ts";
import { formatNumber, t } from "../../../i18n/i18n.ts";

export type Legitimacy = components["schemas"]["Legitimacy"];

const percentOf = (value: number | null) => (value === null ? "–" : formatNumber(value, { style: "percent", maximumFractionDigits: 0 }));

function Bar({ share, label }: { share: number | null; label: string }) {
  return (
    <div className="row" style={{ alignItems: "center", gap: "0.5rem", flexWrap: "nowrap" }}>
      <span style={{ minWidth: "2.5rem" }}>{percentOf(share)}</span>
      <div className="bar" role="img" aria-label={`${label}: ${percentOf(share)}`} style={{ flex: 1 }}>
        <span style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
      </div>
    </div>
  );
}

const share = percentOf;

/**
 * A group as a reader should see it: raw codes from an imported source (such as MAI's
 * `DATA_EXPIRED`) said in words, the code kept beside them.
 */
function groupName(group: string | null): string {
  if (group === null) return t("legit.noAnswer");
  if (group === "DATA_EXPIRED") return `${t("legit.dataExpired")} (DATA_EXPIRED)`;
  return group;
}

/** How many took part, and what share felt represented and think the process fair, by group. */
export function LegitimacyFigures({ data }: { data: Legitimacy }) {
  const { overall } = data;
  return (
    <section aria-labelledby="legitimacy-heading">
      <h2 id="legitimacy-heading">{t("legit.heading")}</h2>
      <ul className="figures">
        <li>
          <span className="figure-value">{formatNumber(overall.participants)}</span> {t("legit.tookPart")}
        </li>
        <li>
          <span className="figure-value">{formatNumber(overall.surveyed)}</span> {t("legit.surveyed")}
        </li>
        <li>
          <span className="figure-value">{share(overall.represented.share)}</span> {t("legit.represented")}
        </li>
        <li>
          <span className="figure-value">{share(overall.fair.share)}</span> {t("legit.fair")}
        </li>
      </ul>
      <p className="small muted">{t("legit.sharesNote")}</p>
      {overall.surveyed === 0 && <p className="notice">{t("legit.noSurvey")}</p>}
      {data.groupBy && data.groups.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
          <table>
            <caption className="small muted" style={{ textAlign: "left", captionSide: "top", paddingBottom: "0.25rem" }}>
              {t("legit.by", { groupBy: data.groupBy.replaceAll("_", " ") })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("results.group")}</th>
                <th scope="col" className="num">{t("legit.colTookPart")}</th>
                <th scope="col" className="num">{t("legit.colAnswered")}</th>
                <th scope="col">{t("legit.colRepresented")}</th>
                <th scope="col">{t("legit.colFair")}</th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) =>
                "hidden" in g ? (
                  <tr key={g.group ?? "(no answer)"}>
                    <th scope="row">{groupName(g.group)}</th>
                    <td colSpan={4} className="muted">
                      {data.minGroupSize === null ? t("legit.hidden") : t("legit.fewer", { min: data.minGroupSize })}
                    </td>
                  </tr>
                ) : (
                <tr key={g.group ?? "(no answer)"}>
                  <th scope="row">{groupName(g.group)}</th>
                  <td className="num">{formatNumber(g.participants)}</td>
                  <td className="num">{formatNumber(g.surveyed)}</td>
                  <td>
                    <Bar share={g.represented.share} label={`${groupName(g.group)}, ${t("legit.represented")}`} />
                  </td>
                  <td>
                    <Bar share={g.fair.share} label={`${groupName(g.group)}, ${t("legit.fair")}`} />
                  </td>
                </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
