import { useState } from "react";
import { SelectField } from "../../../components/fields.tsx";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice, SuccessNotice } from "../../../components/notice.tsx";
import { api } from "../../../lib/api.ts";
import type { Campaign, CanonicalCard, Merge, MergeProposal } from "../../../lib/types.ts";
import { useAsync } from "../../../lib/use-async.ts";
import { MergeHistory } from "./merge-history.tsx";
import { formatNumber, t } from "../../../i18n/i18n.ts";
import { MergeProposalForm } from "./merge-proposal.tsx";

// Averaged word vectors score unrelated cards near 0.9: only pairs closer than that are worth a look by default.
const THRESHOLDS = ["0.98", "0.95", "0.9", "0.85", "0.8"];
const DEFAULT_THRESHOLD = "0.95";

/** Similar cards proposed for merging, and the merges made so far (undoable). */
export function CardsPanel({ campaign }: { campaign: Campaign }) {
  const base = `/campaigns/${encodeURIComponent(campaign.id)}`;
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [message, setMessage] = useState<string>();
  const proposals = useAsync(
    (signal) => api<{ proposals: MergeProposal[]; embedder: string; count: number; dismissed: number }>(`${base}/merge-proposals?threshold=${threshold}&limit=50`, { signal }),
    [base, threshold],
  );
  const merges = useAsync((signal) => api<{ merges: Merge[] }>(`${base}/merges`, { signal }).then((b) => b.merges), [base]);
  const cards = useAsync(
    (signal) => api<{ cards: CanonicalCard[] }>(`${base}/canonical-cards?includeMerged=true`, { signal }).then((b) => b.cards),
    [base],
  );
  const titles = new Map((cards.data ?? []).map((c) => [c.id, c.title]));
  const refresh = () => {
    proposals.reload();
    merges.reload();
    cards.reload();
  };
  return (
    <>
      <p>{t("cards.intro")}</p>
      {message && <SuccessNotice><p>{message}</p></SuccessNotice>}
      <SelectField label={t("cards.howSimilar")} value={threshold} onChange={(e) => setThreshold(e.target.value)}>
        {THRESHOLDS.map((x) => (
          <option key={x} value={x}>
            {t("cards.orMore", { share: formatNumber(Number(x), { style: "percent" }) })}
          </option>
        ))}
      </SelectField>
      <h3>{proposals.data ? t("cards.proposedCount", { count: proposals.data.count }) : t("cards.proposed")}</h3>
      {proposals.data && (
        <p className="small muted">
          {t("cards.shownOf", { shown: proposals.data.proposals.length, count: proposals.data.count })}{" "}
          {proposals.data.dismissed > 0 && t("cards.dismissedCount", { count: proposals.data.dismissed })}
        </p>
      )}
      {proposals.status === "loading" && <Loading label={t("cards.comparing")} />}
      <ErrorNotice error={proposals.error} />
      {proposals.status === "ready" && proposals.data.proposals.length === 0 && <p className="muted">{t("cards.noPair")}</p>}
      {proposals.data?.proposals.map((p) => (
        <MergeProposalForm
          key={`${p.cards[0].id}-${p.cards[1].id}`}
          proposal={p}
          onMerge={async (into, from, reason) => {
            await api(`${base}/merges`, { body: { into, from: [from], reason } });
            setMessage(t("cards.merged", { from: titles.get(from) ?? from, into: titles.get(into) ?? into }));
            refresh();
          }}
          onDismiss={async () => {
            await api(`${base}/merge-proposals/dismissals`, { body: { cards: [p.cards[0].id, p.cards[1].id] } });
            setMessage(t("cards.dismissed", { a: p.cards[0].title, b: p.cards[1].title }));
            proposals.reload();
          }}
        />
      ))}
      <h3>{t("cards.merges")}</h3>
      {merges.data ? (
        <MergeHistory
          merges={merges.data}
          titles={titles}
          onUndo={async (merge, reason) => {
            await api(`${base}/merges/${encodeURIComponent(merge.id)}/undo`, { body: { reason } });
            setMessage(t("cards.undone"));
            refresh();
          }}
        />
      ) : (
        <ErrorNotice error={merges.error} />
      )}
    </>
  );
}
