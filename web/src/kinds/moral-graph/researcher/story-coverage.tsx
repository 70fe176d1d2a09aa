import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { t } from "../../../i18n/i18n.ts";
import { api } from "../../../lib/api.ts";
import { useAsync } from "../../../lib/use-async.ts";
import type { components } from "../../../api/openapi.d.ts";

type Coverage = components["schemas"]["StoryCoverage"];

const LISTED = 12;

/** Which contexts still lack stories: the values no story names there, and the pairs told one way only. */
export function StoryCoverageView({ campaignId, version, onPick }: { campaignId: string; version: number; onPick: (from: string, to: string, context: string) => void }) {
  const coverage = useAsync((signal) => api<Coverage>(`/campaigns/${encodeURIComponent(campaignId)}/stories/coverage`, { signal }), [campaignId, version]);
  if (coverage.status === "loading" && !coverage.data) return <Loading />;
  if (!coverage.data) return <ErrorNotice error={coverage.error} />;
  return (
    <section aria-labelledby="coverage-heading">
      <h3 id="coverage-heading">{t("stories.coverageHeading")}</h3>
      <p>{t("stories.coverageIntro", { values: coverage.data.values })}</p>
      <ul className="plain-list coverage">
        {coverage.data.contexts.map((c) => (
          <li key={c.id}>
            <details open={c.stories === 0 || c.oneWay.count > 0 || c.valuesWithout.count > 0}>
              <summary>
                <strong>{c.name}</strong>: {t("stories.contextLine", { count: c.stories, without: c.valuesWithout.count, oneWay: c.oneWay.count })}
              </summary>
              {c.valuesWithout.count > 0 && (
                <>
                  <p className="small">{t("stories.valuesWithout", { count: c.valuesWithout.count })}</p>
                  <p className="small muted">
                    {c.valuesWithout.values.slice(0, LISTED).map((v) => v.title).join(" · ")}
                    {c.valuesWithout.count > LISTED ? ` · ${t("stories.andMore", { count: c.valuesWithout.count - LISTED })}` : ""}
                  </p>
                </>
              )}
              {c.oneWay.count > 0 && (
                <>
                  <p className="small">{t("stories.oneWay", { count: c.oneWay.count })}</p>
                  <ul className="small">
                    {c.oneWay.pairs.slice(0, LISTED).map((p) => (
                      <li key={`${p.from.id}>${p.to.id}`}>
                        {p.from.title} → {p.to.title}{" "}
                        <button type="button" className="quiet" onClick={() => onPick(p.to.id, p.from.id, c.id)}>
                          {t("stories.writeOther")}
                          <span className="visually-hidden">: {p.to.title} → {p.from.title}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
