import { useEffect } from "react";
import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { api } from "../lib/api.ts";
import { count, duration } from "../lib/format.ts";
import type { Campaign } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { t } from "../i18n/i18n.ts";

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

const STEP_LABEL: Record<string, string> = {
  consent: "Agreed to take part",
  demographics: "Answered about themselves",
  question: "Read the question",
  articulate: "Wrote a values card",
  similar: "Compared with similar cards",
  judge: "Judged stories",
  survey: "Reached the results",
  done: "Answered the survey",
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
  if (!s) return stats.status === "failed" ? <ErrorNotice error={stats.error} /> : <Loading label="Loading progress" />;
  const top = Math.max(1, ...s.votesPerContext.map((c) => c.votes));
  const started = Math.max(1, s.funnel[0]?.participants ?? 0);
  return (
    <>
      <p className="small muted" aria-live="polite">
        Updated every {REFRESH_MS / 1000} seconds{stats.status === "failed" ? " (the last update failed)" : ""}.
      </p>
      <ul className="figures">
        <li><span className="figure-value">{count(s.participants)}</span> participants</li>
        <li><span className="figure-value">{count(s.cards)}</span> values cards</li>
        <li><span className="figure-value">{count(s.canonicalCards)}</span> distinct values</li>
        <li><span className="figure-value">{count(s.stories)}</span> upgrade stories</li>
        <li><span className="figure-value">{count(s.votes)}</span> judgments</li>
        <li><span className="figure-value">{count(s.surveys)}</span> surveys</li>
      </ul>
      {s.stories === 0 && s.canonicalCards >= 2 && (
        <p className="notice">
          Participants have no upgrade stories to judge yet. Write some in the <strong>Stories</strong> tab.
        </p>
      )}
      <h3>Judgments per context</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
        <table>
          <thead>
            <tr>
              <th scope="col">Context</th>
              <th scope="col" className="num">Judgments</th>
              <th scope="col"><span className="visually-hidden">Share</span></th>
            </tr>
          </thead>
          <tbody>
            {s.votesPerContext.map((c) => (
              <tr key={c.context.id}>
                <th scope="row">{c.context.name}</th>
                <td className="num">{count(c.votes)}</td>
                <td style={{ width: "40%" }}><Bar part={c.votes} whole={top} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Completion funnel</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
        <table>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" className="num">Participants</th>
              <th scope="col" className="num">Median time to reach</th>
              <th scope="col"><span className="visually-hidden">Share of those who started</span></th>
            </tr>
          </thead>
          <tbody>
            {s.funnel.map((f) => (
              <tr key={f.step}>
                <th scope="row">{STEP_LABEL[f.step] ?? f.step}</th>
                <td className="num">{count(f.participants)}</td>
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
