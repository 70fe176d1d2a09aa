import { useState, type FormEvent } from "react";
import { RadioGroup, TextField } from "../../../components/fields.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { ValuesCard } from "../values-card.tsx";
import type { MergeProposal } from "../../../lib/types.ts";
import { formatNumber, t } from "../../../i18n/i18n.ts";

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
  const [reason, setReason] = useState(() => t("cards.defaultReason"));
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!keep) return setError(t("cards.errKeep"));
    if (!reason.trim()) return setError(t("cards.errReason"));
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
    <form onSubmit={(event) => void submit(event)} noValidate className="panel" aria-label={t("cards.mergeForm", { a: a.title, b: b.title })}>
      <p className="small muted">{t("cards.similarity", { share: formatNumber(proposal.similarity, { style: "percent" }) })}</p>
      <div className="pair">
        <ValuesCard card={a} heading="h4" />
        <ValuesCard card={b} heading="h4" />
      </div>
      <RadioGroup
        legend={t("cards.keepWhich")}
        name={`keep-${a.id}-${b.id}`}
        options={[
          { value: a.id, label: t("cards.keep", { title: a.title }) },
          { value: b.id, label: t("cards.keep", { title: b.title }) },
        ]}
        value={keep}
        onChange={(v) => {
          setKeep(v);
          setError(undefined);
        }}
      />
      <TextField label={t("cards.reason")} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      {error && <p className="field-error">{error}</p>}
      <ErrorNotice error={failure} title={t("cards.notMerged")} />
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
