import { useState } from "react";
import { ErrorNotice } from "../components/notice.tsx";
import { apiBlob } from "../lib/api.ts";
import { saveBlob } from "../lib/download.ts";
import type { Campaign } from "../lib/types.ts";

const FORMATS = [
  {
    format: "polyphony",
    label: "Polyphony moral graph (JSON)",
    about: "Cards (merged ones with where they went), merges, stories, and both methods' scores, per context. No participant is named.",
  },
  {
    format: "mai",
    label: "Meaning Alignment Institute viewer (JSON)",
    about: "The shape MAI's moral-graph viewer reads: values with pageRank and edges with MAI's counters.",
  },
] as const;

/** Downloads of the campaign's data. */
export function ExportPanel({ campaign }: { campaign: Campaign }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const download = async (format: string) => {
    setBusy(format);
    setFailure(undefined);
    try {
      const blob = await apiBlob(`/campaigns/${encodeURIComponent(campaign.id)}/export?format=${format}`, {});
      saveBlob(blob, `${campaign.id}-${format}.json`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <ul className="plain-list">
        {FORMATS.map((f) => (
          <li key={f.format}>
            <p>
              <strong>{f.label}</strong>
              <br />
              <span className="small muted">{f.about}</span>
            </p>
            <button type="button" onClick={() => void download(f.format)} disabled={busy !== null}>
              {busy === f.format ? "Preparing…" : "Download"}
              <span className="visually-hidden"> {f.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={failure} title="The export failed" />
    </>
  );
}
