import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { api, ApiError } from "../lib/api.ts";

import { Link, usePageTitle } from "../lib/router.tsx";
import type { CampaignSummary } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { SignInForm } from "./sign-in-form.tsx";
import { useResearcher } from "./use-researcher.ts";
import { formatDate, t } from "../i18n/i18n.ts";

function CampaignList({ onSignOut }: { onSignOut: () => void }) {
  const campaigns = useAsync((signal) => api<{ campaigns: CampaignSummary[] }>("/campaigns", { signal }), []);
  if (campaigns.error instanceof ApiError && campaigns.error.status === 401) {
    return (
      <div className="notice error" role="alert">
        <p>{t("rhome.rejected")}</p>
        <button type="button" onClick={onSignOut}>{t("rhome.again")}</button>
      </div>
    );
  }
  return (
    <>
      <div className="actions">
        <Link className="button" href="/researcher/new">
          {t("rhome.new")}
        </Link>
        <button type="button" className="secondary" onClick={onSignOut}>
          {t("rhome.signOut")}
        </button>
      </div>
      <h2>{t("rhome.campaigns")}</h2>
      {campaigns.status === "loading" && <Loading label={t("rhome.loading")} />}
      <ErrorNotice error={campaigns.error} />
      {campaigns.data?.campaigns.length === 0 && <p>{t("rhome.none")}</p>}
      <ul className="plain-list">
        {campaigns.data?.campaigns.map((c) => (
          <li key={c.id}>
            <Link href={`/researcher/c/${encodeURIComponent(c.id)}`}>
              <strong>{c.title}</strong>
            </Link>{" "}
            <span className={c.status === "open" ? "badge open" : "badge"}>{c.status}</span>
            <br />
            <span className="small muted">
              {c.kind} · {t("rhome.created", { when: formatDate(c.createdAt) })} · <code>{c.id}</code>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The researcher's start page: sign in, then the list of campaigns. */
export default function ResearcherHome() {
  const { researcher, reload, signOut } = useResearcher();
  usePageTitle(researcher ? t("rhome.yours") : t("rhome.signIn"));
  return (
    <>
      <h1>{researcher ? t("rhome.yours") : t("rhome.signIn")}</h1>
      {researcher === undefined ? <Loading /> : researcher ? <CampaignList onSignOut={() => void signOut()} /> : <SignInForm onSignIn={reload} />}
    </>
  );
}
