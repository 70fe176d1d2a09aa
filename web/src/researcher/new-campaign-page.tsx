import { Loading } from "../components/layout.tsx";
import { api } from "../lib/api.ts";
import { Link, navigate, usePageTitle } from "../lib/router.tsx";
import type { Campaign } from "../lib/types.ts";
import { CampaignForm } from "./campaign-form.tsx";
import { useResearcher } from "./use-researcher.ts";
import { t } from "../i18n/i18n.ts";

/** Creates a moral-graph campaign. */
export default function NewCampaignPage() {
  const { researcher } = useResearcher();
  usePageTitle(t("rhome.new"));
  if (researcher === undefined) return <Loading />;
  if (!researcher) {
    return (
      <>
        <h1>{t("rhome.new")}</h1>
        <p>
          <Link href="/researcher">{t("results.signIn")}</Link> {t("newc.signInFirst")}
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("rhome.new")}</h1>
      <p>
        A moral-graph campaign: participants articulate values about your questions, then judge which values are wiser in
        each context.
      </p>
      <CampaignForm
        submitLabel={t("newc.create")}
        onSubmit={async (input) => {
          const { campaign } = await api<{ campaign: Campaign }>("/campaigns", { body: { kind: "moral-graph", ...input } });
          navigate(`/researcher/c/${encodeURIComponent(campaign.id)}`);
        }}
      />
    </>
  );
}
