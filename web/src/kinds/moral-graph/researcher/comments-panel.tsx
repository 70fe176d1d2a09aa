import { useState } from "react";
import { TextField } from "../../../components/fields.tsx";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { formatDate, t } from "../../../i18n/i18n.ts";
import { api } from "../../../lib/api.ts";
import type { Campaign } from "../../../lib/types.ts";
import { useAsync } from "../../../lib/use-async.ts";
import type { components } from "../../../api/openapi.d.ts";

type Comments = components["schemas"]["Comments"];

const relationshipLabel = (r: string) => (r === "upgrade" ? t("judge.yes") : r === "no_upgrade" ? t("judge.no") : t("judge.notSure"));

/** What participants wrote beside their answers: the reasons given with votes, and the survey's comments. */
export function CommentsPanel({ campaign }: { campaign: Campaign }) {
  const comments = useAsync(
    (signal) => api<Comments>(`/campaigns/${encodeURIComponent(campaign.id)}/comments`, { signal }),
    [campaign.id],
  );
  const [filter, setFilter] = useState("");
  if (comments.status === "loading") return <Loading />;
  if (!comments.data) return <ErrorNotice error={comments.error} />;
  const needle = filter.trim().toLowerCase();
  const matches = (...texts: string[]) => !needle || texts.some((x) => x.toLowerCase().includes(needle));
  const votes = comments.data.votes.filter((v) => matches(v.comment, v.from, v.to, v.context));
  const survey = comments.data.survey.filter((s) => matches(s.comment));
  return (
    <>
      <p>{t("comments.intro")}</p>
      <TextField label={t("comments.filter")} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <h3>{t("comments.votesHeading", { count: votes.length })}</h3>
      {votes.length === 0 ? (
        <p className="muted">{t("comments.noVotes")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
          <table>
            <caption className="visually-hidden">{t("comments.votesHeading", { count: votes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("comments.comment")}</th>
                <th scope="col">{t("comments.story")}</th>
                <th scope="col">{t("comments.answer")}</th>
                <th scope="col">{t("comments.participant")}</th>
                <th scope="col">{t("comments.when")}</th>
              </tr>
            </thead>
            <tbody>
              {votes.map((v) => (
                <tr key={v.id}>
                  <td>{v.comment}</td>
                  <td className="small">
                    {v.from} → {v.to}
                    <br />
                    <span className="context-tag">{v.context}</span>
                  </td>
                  <td className="small">{relationshipLabel(v.relationship)}</td>
                  <td className="small">
                    <code>{v.participant}</code>
                  </td>
                  <td className="small">{formatDate(v.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("comments.surveyHeading", { count: survey.length })}</h3>
      {survey.length === 0 ? (
        <p className="muted">{t("comments.noSurvey")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
          <table>
            <caption className="visually-hidden">{t("comments.surveyHeading", { count: survey.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("comments.comment")}</th>
                <th scope="col" className="num">{t("comments.represented")}</th>
                <th scope="col" className="num">{t("comments.fair")}</th>
                <th scope="col">{t("comments.participant")}</th>
                <th scope="col">{t("comments.when")}</th>
              </tr>
            </thead>
            <tbody>
              {survey.map((s) => (
                <tr key={s.participant}>
                  <td>{s.comment}</td>
                  <td className="num">{s.represented}</td>
                  <td className="num">{s.fair}</td>
                  <td className="small">
                    <code>{s.participant}</code>
                  </td>
                  <td className="small">{formatDate(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
