import type { components } from "../../../api/openapi.d.ts";
import { count, percent } from "../../../lib/format.ts";
import { t } from "../../../i18n/i18n.ts";

export type Legitimacy = components["schemas"]["Legitimacy"];

function Bar({ share, label }: { share: number | null; label: string }) {
  return (
    <div className="row" style={{ alignItems: "center", gap: "0.5rem", flexWrap: "nowrap" }}>
      <span style={{ minWidth: "2.5rem" }}>{percent(share)}</span>
      <div className="bar" role="img" aria-label={`${label}: ${percent(share)}`} style={{ flex: 1 }}>
        <span style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
      </div>
    </div>
  );
}

/** How many took part, and what share felt represented and think the process fair, by group. */
export function LegitimacyFigures({ data }: { data: Legitimacy }) {
  const { overall } = data;
  return (
    <section aria-labelledby="legitimacy-heading">
      <h2 id="legitimacy-heading">Who took part, and do they trust the result?</h2>
      <ul className="figures">
        <li>
          <span className="figure-value">{count(overall.participants)}</span> took part
        </li>
        <li>
          <span className="figure-value">{count(overall.surveyed)}</span> answered the closing survey
        </li>
        <li>
          <span className="figure-value">{percent(overall.represented.share)}</span> felt represented
        </li>
        <li>
          <span className="figure-value">{percent(overall.fair.share)}</span> think the process fair
        </li>
      </ul>
      <p className="small muted">Shares are of those who answered the survey; 4 or 5 on a scale of 1 to 5 counts as yes.</p>
      {data.groupBy && data.groups.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
          <table>
            <caption className="small muted" style={{ textAlign: "left", captionSide: "top", paddingBottom: "0.25rem" }}>
              By {data.groupBy.replaceAll("_", " ")}
            </caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col" className="num">Took part</th>
                <th scope="col" className="num">Answered</th>
                <th scope="col">Felt represented</th>
                <th scope="col">Think it fair</th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) =>
                "hidden" in g ? (
                  <tr key={g.group ?? "(no answer)"}>
                    <th scope="row">{g.group ?? "No answer"}</th>
                    <td colSpan={4} className="muted">
                      {data.minGroupSize === null ? "Hidden" : `Fewer than ${data.minGroupSize} people, or hidden so that a small group cannot be worked out`}
                    </td>
                  </tr>
                ) : (
                <tr key={g.group ?? "(no answer)"}>
                  <th scope="row">{g.group ?? "No answer"}</th>
                  <td className="num">{count(g.participants)}</td>
                  <td className="num">{count(g.surveyed)}</td>
                  <td>
                    <Bar share={g.represented.share} label={`${g.group ?? "No answer"}, felt represented`} />
                  </td>
                  <td>
                    <Bar share={g.fair.share} label={`${g.group ?? "No answer"}, think it fair`} />
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
