import { useEffect, useState } from "react";
import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { fetchEntries, fetchInclusionProof, type LogLine } from "./log-api.ts";
import { decodeBase64 } from "../../../src/core/log/index.ts";
import { checkInclusion, readLogKey, type InclusionCheck } from "./check-inclusion.ts";
import { t } from "../i18n/i18n.ts";

interface Result {
  line: LogLine;
  size: number;
  check: InclusionCheck;
}

function Verdict({ ok, yes, no }: { ok: boolean | null; yes: string; no: string }) {
  if (ok === null) return null;
  return (
    <li>
      <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
      <span className={ok ? undefined : "field-error"}>{ok ? yes : no}</span>
    </li>
  );
}

/** Reads one entry and its inclusion proof from the API, then verifies both in the browser. */
export function EntryCheck({ index, verifierKey }: { index: number; verifierKey: string }) {
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    let live = true;
    setResult(null);
    setFailure(undefined);
    (async () => {
      const [{ entries }, proof] = await Promise.all([fetchEntries(index, index + 1), fetchInclusionProof(index)]);
      const key = readLogKey(verifierKey);
      const line = entries[0];
      if (!line) throw new Error(`the log has no entry ${index}`);
      if (!key) throw new Error("the log's verifier key is malformed");
      if (!proof.checkpoint) throw new Error(`no signed checkpoint of size ${proof.size} was found`);
      const leaf = decodeBase64(line.leaf) ?? undefined;
      const check = checkInclusion({ key, checkpoint: proof.checkpoint, index, leafHash: proof.leafHash, proof: proof.inclusionProof, ...(leaf && { leaf }) });
      if (live) setResult({ line, size: proof.size, check });
    })().catch((error: unknown) => live && setFailure(error));
    return () => {
      live = false;
    };
  }, [index, verifierKey]);
  if (failure) return <ErrorNotice error={failure} title={t("log.entryFailed", { index: String(index) })} />;
  if (!result) return <Loading label={t("log.entryChecking", { index: String(index) })} />;
  const { line, size, check } = result;
  const all = check.signed && check.included && check.leafMatches !== false;
  return (
    <section aria-labelledby="entry-heading" className="panel">
      <h2 id="entry-heading" style={{ marginTop: 0 }}>
        {t("log.entryHeading", { index: String(index) })}: {line.entry.kind}
      </h2>
      <p className={all ? "notice success" : "notice error"} role="status">
        {all
          ? t("log.entryGood", { index: String(index), size })
          : t("log.entryBad", { index: String(index) })}
      </p>
      <ul className="plain-list small">
        <Verdict ok={check.leafMatches} yes={t("log.leafGood")} no={t("log.leafBad")} />
        <Verdict ok={check.included} yes={t("log.proofGood")} no={t("log.proofBad")} />
        <Verdict ok={check.signed} yes={t("log.sigGood")} no={t("log.sigBad")} />
      </ul>
      <details open>
        <summary>{t("log.theEntry")}</summary>
        <pre className="mono small" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{JSON.stringify(line.entry, null, 2)}</pre>
      </details>
    </section>
  );
}
