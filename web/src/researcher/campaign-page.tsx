import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { api } from "../lib/api.ts";
import { Link, useLocation, usePageTitle } from "../lib/router.tsx";
import type { Campaign } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { AdmissionPanel } from "./admission-panel.tsx";
import { CardsPanel } from "./cards-panel.tsx";
import { ExportPanel } from "./export-panel.tsx";
import { ModerationPanel } from "./moderation-panel.tsx";
import { ProgressPanel } from "./progress-panel.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { StoriesPanel } from "./stories-panel.tsx";
import { useResearcherToken } from "./use-researcher.ts";

const TABS = [
  { id: "progress", label: "Progress" },
  { id: "settings", label: "Settings" },
  { id: "admission", label: "Admission" },
  { id: "cards", label: "Similar cards" },
  { id: "stories", label: "Stories" },
  { id: "moderation", label: "Moderation" },
  { id: "export", label: "Export" },
] as const;
type Tab = (typeof TABS)[number]["id"];

/** One campaign for its researchers: progress, settings, admission, merging, moderation, exports. */
export default function CampaignPage({ campaignId }: { campaignId: string }) {
  const [token] = useResearcherToken();
  const { query } = useLocation();
  const tab: Tab = TABS.find((t) => t.id === query.get("tab"))?.id ?? "progress";
  const campaign = useAsync(
    (signal) => api<{ campaign: Campaign }>(`/campaigns/${encodeURIComponent(campaignId)}`, { signal }).then((b) => b.campaign),
    [campaignId],
  );
  const label = TABS.find((t) => t.id === tab)!.label;
  usePageTitle(campaign.data ? `${label}: ${campaign.data.title}` : "Campaign");
  if (!token) {
    return (
      <>
        <h1>Campaign</h1>
        <p>
          <Link href="/researcher">Sign in</Link> with a researcher token to manage this campaign.
        </p>
      </>
    );
  }
  if (campaign.status === "failed") return <ErrorNotice error={campaign.error} title="This campaign could not be loaded" />;
  const c = campaign.data;
  if (!c) return <Loading label="Loading the campaign" />;
  const here = `/researcher/c/${encodeURIComponent(c.id)}`;
  const joinLink = `${window.location.origin}/join/${encodeURIComponent(c.id)}`;
  return (
    <>
      <p className="small">
        <Link href="/researcher">All campaigns</Link>
      </p>
      <h1>{c.title}</h1>
      <p className="small">
        <span className={c.status === "open" ? "badge open" : "badge"}>{c.status}</span> · participant link{" "}
        <code>{joinLink}</code> · <Link href={`/c/${encodeURIComponent(c.id)}/results`}>results</Link>
      </p>
      <nav aria-label="Campaign sections">
        <ul className="tabs">
          {TABS.map((t) => (
            <li key={t.id}>
              <Link href={`${here}?tab=${t.id}`} {...(t.id === tab && { "aria-current": "page" as const })}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{label}</h2>
      {tab === "progress" && <ProgressPanel campaign={c} token={token} />}
      {tab === "settings" && <SettingsPanel campaign={c} token={token} onSaved={campaign.reload} />}
      {tab === "admission" && <AdmissionPanel campaign={c} token={token} />}
      {tab === "cards" && <CardsPanel campaign={c} token={token} />}
      {tab === "stories" && <StoriesPanel campaign={c} token={token} />}
      {tab === "moderation" && <ModerationPanel campaign={c} token={token} />}
      {tab === "export" && <ExportPanel campaign={c} token={token} />}
    </>
  );
}
