import { useCallback, useEffect, useRef, useState } from "react";
import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { webKindOf } from "../kinds/index.ts";
import type { WebKind } from "../kinds/kind.ts";
import { api, ApiError } from "../lib/api.ts";
import { t } from "../i18n/i18n.ts";
import { Link, navigate, useLocation, usePageTitle } from "../lib/router.tsx";
import type { Campaign } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { AdmissionGate, credentialsFrom, type Credentials } from "./admission-gate.tsx";
import { ClosingStep } from "./closing-step.tsx";
import { ConsentStep } from "./consent-step.tsx";
import { DemographicsStep } from "./demographics-step.tsx";
import { FlowSteps } from "./flow-steps.tsx";
import * as flow from "./session.ts";

type Step = flow.Step;

/** Where to pick up, from what the server recorded and what this browser kept: the closing steps, or the kind's. */
function resumeAt(kind: WebKind, me: flow.Me, draft: flow.Draft): Step {
  if (me.lastStep === "survey" || me.lastStep === "done") return me.lastStep;
  return kind.resumeAt(me, draft);
}

/**
 * Which earlier step Back may show: before joining, consent and the questions about the person;
 * after, the kind's steps up to the card until a card is sent. Nothing after the survey.
 */
function canGoBackTo(target: Step, current: Step | null, joined: boolean, me: flow.Me | null): boolean {
  if (current === "done") return false;
  if (target === "consent" || target === "demographics") return !joined;
  if (target === "question" || target === "articulate" || target === "similar") {
    return joined && ((me as { cards?: unknown[] } | null)?.cards?.length ?? 0) === 0;
  }
  return joined && target === "judge";
}

/**
 * Puts each step in the browser's history (`?step=`), so Back and Forward move between steps
 * instead of leaving the flow; a step Back may not show is replaced by the current one.
 */
function useStepHistory(step: Step | null, show: (step: Step) => void, allowed: (target: Step) => boolean) {
  const { path, query } = useLocation();
  const inUrl = query.get("step");
  const shown = useRef<Step | null>(null);
  const urlFor = (target: Step) => {
    const next = new URLSearchParams(window.location.search);
    next.set("step", target);
    return `${path}?${next.toString()}`;
  };
  useEffect(() => {
    if (step === null) return;
    const first = shown.current === null;
    if (shown.current === step) return;
    shown.current = step;
    if (inUrl !== step) navigate(urlFor(step), { replace: first || inUrl === null, keepScroll: true });
    // Only a change of step adds to the history; urlFor reads the address as it is then.
  }, [step]);
  useEffect(() => {
    if (step === null || inUrl === null || inUrl === step || shown.current !== step) return;
    if (allowed(inUrl)) {
      shown.current = inUrl;
      show(inUrl);
    } else navigate(urlFor(step), { replace: true, keepScroll: true });
  }, [inUrl]);
}

/** The participant's whole flow for one campaign, resumable from this browser. */
export function JoinPage({ campaignId }: { campaignId: string }) {
  const { query } = useLocation();
  const campaign = useAsync(
    (signal) =>
      api<{ campaign: Campaign }>(`/campaigns/${encodeURIComponent(campaignId)}`, { signal }).then((b) => ({ ...b.campaign, web: webKindOf(b.campaign) })),
    [campaignId],
  );
  const [session, setSession] = useState(() => flow.loadSession(campaignId));
  const [draft, setDraftState] = useState<flow.Draft>(() => flow.loadDraft(campaignId));
  const [me, setMe] = useState<flow.Me | null>(null);
  const [step, setStep] = useState<Step | null>(session ? null : "consent");
  const [failure, setFailure] = useState<unknown>();
  const [credentials, setCredentials] = useState<Credentials>({});
  const [rejected, setRejected] = useState<unknown>();
  usePageTitle(campaign.data?.title ?? t("join.title"));
  useStepHistory(step, setStep, (target) => canGoBackTo(target, step, session !== null, me));

  const setDraft = useCallback(
    (change: Partial<flow.Draft>) =>
      setDraftState((d) => {
        const next = { ...d, ...change };
        flow.saveDraft(campaignId, next);
        return next;
      }),
    [campaignId],
  );

  const kind = campaign.data?.web;
  useEffect(() => {
    if (!session || !kind) return;
    const controller = new AbortController();
    flow.fetchMe(campaignId, session, controller.signal).then(
      (found) => {
        setMe(found);
        setStep(resumeAt(kind, found, flow.loadDraft(campaignId)));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          flow.saveSession(campaignId, null);
          setSession(null);
          setStep("consent");
        } else setFailure(error);
      },
    );
    return () => controller.abort();
  }, [campaignId, session, kind]);

  // Each step replaces the page's content: move focus to its heading so screen readers announce it.
  const shownStep = useRef<Step | null>(null);
  useEffect(() => {
    if (step === null || shownStep.current === step) return;
    const first = shownStep.current === null;
    shownStep.current = step;
    if (first) return;
    const heading = document.querySelector<HTMLElement>("main h2");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [step]);

  const keep = (what: string, receipt: flow.Receipt | undefined) => {
    if (!receipt) return;
    setDraftState((d) => {
      const next = { ...d, receipts: [...(d.receipts ?? []), { what, receipt }] };
      flow.saveDraft(campaignId, next);
      return next;
    });
  };

  const refreshMe = async (s: flow.Session) => setMe(await flow.fetchMe(campaignId, s));

  /** Records reaching `next` on the server, then shows it. */
  const advance = async (next: Step, s: flow.Session | null = session) => {
    if (!s) return;
    await flow.recordStep(campaignId, s, next);
    setStep(next);
  };

  const join = async (kind: WebKind, answers: Record<string, string>) => {
    let s: Awaited<ReturnType<typeof flow.joinCampaign>>;
    try {
      s = await flow.joinCampaign(campaignId, { answers, ...credentials });
    } catch (error) {
      if (!(error instanceof ApiError && (error.field === "invite" || error.field === "externalId"))) throw error;
      setRejected(error);
      setStep("consent");
      return;
    }
    setRejected(undefined);
    keep("joined", s.receipt);
    flow.saveSession(campaignId, { token: s.token, participantId: s.participantId });
    for (const reached of flow.OPENING_STEPS) await flow.recordStep(campaignId, s, reached);
    await advance(kind.steps[0]!, s);
    setSession({ token: s.token, participantId: s.participantId });
  };

  if (campaign.status === "failed") {
    return (
      <>
        <h1>{t("join.cannotOpen")}</h1>
        <ErrorNotice error={campaign.error}>
          <p>{t("join.cannotOpenText")}</p>
        </ErrorNotice>
      </>
    );
  }
  const c = campaign.data;
  if (!c || step === null) return <Loading label={t("join.opening")} />;
  if (c.status !== "open" && !session) {
    return (
      <>
        <h1>{c.title}</h1>
        <p className="notice">{t("join.closed")}</p>
        <p>
          <Link href={`/c/${encodeURIComponent(c.id)}/results`}>{t("join.seeResults")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{c.title}</h1>
      <FlowSteps kind={c.web} current={step} skipDemographics={c.demographics.length === 0} />
      <ErrorNotice error={failure} title={t("frame.somethingWrong")} />
      {step === "consent" && (
        <AdmissionGate campaign={c} fromLink={credentialsFrom(c, query)} rejected={rejected} onReady={setCredentials}>
          <ConsentStep
            campaign={c}
            onAgree={() => {
              if (c.demographics.length > 0) setStep("demographics");
              else join(c.web, {}).catch(setFailure);
            }}
          />
        </AdmissionGate>
      )}
      {step === "demographics" && <DemographicsStep questions={c.demographics} onJoin={(answers) => join(c.web, answers)} />}
      {c.web.steps.includes(step) && session && (
        <c.web.Flow
          campaign={c}
          session={session}
          me={me}
          step={step}
          draft={draft}
          setDraft={setDraft}
          keep={keep}
          advance={advance}
          show={setStep}
          refreshMe={() => refreshMe(session)}
          onError={setFailure}
        />
      )}
      {(step === "survey" || step === "done") && session && (
        <ClosingStep
          campaignId={campaignId}
          contribution={<c.web.Closing campaignId={campaignId} me={me} />}
          receiptLabels={c.web.receiptLabels}
          surveyed={step === "done"}
          receipts={draft.receipts ?? []}
          onSurvey={async (answer) => {
            keep("survey", (await flow.answerSurvey(campaignId, session, answer)).receipt);
            await advance("done");
          }}
        />
      )}
    </>
  );
}
