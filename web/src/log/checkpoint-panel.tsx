import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { formatDate, formatNumber } from "../i18n/i18n.ts";
import type { AsyncState } from "../lib/use-async.ts";
import type { LatestCheckpoint } from "./log-api.ts";
import { decodeBase64, encodeHex } from "../../../src/core/log/index.ts";
import { t } from "../i18n/i18n.ts";

export interface CheckedCheckpoint {
  latest: LatestCheckpoint;
  key: string;
  signed: boolean;
}

/** The latest signed checkpoint, with whether its signature verified here in the browser. */
export function CheckpointPanel({ state }: { state: AsyncState<CheckedCheckpoint> }) {
  if (state.status === "failed") return <ErrorNotice error={state.error} title={t("log.cpFailed")} />;
  if (!state.data) return <Loading label={t("log.cpReading")} />;
  const { latest, key, signed } = state.data;
  const root = decodeBase64(latest.root);
  return (
    <section aria-labelledby="checkpoint-heading" className="panel">
      <h2 id="checkpoint-heading" style={{ marginTop: 0 }}>
        {t("log.cpHeading")}
      </h2>
      <ul className="figures">
        <li>
          <span className="figure-value">{formatNumber(latest.size)}</span> {t("log.cpEntries")}
        </li>
        <li>
          <span className="figure-value" style={{ fontSize: "1rem" }}>{formatDate(latest.signedAt)}</span> {t("log.cpSigned")}
        </li>
      </ul>
      <p>
        {t("log.cpHead")} <code>{root ? encodeHex(root) : latest.root}</code>
      </p>
      <p className={signed ? "notice success" : "notice error"} role="status">
        {signed
          ? t("log.cpGood")
          : t("log.cpBad")}
      </p>
      <p className="small">
        {t("log.key")} <code>{key}</code>. {t("log.keyCompare")}
      </p>
      <details>
        <summary>{t("log.cpSignedNote")}</summary>
        <pre className="mono small" style={{ whiteSpace: "pre-wrap" }}>{latest.checkpoint}</pre>
      </details>
    </section>
  );
}
