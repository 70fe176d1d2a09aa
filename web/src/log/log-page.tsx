import { useState, type FormEvent } from "react";
import { TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { navigate, useLocation, usePageTitle } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { CheckpointPanel, type CheckedCheckpoint } from "./checkpoint-panel.tsx";
import { EntryCheck } from "./entry-check.tsx";
import { fetchEntries, fetchLatestCheckpoint, fetchVerifierKey } from "./log-api.ts";
import { ReceiptCheck } from "./receipt-check.tsx";
import { openLogCheckpoint, readLogKey } from "./check-inclusion.ts";
import { formatDate, t } from "../i18n/i18n.ts";
import { describeKind } from "./entry-kinds.ts";

const RECENT = 15;
/** How far back a campaign's entries are looked for: the latest entries of the log, a page of them. */
const SEARCHED = 1000;

async function loadCheckpoint(signal: AbortSignal): Promise<CheckedCheckpoint> {
  const [latest, key] = await Promise.all([fetchLatestCheckpoint(signal), fetchVerifierKey(signal)]);
  const logKey = readLogKey(key);
  const opened = logKey && openLogCheckpoint(latest.checkpoint, logKey);
  const signed = opened !== null && opened.size === latest.size;
  return { latest, key, signed };
}

/** The public log: its latest checkpoint, any entry with its proof verified in the browser, and receipts. */
export default function LogPage() {
  usePageTitle(t("log.title"));
  const { query } = useLocation();
  const campaign = query.get("campaign")?.trim() || null;
  const [campaignText, setCampaignText] = useState(campaign ?? "");
  const asked = query.get("index");
  const index = asked !== null && /^\d+$/.test(asked) ? Number(asked) : null;
  const checkpoint = useAsync((signal) => loadCheckpoint(signal), []);
  const size = checkpoint.data?.latest.size ?? 0;
  const recent = useAsync(
    checkpoint.data
      ? (signal) =>
          fetchEntries(Math.max(0, size - (campaign ? SEARCHED : RECENT)), size, signal).then((p) =>
            p.entries.filter((line) => !campaign || line.entry.campaign === campaign).reverse().slice(0, campaign ? SEARCHED : RECENT),
          )
      : null,
    [size, campaign],
  );
  const filter = (event: FormEvent) => {
    event.preventDefault();
    const id = campaignText.trim();
    navigate(id ? `/log?campaign=${encodeURIComponent(id)}` : "/log", { replace: true, keepScroll: true });
  };
  const [wanted, setWanted] = useState(asked ?? "");
  const [error, setError] = useState<string>();
  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(wanted.trim());
    if (!/^\d+$/.test(wanted.trim()) || n >= size) return setError(t("log.errIndex", { last: Math.max(0, size - 1) }));
    setError(undefined);
    navigate(`/log?index=${n}`);
  };
  return (
    <>
      <h1>{t("log.title")}</h1>
      <p className="lede">{t("log.lede")}</p>
      <p>{t("log.plain")}</p>
      <CheckpointPanel state={checkpoint} />
      {checkpoint.data && (
        <>
          <form onSubmit={lookUp} noValidate className="row">
            <TextField label={t("log.entryNumber")} inputMode="numeric" value={wanted} onChange={(e) => setWanted(e.target.value)} error={error} />
            <button type="submit" style={{ marginBottom: "1rem" }}>
              {t("log.lookUp")}
            </button>
          </form>
          {index !== null && index < size && <EntryCheck index={index} verifierKey={checkpoint.data.key} />}
          {index !== null && index >= size && (
            <p className="notice">{t("log.newer", { index: String(index) })}</p>
          )}
          <h2>{campaign ? t("log.campaignEntries", { campaign }) : t("log.latest")}</h2>
          <form onSubmit={filter} noValidate className="row">
            <TextField label={t("log.filterCampaign")} hint={t("log.filterHint")} value={campaignText} onChange={(e) => setCampaignText(e.target.value)} />
            <button type="submit" className="secondary" style={{ marginBottom: "1rem" }}>
              {t("log.filter")}
            </button>
          </form>
          {campaign && recent.data && (
            <p className="small muted">{t("log.filtered", { count: recent.data.length, searched: Math.min(size, SEARCHED) })}</p>
          )}
          <ErrorNotice error={recent.error} />
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">{t("log.entry")}</th>
                  <th scope="col">{t("log.what")}</th>
                  <th scope="col">{t("log.campaign")}</th>
                  <th scope="col">{t("log.when")}</th>
                  <th scope="col"><span className="visually-hidden">{t("log.verify")}</span></th>
                </tr>
              </thead>
              <tbody>
                {recent.data?.map((line) => (
                  <tr key={line.index}>
                    <td className="num">{line.index}</td>
                    <td>{describeKind(line.entry.kind)}</td>
                    <td className="small">
                      {line.entry.campaign ? (
                        <button type="button" className="quiet" onClick={() => navigate(`/log?campaign=${encodeURIComponent(line.entry.campaign!)}`, { keepScroll: true })}>
                          <code>{line.entry.campaign}</code>
                        </button>
                      ) : (
                        "–"
                      )}
                    </td>
                    <td>{typeof line.entry.time === "string" ? formatDate(line.entry.time) : ""}</td>
                    <td>
                      <button type="button" className="quiet" onClick={() => navigate(`/log?index=${line.index}`)}>
                        {t("log.verify")}
                        <span className="visually-hidden"> {t("closing.entry", { index: String(line.index) })}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ReceiptCheck verifierKey={checkpoint.data.key} />
        </>
      )}
    </>
  );
}
