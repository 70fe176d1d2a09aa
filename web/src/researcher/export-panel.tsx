import { useState } from "react";
import { ErrorNotice } from "../components/notice.tsx";
import { apiBlob } from "../lib/api.ts";
import { saveBlob } from "../lib/download.ts";
import type { Campaign } from "../lib/types.ts";
import { t } from "../i18n/i18n.ts";

const formats = () =>
  [
    { format: "polyphony", label: t("export.polyphony"), about: t("export.polyphonyAbout") },
    { format: "mai", label: t("export.mai"), about: t("export.maiAbout") },
  ] as const;

/** The tables a researcher re-analyses in R or pandas, one row per record, as CSV or Parquet. */
const TABLES = ["votes", "cards", "participants", "survey", "comments"] as const;

function RawData({ campaign }: { campaign: Campaign }) {
  const base = `/api/v1/campaigns/${encodeURIComponent(campaign.id)}/tables`;
  return (
    <section aria-labelledby="raw-data-heading">
      <h3 id="raw-data-heading">{t("export.rawHeading")}</h3>
      <p>{t("export.rawIntro")}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("export.rawHeading")}>
        <table className="raw-data">
          <thead>
            <tr>
              <th scope="col">{t("export.table")}</th>
              <th scope="col">{t("export.holds")}</th>
              <th scope="col">{t("export.download")}</th>
            </tr>
          </thead>
          <tbody>
            {TABLES.map((table) => (
              <tr key={table}>
                <th scope="row">{t(`export.table.${table}`)}</th>
                <td className="small">{t(`export.about.${table}`)}</td>
                <td>
                  {(["csv", "parquet"] as const).map((format) => (
                    <a key={format} className="button secondary small-button" href={`${base}/${table}?format=${format}`} download={`${campaign.id}-${table}.${format}`}>
                      {format.toUpperCase()}
                      <span className="visually-hidden"> {t(`export.table.${table}`)}</span>
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Downloads of the campaign's data: the raw tables, and the graph in two shapes. */
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
      <RawData campaign={campaign} />
      <h3>{t("export.graphHeading")}</h3>
      <ul className="plain-list">
        {formats().map((f) => (
          <li key={f.format}>
            <p>
              <strong>{f.label}</strong>
              <br />
              <span className="small muted">{f.about}</span>
            </p>
            <button type="button" onClick={() => void download(f.format)} disabled={busy !== null}>
              {busy === f.format ? t("export.preparing") : t("export.download")}
              <span className="visually-hidden"> {f.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={failure} title={t("export.failed")} />
    </>
  );
}
