import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { count, date } from "../lib/format.ts";
import type { AsyncState } from "../lib/use-async.ts";
import type { LatestCheckpoint } from "./log-api.ts";
import { decodeBase64, encodeHex } from "../../../src/core/log/index.ts";

export interface CheckedCheckpoint {
  latest: LatestCheckpoint;
  key: string;
  signed: boolean;
}

/** The latest signed checkpoint, with whether its signature verified here in the browser. */
export function CheckpointPanel({ state }: { state: AsyncState<CheckedCheckpoint> }) {
  if (state.status === "failed") return <ErrorNotice error={state.error} title="The checkpoint could not be read" />;
  if (!state.data) return <Loading label="Reading the latest checkpoint" />;
  const { latest, key, signed } = state.data;
  const root = decodeBase64(latest.root);
  return (
    <section aria-labelledby="checkpoint-heading" className="panel">
      <h2 id="checkpoint-heading" style={{ marginTop: 0 }}>
        Latest checkpoint
      </h2>
      <ul className="figures">
        <li>
          <span className="figure-value">{count(latest.size)}</span> entries
        </li>
        <li>
          <span className="figure-value" style={{ fontSize: "1rem" }}>{date(latest.signedAt)}</span> signed
        </li>
      </ul>
      <p>
        Tree head (SHA-256): <code>{root ? encodeHex(root) : latest.root}</code>
      </p>
      <p className={signed ? "notice success" : "notice error"} role="status">
        {signed
          ? "The log's signature on this checkpoint verified in your browser."
          : "The signature on this checkpoint did NOT verify with the log's key."}
      </p>
      <p className="small">
        Log key: <code>{key}</code>. Compare it with the key the campaign published: a proof only means something if the
        key is the real one.
      </p>
      <details>
        <summary>The signed checkpoint</summary>
        <pre className="mono small" style={{ whiteSpace: "pre-wrap" }}>{latest.checkpoint}</pre>
      </details>
    </section>
  );
}
