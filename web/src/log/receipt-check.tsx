import { useState, type FormEvent } from "react";
import { TextArea } from "../components/fields.tsx";
import { checkInclusion, readLogKey, type InclusionCheck } from "./check-inclusion.ts";

/** Verifies a receipt a contributor kept (index, leaf hash, inclusion proof, signed checkpoint). */
export function ReceiptCheck({ verifierKey }: { verifierKey: string }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<InclusionCheck | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const notJson = "Paste the receipt exactly as you received it: a JSON object.";
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return setError(notJson);
    }
    if (typeof parsed !== "object" || parsed === null) return setError(notJson);
    const { index, leafHash, inclusionProof, checkpoint } = parsed as { index?: unknown; leafHash?: unknown; inclusionProof?: unknown; checkpoint?: unknown };
    if (typeof index !== "number" || typeof leafHash !== "string" || !Array.isArray(inclusionProof) || typeof checkpoint !== "string") {
      return setError("A receipt has index, leafHash, inclusionProof and checkpoint.");
    }
    const key = readLogKey(verifierKey);
    if (!key) return setError("The log's verifier key is malformed.");
    setError(undefined);
    setResult(checkInclusion({ key, index, leafHash, proof: inclusionProof.map(String), checkpoint }));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">Check a receipt</h2>
      <p>Each contribution comes with a receipt. Paste one to check, here in your browser, that the log includes it.</p>
      <TextArea label="Receipt (JSON)" value={text} onChange={(e) => setText(e.target.value)} error={error} rows={5} spellCheck={false} className="mono" />
      <button type="submit">Check the receipt</button>
      {result && (
        <p className={result.signed && result.included ? "notice success" : "notice error"} role="status">
          {result.signed && result.included
            ? `Verified: the receipt's entry is in the log's signed tree of ${result.checkpoint!.size.toLocaleString("en")} entries.`
            : !result.signed
              ? "Not verified: the receipt's checkpoint is not signed by this log's key."
              : "Not verified: the inclusion proof does not lead to the checkpoint's tree head."}
        </p>
      )}
    </form>
  );
}
