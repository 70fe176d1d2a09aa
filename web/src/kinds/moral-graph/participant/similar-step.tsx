import { useState } from "react";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { t } from "../../../i18n/i18n.ts";
import { ValuesCard } from "../values-card.tsx";
import { useAsync } from "../../../lib/use-async.ts";
import type { CardContent } from "../../../lib/types.ts";

type Similar = { card: CardContent & { id: string }; similarity: number };

/**
 * Shows cards like the participant's and lets them say "mine is the same" or keep their own.
 * The two choices are offered alike: neither is the default the page pushes.
 */
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
      <h2>{t("similar.heading")}</h2>
      <section className="own-card" aria-labelledby="own-card-heading">
        <h3 id="own-card-heading" className="own-card-label">
          {t("card.yours")}
        </h3>
        <ValuesCard card={card} heading="h4" />
        <div className="actions">
          <button type="button" className="secondary" onClick={onEdit}>
            {t("card.edit")}
          </button>
          {similar.status !== "loading" && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void submit()}>
              {found.length > 0 ? t("similar.keepOwn") : t("similar.submit")}
            </button>
          )}
        </div>
      </section>
      {similar.status === "loading" && <Loading label={t("similar.looking")} />}
      <ErrorNotice error={similar.error} title={t("similar.failed")}>
        <p>{t("similar.stillSubmit")}</p>
      </ErrorNotice>
      {similar.status !== "loading" && found.length === 0 && <p>{t("similar.none")}</p>}
      {found.length > 0 && (
        <section aria-labelledby="others-heading">
          <h3 id="others-heading">{t("similar.others")}</h3>
          <p>{t("similar.intro")}</p>
          <ul className="plain-list">
            {found.map(({ card: other }) => (
              <li key={other.id}>
                <ValuesCard card={other} heading="h4" />
                <button type="button" className="secondary" disabled={busy} onClick={() => void submit(other.id)}>
                  {t("similar.sameAs", { title: other.title })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorNotice error={failure} title={t("similar.notSaved")} />
    </>
  );
}
