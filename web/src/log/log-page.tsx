import { useState, type FormEvent } from "react";
import { TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { date } from "../lib/format.ts";
import { navigate, useLocation, usePageTitle } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { CheckpointPanel, type CheckedCheckpoint } from "./checkpoint-panel.tsx";
import { EntryCheck } from "./entry-check.tsx";
import { fetchEntries, fetchLatestCheckpoint, fetchVerifierKey } from "./log-api.ts";
import { ReceiptCheck } from "./receipt-check.tsx";
import { openLogCheckpoint, readLogKey } from "./check-inclusion.ts";
import { t } from "../i18n/i18n.ts";

const RECENT = 15;

async function loadCheckpoint(signal: AbortSignal): Promise<CheckedCheckpoint> {
  const [latest, key] = await Promise.all([fetchLatestCheckpoint(signal), fetchVerifierKey(signal)]);
  const logKey = readLogKey(key);
  const opened = logKey && openLogCheckpoint(latest.checkpoint, logKey);
  const signed = opened !== null && opened.size === latest.size;
  return { latest, key, signed };
}

/** The public log: its latest checkpoint, any entry with its proof verified in the browser, and receipts. */
export default function LogPage() {
  usePageTitle("Contribution log");
  const { query } = useLocation();
  const asked = query.get("index");
  const index = asked !== null && /^\d+$/.test(asked) ? Number(asked) : null;
  const checkpoint = useAsync((signal) => loadCheckpoint(signal), []);
  const size = checkpoint.data?.latest.size ?? 0;
  const recent = useAsync(
    checkpoint.data ? (signal) => fetchEntries(Math.max(0, size - RECENT), size, signal).then((p) => p.entries.reverse()) : null,
    [size],
  );
  const [wanted, setWanted] = useState(asked ?? "");
  const [error, setError] = useState<string>();
  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(wanted.trim());
    if (!/^\d+$/.test(wanted.trim()) || n >= size) return setError(`Give an entry number from 0 to ${Math.max(0, size - 1)}.`);
    setError(undefined);
    navigate(`/log?index=${n}`);
  };
  return (
    <>
      <h1>Contribution log</h1>
      <p className="lede">
        Every contribution and every administrative action (merges, moderation, settings) is an entry in an append-only
        Merkle log. Anyone can check that an entry is in it, and that the log was never rewritten.
      </p>
      <CheckpointPanel state={checkpoint} />
      {checkpoint.data && (
        <>
          <form onSubmit={lookUp} noValidate className="row">
            <TextField label="Entry number" inputMode="numeric" value={wanted} onChange={(e) => setWanted(e.target.value)} error={error} />
            <button type="submit" style={{ marginBottom: "1rem" }}>
              Look up and verify
            </button>
          </form>
          {index !== null && index < size && <EntryCheck index={index} verifierKey={checkpoint.data.key} />}
          {index !== null && index >= size && (
            <p className="notice">Entry {index} is newer than the latest checkpoint; the next checkpoint will cover it.</p>
          )}
          <h2>Latest entries</h2>
          <ErrorNotice error={recent.error} />
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">Entry</th>
                  <th scope="col">Kind</th>
                  <th scope="col">When</th>
                  <th scope="col"><span className="visually-hidden">Verify</span></th>
                </tr>
              </thead>
              <tbody>
                {recent.data?.map((line) => (
                  <tr key={line.index}>
                    <td className="num">{line.index}</td>
                    <td>{line.entry.kind}</td>
                    <td>{typeof line.entry.time === "string" ? date(line.entry.time) : ""}</td>
                    <td>
                      <button type="button" className="quiet" onClick={() => navigate(`/log?index=${line.index}`)}>
                        Verify<span className="visually-hidden"> entry {line.index}</span>
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
