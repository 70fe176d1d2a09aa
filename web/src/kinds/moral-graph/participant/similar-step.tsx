import { useState } from "react";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { ValuesCard } from "../values-card.tsx";
import { useAsync } from "../../../lib/use-async.ts";
import type { CardContent } from "../../../lib/types.ts";

type Similar = { card: CardContent & { id: string }; similarity: number };

/** Shows cards like the participant's and lets them say "mine is the same" or "mine differs". */
export function SimilarStep({
  card,
  findSimilar,
  onSubmit,
  onEdit,
}: {
  card: CardContent;
  findSimilar: () => Promise<{ similar: Similar[] }>;
  onSubmit: (sameAs?: string) => Promise<void>;
  onEdit: () => void;
}) {
  const similar = useAsync(() => findSimilar(), [card]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const submit = async (sameAs?: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(sameAs);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  const found = similar.data?.similar ?? [];
  return (
    <>
      <h2>Compare with others</h2>
      <ValuesCard card={card} label="Your card" />
      <p>
        <button type="button" className="quiet" onClick={onEdit}>
          Edit my card
        </button>
      </p>
      {similar.status === "loading" && <Loading label="Looking for cards like yours" />}
      <ErrorNotice error={similar.error} title="Similar cards could not be looked up">
        <p>You can still submit your card as it is.</p>
      </ErrorNotice>
      {similar.status !== "loading" && found.length === 0 && (
        <p>No one has written a card quite like yours yet. Yours will be the first.</p>
      )}
      {found.length > 0 && (
        <>
          <p>
            {found.length === 1 ? "Someone has written a card" : "Others have written cards"} that may say the same thing
            as yours. If one of them captures your value, choose it: your voice then adds to that value. If yours is
            different, keep your own.
          </p>
          <ul className="plain-list">
            {found.map(({ card: other }) => (
              <li key={other.id}>
                <ValuesCard card={other} heading="h4" />
                <button type="button" className="secondary" disabled={busy} onClick={() => void submit(other.id)}>
                  Mine is the same as “{other.title}”
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorNotice error={failure} title="Your card was not saved" />
      {similar.status !== "loading" && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void submit()}>
            {found.length > 0 ? "Mine differs: keep my own card" : "Submit my card"}
          </button>
        </div>
      )}
    </>
  );
}
