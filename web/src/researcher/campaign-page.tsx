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
    { id: "progress", label: t("tabs.progress"), Panel: ProgressPanel },
    { id: "settings", label: t("tabs.settings"), Panel: SettingsTab },
    { id: "admission", label: t("tabs.admission"), Panel: AdmissionPanel },
    ...kindTabs,
    { id: "moderation", label: t("tabs.moderation"), Panel: ModerationPanel },
    { id: "export", label: t("tabs.export"), Panel: ExportPanel },
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
  const tab = tabs.find((each) => each.id === query.get("tab")) ?? tabs[0];
  usePageTitle(campaign.data && tab ? `${tab.label}: ${campaign.data.title}` : t("campaign.title"));
  if (researcher === undefined) return <Loading />;
  if (!researcher) {
    return (
      <>
        <h1>{t("campaign.title")}</h1>
        <p>
          <Link href="/researcher">{t("results.signIn")}</Link> {t("campaign.signIn")}
        </p>
      </>
    );
  }
  if (campaign.status === "failed") return <ErrorNotice error={campaign.error} title={t("results.cannotLoad")} />;
  const c = campaign.data;
  if (!c || !tab) return <Loading label={t("results.loadingCampaign")} />;
  const here = `/researcher/c/${encodeURIComponent(c.id)}`;
  const joinLink = `${window.location.origin}/join/${encodeURIComponent(c.id)}`;
  return (
    <>
      <p className="small">
        <Link href="/researcher">{t("campaign.all")}</Link>
      </p>
      <h1>{c.title}</h1>
      <p className="small">
        <span className={c.status === "open" ? "badge open" : "badge"}>{c.status}</span> ·{" "}
        <Link href={`/c/${encodeURIComponent(c.id)}/results`}>{t("campaign.results")}</Link>
      </p>
      <CopyLink link={joinLink} />
      <nav aria-label={t("campaign.sections")}>
        <ul className="tabs">
          {tabs.map((each) => (
            <li key={each.id}>
              <Link href={`${here}?tab=${each.id}`} {...(each.id === tab.id && { "aria-current": "page" as const })}>
                {each.label}
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
