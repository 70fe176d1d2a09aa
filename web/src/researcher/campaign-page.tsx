import { Suspense, useState } from "react";
import { t } from "../i18n/i18n.ts";
import { Loading } from "../components/layout.tsx";
import { webKindOf } from "../kinds/index.ts";
import type { KindTab, TabProps } from "../kinds/kind.ts";
import { ErrorNotice } from "../components/notice.tsx";
import { api } from "../lib/api.ts";
import { Link, useLocation, usePageTitle } from "../lib/router.tsx";
import type { Campaign } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { AdmissionPanel } from "./admission-panel.tsx";
import { ExportPanel } from "./export-panel.tsx";
import { ModerationPanel } from "./moderation-panel.tsx";
import { ProgressPanel } from "./progress-panel.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { useResearcher } from "./use-researcher.ts";

function SettingsTab({ campaign, reload }: TabProps) {
  return <SettingsPanel campaign={campaign} onSaved={reload} />;
}

/** The tabs every campaign has, around those of its kind. */
function tabsOf(kindTabs: readonly KindTab[]): KindTab[] {
  return [
    { id: "progress", label: "Progress", Panel: ProgressPanel },
    { id: "settings", label: "Settings", Panel: SettingsTab },
    { id: "admission", label: "Admission", Panel: AdmissionPanel },
    ...kindTabs,
    { id: "moderation", label: "Moderation", Panel: ModerationPanel },
    { id: "export", label: "Export", Panel: ExportPanel },
  ];
}

/** The participant link, whole and selectable, with a button that copies it. */
function CopyLink({ link }: { link: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="copy-link">
      <label htmlFor="participant-link">{t("campaign.participantLink")}</label>
      <div className="row">
        <input id="participant-link" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="secondary" onClick={copy}>
          {t("campaign.copy")}
        </button>
        <span role="status" className="small">
          {copied === true ? t("campaign.copied") : copied === false ? t("campaign.copyFailed") : ""}
        </span>
      </div>
    </div>
  );
}

/** One campaign for its researchers: progress, settings, admission, merging, moderation, exports. */
export default function CampaignPage({ campaignId }: { campaignId: string }) {
  const { researcher } = useResearcher();
  const { query } = useLocation();
  const campaign = useAsync(
    (signal) => api<{ campaign: Campaign }>(`/campaigns/${encodeURIComponent(campaignId)}`, { signal }).then((b) => b.campaign),
    [campaignId],
  );
  const tabs = campaign.data ? tabsOf(webKindOf(campaign.data).tabs) : [];
  const tab = tabs.find((t) => t.id === query.get("tab")) ?? tabs[0];
  usePageTitle(campaign.data && tab ? `${tab.label}: ${campaign.data.title}` : "Campaign");
  if (researcher === undefined) return <Loading />;
  if (!researcher) {
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
  if (!c || !tab) return <Loading label="Loading the campaign" />;
  const here = `/researcher/c/${encodeURIComponent(c.id)}`;
  const joinLink = `${window.location.origin}/join/${encodeURIComponent(c.id)}`;
  return (
    <>
      <p className="small">
        <Link href="/researcher">All campaigns</Link>
      </p>
      <h1>{c.title}</h1>
      <p className="small">
        <span className={c.status === "open" ? "badge open" : "badge"}>{c.status}</span> ·{" "}
        <Link href={`/c/${encodeURIComponent(c.id)}/results`}>{t("campaign.results")}</Link>
      </p>
      <CopyLink link={joinLink} />
      <nav aria-label="Campaign sections">
        <ul className="tabs">
          {tabs.map((t) => (
            <li key={t.id}>
              <Link href={`${here}?tab=${t.id}`} {...(t.id === tab.id && { "aria-current": "page" as const })}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{tab.label}</h2>
      <Suspense fallback={<Loading />}>
        <tab.Panel campaign={c} reload={campaign.reload} />
      </Suspense>
    </>
  );
}
