import { useEffect } from "react";
import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { api } from "../lib/api.ts";
import { duration } from "../lib/format.ts";
import type { Campaign } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { formatNumber, t } from "../i18n/i18n.ts";

interface Stats {
  participants: number;
  cards: number;
  canonicalCards: number;
  votes: number;
  votesPerContext: { context: { id: string; name: string }; votes: number }[];
  stories: number;
  surveys: number;
  funnel: { step: string; participants: number; medianSeconds: number | null }[];
}

const stepLabel = (step: string): string => {
  const labels: Record<string, string> = {
    consent: t("progress.consent"),
    demographics: t("progress.demographics"),
    question: t("progress.question"),
    articulate: t("progress.articulate"),
    similar: t("progress.similar"),
    judge: t("progress.judge"),
    survey: t("progress.survey"),
    done: t("progress.done"),
  };
  return labels[step] ?? step;
};

const REFRESH_MS = 5000;

function Bar({ part, whole }: { part: number; whole: number }) {
  return (
    <div className="bar" aria-hidden="true">
      <span style={{ width: `${whole === 0 ? 0 : Math.round((part / whole) * 100)}%` }} />
    </div>
  );
}

/** Live progress: counts, votes per context and the completion funnel, refreshed every few seconds. */
export function ProgressPanel({ campaign }: { campaign: Campaign }) {
  const stats = useAsync((signal) => api<Stats>(`/campaigns/${encodeURIComponent(campaign.id)}/stats`, { signal }), [campaign.id]);
  const { reload } = stats;
  useEffect(() => {
    const timer = window.setInterval(() => document.visibilityState === "visible" && reload(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const s = stats.data;
  if (!s) return stats.status === "failed" ? <ErrorNotice error={stats.error} /> : <Loading label={t("progress.loading")} />;
  const top = Math.max(1, ...s.votesPerContext.map((c) => c.votes));
  const started = Math.max(1, s.funnel[0]?.participants ?? 0);
  return (
    <>
      <p className="small muted" aria-live="polite">
        {t("progress.updated", { seconds: REFRESH_MS / 1000 })}
        {stats.status === "failed" ? ` ${t("progress.updateFailed")}` : ""}
      </p>
      <ul className="figures">
        <li><span className="figure-value">{formatNumber(s.participants)}</span> {t("progress.participants")}</li>
        <li><span className="figure-value">{formatNumber(s.cards)}</span> {t("progress.cards")}</li>
        <li><span className="figure-value">{formatNumber(s.canonicalCards)}</span> {t("progress.values")}</li>
        <li><span className="figure-value">{formatNumber(s.stories)}</span> {t("progress.stories")}</li>
        <li><span className="figure-value">{formatNumber(s.votes)}</span> {t("progress.votes")}</li>
        <li><span className="figure-value">{formatNumber(s.surveys)}</span> {t("progress.surveys")}</li>
      </ul>
      {s.stories === 0 && s.canonicalCards >= 2 && (
        <p className="notice">
          {t("progress.noStories")}
        </p>
      )}
      <h3>{t("progress.perContext")}</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("results.context")}</th>
              <th scope="col" className="num">{t("progress.judgments")}</th>
              <th scope="col"><span className="visually-hidden">{t("progress.share")}</span></th>
            </tr>
          </thead>
          <tbody>
            {s.votesPerContext.map((c) => (
              <tr key={c.context.id}>
                <th scope="row">{c.context.name}</th>
                <td className="num">{formatNumber(c.votes)}</td>
                <td style={{ width: "40%" }}><Bar part={c.votes} whole={top} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("progress.funnel")}</h3>
      {s.funnel.every((f) => f.participants === 0) && s.participants > 0 && <p className="notice">{t("progress.noFunnel")}</p>}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("progress.step")}</th>
              <th scope="col" className="num">{t("progress.participantsCol")}</th>
              <th scope="col" className="num">{t("progress.median")}</th>
              <th scope="col"><span className="visually-hidden">{t("progress.shareStarted")}</span></th>
            </tr>
          </thead>
          <tbody>
            {s.funnel.map((f) => (
              <tr key={f.step}>
                <th scope="row">{stepLabel(f.step)}</th>
                <td className="num">{formatNumber(f.participants)}</td>
                <td className="num">{duration(f.medianSeconds)}</td>
                <td style={{ width: "30%" }}><Bar part={f.participants} whole={started} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
