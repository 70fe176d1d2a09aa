import { useState, type FormEvent } from "react";
import { TextArea } from "../components/fields.tsx";
import { formatNumber, t } from "../i18n/i18n.ts";
import { checkInclusion, readLogKey, type InclusionCheck } from "./check-inclusion.ts";

interface ReceiptFields {
  index: number;
  leafHash: string;
  inclusionProof: string[];
  checkpoint: string;
}

interface Checked {
  label: string;
  index: number;
  result: InclusionCheck;
}

const isReceipt = (x: unknown): x is ReceiptFields => {
  const r = x as Partial<ReceiptFields> | null;
  return typeof r === "object" && r !== null && typeof r.index === "number" && typeof r.leafHash === "string" && Array.isArray(r.inclusionProof) && typeof r.checkpoint === "string";
};

/**
 * The receipts in what a contributor kept: one receipt, a `{what, receipt}` pair, or the file the
 * closing page downloads (a list of such pairs). Null when it holds none.
 */
export function receiptsIn(parsed: unknown): { label: string | null; receipt: ReceiptFields }[] | null {
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const found = items.map((item) => {
    if (isReceipt(item)) return { label: null, receipt: item };
    const pair = item as { what?: unknown; receipt?: unknown } | null;
    if (typeof pair === "object" && pair !== null && isReceipt(pair.receipt)) return { label: typeof pair.what === "string" ? pair.what : null, receipt: pair.receipt };
    return null;
  });
  return found.length > 0 && found.every((f) => f !== null) ? (found) : null;
}

/** The closing page keeps each receipt under what it was for. */
const labelOf = (what: string | null) =>
  what === "joined" ? t("closing.joined") : what === "card" ? t("closing.yourCard") : what === "vote" ? t("closing.aVote") : what === "survey" ? t("closing.survey") : t("closing.contribution");

const verdict = (result: InclusionCheck) =>
  result.signed && result.included
    ? t("log.receiptVerified", { size: formatNumber(result.checkpoint!.size) })
    : !result.signed
      ? t("log.receiptUnsigned")
      : t("log.receiptNotIncluded");

/** Verifies receipts as a contributor kept them, pasted or as the downloaded file, in the browser. */
export function ReceiptCheck({ verifierKey }: { verifierKey: string }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [results, setResults] = useState<Checked[] | null>(null);
  const check = (input: string) => {
    setResults(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      return setError(t("log.receiptNotJson"));
    }
    const receipts = receiptsIn(parsed);
    if (!receipts) return setError(t("log.receiptFields"));
    const key = readLogKey(verifierKey);
    if (!key) return setError(t("log.keyMalformed"));
    setError(undefined);
    setResults(
      receipts.map(({ label, receipt }) => ({
        label: labelOf(label),
        index: receipt.index,
        result: checkInclusion({ key, index: receipt.index, leafHash: receipt.leafHash, proof: receipt.inclusionProof.map(String), checkpoint: receipt.checkpoint }),
      })),
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check(text);
  };
  const all = results !== null && results.every((r) => r.result.signed && r.result.included);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{t("log.receiptHeading")}</h2>
      <p>{t("log.receiptIntro")}</p>
      <div className="field">
        <label htmlFor="receipt-file">{t("log.receiptFile")}</label>
        <input
          id="receipt-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void file.text().then((content) => {
              setText(content);
              check(content);
            });
          }}
        />
      </div>
      <TextArea label={t("log.receiptPaste")} value={text} onChange={(e) => setText(e.target.value)} error={error} rows={5} spellCheck={false} className="mono" />
      <button type="submit">{t("log.receiptCheck")}</button>
      {results && (
        <div className={all ? "notice success" : "notice error"} role="status">
          <p>
            <strong>{all ? t("log.receiptsAllVerified", { count: results.length }) : t("log.receiptsSomeFailed", { count: results.filter((r) => !(r.result.signed && r.result.included)).length })}</strong>
          </p>
          <ul>
            {results.map((r, i) => (
              <li key={i}>
                {r.label}, {t("closing.entry", { index: String(r.index) })}: {verdict(r.result)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
