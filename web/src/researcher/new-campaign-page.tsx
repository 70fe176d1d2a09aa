import { Loading } from "../components/layout.tsx";
import { api } from "../lib/api.ts";
import { Link, navigate, usePageTitle } from "../lib/router.tsx";
import type { Campaign } from "../lib/types.ts";
import { CampaignForm } from "./campaign-form.tsx";
import { useResearcher } from "./use-researcher.ts";

/** Creates a moral-graph campaign. */
export default function NewCampaignPage() {
  const { researcher } = useResearcher();
  usePageTitle("New campaign");
  if (researcher === undefined) return <Loading />;
  if (!researcher) {
    return (
      <>
        <h1>New campaign</h1>
        <p>
          <Link href="/researcher">Sign in</Link> with a researcher token first.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>New campaign</h1>
      <p>
        A moral-graph campaign: participants articulate values about your questions, then judge which values are wiser in
        each context.
      </p>
      <CampaignForm
        submitLabel="Create the campaign"
        onSubmit={async (input) => {
          const { campaign } = await api<{ campaign: Campaign }>("/campaigns", { body: { kind: "moral-graph", ...input } });
          navigate(`/researcher/c/${encodeURIComponent(campaign.id)}`);
        }}
      />
    </>
  );
}
