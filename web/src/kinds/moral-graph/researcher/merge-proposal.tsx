import { useState, type FormEvent } from "react";
import { RadioGroup, TextField } from "../../../components/fields.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { ValuesCard } from "../values-card.tsx";
import type { MergeProposal } from "../../../lib/types.ts";
import { t } from "../../../i18n/i18n.ts";

/** Two similar cards side by side; the researcher picks the one to keep and gives a reason. */
export function MergeProposalForm({
  proposal,
  onMerge,
  onDismiss,
}: {
  proposal: MergeProposal;
  onMerge: (into: string, from: string, reason: string) => Promise<void>;
  /** Records that the two cards are distinct: the pair is no longer proposed. */
  onDismiss: () => Promise<void>;
}) {
  const [a, b] = proposal.cards;
  const [keep, setKeep] = useState<string | null>(null);
  const [reason, setReason] = useState("The same value in different words");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!keep) return setError("Choose the card to keep.");
    if (!reason.trim()) return setError("Give a reason: it is kept with the merge.");
    setBusy(true);
    setFailure(undefined);
    try {
      await onMerge(keep, keep === a.id ? b.id : a.id, reason.trim());
    } catch (e) {
      setFailure(e);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="panel" aria-label={`Merge “${a.title}” and “${b.title}”`}>
      <p className="small muted">Similarity {Math.round(proposal.similarity * 100)}%</p>
      <div className="pair">
        <ValuesCard card={a} heading="h4" />
        <ValuesCard card={b} heading="h4" />
      </div>
      <RadioGroup
        legend="Keep which card? The other is merged into it, and its votes count for it."
        name={`keep-${a.id}-${b.id}`}
        options={[
          { value: a.id, label: `Keep “${a.title}”` },
          { value: b.id, label: `Keep “${b.title}”` },
        ]}
        value={keep}
        onChange={(v) => {
          setKeep(v);
          setError(undefined);
        }}
      />
      <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      {error && <p className="field-error">{error}</p>}
      <ErrorNotice error={failure} title="The cards were not merged" />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("cards.merging") : t("cards.merge")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setFailure(undefined);
            onDismiss().catch((e: unknown) => {
              setFailure(e);
              setBusy(false);
            });
          }}
        >
          {t("cards.dismiss")}
        </button>
      </div>
    </form>
  );
}
