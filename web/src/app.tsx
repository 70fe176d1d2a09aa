import { lazy, Suspense, type ReactNode } from "react";
import { Layout, Loading } from "./components/layout.tsx";
import { HomePage } from "./home-page.tsx";
import { JoinPage } from "./participant/join-page.tsx";
import { t, useLocale } from "./i18n/i18n.ts";
import { Link, match, useLocation, usePageTitle } from "./lib/router.tsx";

// Participants load only the join flow; the researcher pages and the graph come in chunks of their own.
const ResearcherHome = lazy(() => import("./researcher/researcher-home.tsx"));
const NewCampaignPage = lazy(() => import("./researcher/new-campaign-page.tsx"));
const CampaignPage = lazy(() => import("./researcher/campaign-page.tsx"));
const ResultsPage = lazy(() => import("./results-page.tsx"));
const LogPage = lazy(() => import("./log/log-page.tsx"));

interface Route {
  pattern: string;
  wide?: boolean;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: Route[] = [
  { pattern: "/", render: () => <HomePage /> },
  { pattern: "/join/:campaign", render: (p) => <JoinPage campaignId={p.campaign!} /> },
  { pattern: "/c/:campaign/results", wide: true, render: (p) => <ResultsPage campaignId={p.campaign!} /> },
  { pattern: "/researcher", render: () => <ResearcherHome /> },
  { pattern: "/researcher/new", render: () => <NewCampaignPage /> },
  { pattern: "/researcher/c/:campaign", wide: true, render: (p) => <CampaignPage campaignId={p.campaign!} /> },
  { pattern: "/log", render: () => <LogPage /> },
];

function NotFound() {
  usePageTitle(t("frame.notFound"));
  return (
    <>
      <h1>{t("frame.notFound")}</h1>
      <p>{t("frame.notFoundText")}</p>
      <p>
        <Link href="/">{t("frame.startPage")}</Link>
      </p>
    </>
  );
}

/**
 * The app in the chosen language: switching it renders every page again (state kept, so a
 * half-filled form stays filled) with the new language's texts.
 */
export function App() {
  const locale = useLocale();
  return <Pages locale={locale} />;
}

function Pages(_: { locale: string }) {
  const { path } = useLocation();
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) {
      return (
        <Layout wide={route.wide ?? false}>
          <Suspense fallback={<Loading />}>{route.render(params)}</Suspense>
        </Layout>
      );
    }
  }
  return (
    <Layout>
      <NotFound />
    </Layout>
  );
}
