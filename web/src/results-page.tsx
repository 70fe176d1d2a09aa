import { Loading } from "./components/layout.tsx";
import { ErrorNotice } from "./components/notice.tsx";
import { webKindOf } from "./kinds/index.ts";
import { api } from "./lib/api.ts";
import type { Campaign } from "./lib/types.ts";
import { useAsync } from "./lib/use-async.ts";
import { t } from "./i18n/i18n.ts";

/** A campaign's public results, as its kind shows them. */
export default function ResultsPage({ campaignId }: { campaignId: string }) {
  const kind = useAsync(
    (signal) => api<{ campaign: Campaign }>(`/campaigns/${encodeURIComponent(campaignId)}`, { signal }).then((b) => webKindOf(b.campaign)),
    [campaignId],
  );
  if (kind.status === "failed") return <ErrorNotice error={kind.error} title={t("results.cannotLoadResults")} />;
  if (!kind.data) return <Loading label={t("results.loading")} />;
  return <kind.data.Results campaignId={campaignId} />;
}
