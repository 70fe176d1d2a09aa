import { useCallback, useEffect, useRef, useState } from "react";
import { Loading } from "../components/layout.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { api, ApiError } from "../lib/api.ts";
import { Link, useLocation, usePageTitle } from "../lib/router.tsx";
import type { Campaign, CardContent } from "../lib/types.ts";
import { useAsync } from "../lib/use-async.ts";
import { AdmissionGate, credentialsFrom, type Credentials } from "./admission-gate.tsx";
import { ArticulateStep } from "./articulate-step.tsx";
import { ClosingStep } from "./closing-step.tsx";
import { ConsentStep } from "./consent-step.tsx";
import { DemographicsStep } from "./demographics-step.tsx";
import { FlowSteps } from "./flow-steps.tsx";
import { JudgeStep } from "./judge-step.tsx";
import { QuestionStep } from "./question-step.tsx";
import * as flow from "./session.ts";
import { SimilarStep } from "./similar-step.tsx";

type Step = flow.Step;

/** Where to pick up, from what the server recorded and what this browser kept. */
function resumeAt(me: flow.Me, draft: flow.Draft): Step {
  const hasCard = me.cards.length > 0;
  switch (me.lastStep) {
    case null:
    case "consent":
    case "demographics":
    case "question":
      return hasCard ? "judge" : "question";
    case "articulate":
      return hasCard ? "judge" : draft.question ? "articulate" : "question";
    case "similar":
      return hasCard ? "judge" : draft.card && draft.question ? "similar" : "articulate";
    case "judge":
    case "survey":
    case "done":
      return me.lastStep;
  }
}

/** The participant's whole flow for one campaign, resumable from this browser. */
export function JoinPage({ campaignId }: { campaignId: string }) {
  const { query } = useLocation();
  const campaign = useAsync(
    (signal) => api<{ campaign: Campaign }>(`/campaigns/${encodeURIComponent(campaignId)}`, { signal }).then((b) => b.campaign),
    [campaignId],
  );
  const [session, setSession] = useState(() => flow.loadSession(campaignId));
  const [draft, setDraftState] = useState<flow.Draft>(() => flow.loadDraft(campaignId));
  const [me, setMe] = useState<flow.Me | null>(null);
  const [step, setStep] = useState<Step | null>(session ? null : "consent");
  const [failure, setFailure] = useState<unknown>();
  const [credentials, setCredentials] = useState<Credentials>({});
  const [rejected, setRejected] = useState<unknown>();
  usePageTitle(campaign.data?.title ?? "Join");

  const setDraft = useCallback(
    (change: Partial<flow.Draft>) =>
      setDraftState((d) => {
        const next = { ...d, ...change };
        flow.saveDraft(campaignId, next);
        return next;
      }),
    [campaignId],
  );

  useEffect(() => {
    if (!session) return;
    const controller = new AbortController();
    flow.fetchMe(campaignId, session, controller.signal).then(
      (found) => {
        setMe(found);
        setStep(resumeAt(found, flow.loadDraft(campaignId)));
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
  }, [campaignId, session]);

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

  const keep = (what: flow.KeptReceipt["what"], receipt: flow.Receipt | undefined) => {
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

  const join = async (answers: Record<string, string>) => {
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
    for (const reached of ["consent", "demographics"] as const) await flow.recordStep(campaignId, s, reached);
    await advance("question", s);
    setSession({ token: s.token, participantId: s.participantId });
  };

  const probeChat = useCallback(() => (session ? flow.chatAvailable() : Promise.resolve(false)), [session]);

  if (campaign.status === "failed") {
    return (
      <>
        <h1>This campaign could not be opened</h1>
        <ErrorNotice error={campaign.error}>
          <p>Check that the link was copied whole. If it was, the campaign may have been removed.</p>
        </ErrorNotice>
      </>
    );
  }
  const c = campaign.data;
  if (!c || step === null) return <Loading label="Opening the campaign" />;
  if (c.status !== "open" && !session) {
    return (
      <>
        <h1>{c.title}</h1>
        <p className="notice">This campaign is closed to new participants.</p>
        <p>
          <Link href={`/c/${encodeURIComponent(c.id)}/results`}>See its results</Link>
        </p>
      </>
    );
  }
  const question = c.questions.find((q) => q.id === draft.question);
  const myCard = me?.cards.at(-1);
  // A browser that lost its draft goes back to where the draft is made.
  const view: Step =
    (step === "articulate" || step === "similar") && !question ? "question" : step === "similar" && !draft.card ? "articulate" : step;
  return (
    <>
      <h1>{c.title}</h1>
      <FlowSteps current={view} skipDemographics={c.demographics.length === 0} />
      <ErrorNotice error={failure} title="Something went wrong" />
      {view === "consent" && (
        <AdmissionGate campaign={c} fromLink={credentialsFrom(c, query)} rejected={rejected} onReady={setCredentials}>
          <ConsentStep
            campaign={c}
            onAgree={() => {
              if (c.demographics.length > 0) setStep("demographics");
              else join({}).catch(setFailure);
            }}
          />
        </AdmissionGate>
      )}
      {view === "demographics" && <DemographicsStep questions={c.demographics} onJoin={join} />}
      {view === "question" && (
        <QuestionStep
          campaign={c}
          chosen={draft.question}
          onContinue={(id) => {
            setDraft({ question: id });
            advance("articulate").catch(setFailure);
          }}
        />
      )}
      {view === "articulate" && question && session && (
        <ArticulateStep
          question={question.text}
          draft={draft.card}
          onDraftChange={(card: CardContent) => setDraft({ card })}
          onDone={async (card) => {
            setDraft({ card });
            await advance("similar");
          }}
          probeChat={probeChat}
          sendChat={(message, chat) => flow.articulate(campaignId, session, question.id, message, chat)}
        />
      )}
      {view === "similar" && question && draft.card && session && (
        <SimilarStep
          card={draft.card}
          findSimilar={() => flow.findSimilar(campaignId, session, question.id, draft.card!)}
          onEdit={() => setStep("articulate")}
          onSubmit={async (sameAs) => {
            keep("card", (await flow.submitCard(campaignId, session, question.id, draft.card!, sameAs)).receipt);
            await refreshMe(session);
            await advance("judge");
          }}
        />
      )}
      {view === "judge" && session && (
        <JudgeStep
          judgedBefore={me?.votes ?? 0}
          loadStories={() => flow.nextStories(campaignId, session)}
          vote={async (story, relationship, comment) => {
            keep("vote", (await flow.castVote(campaignId, session, story, relationship, comment)).receipt);
          }}
          onFinish={() => {
            refreshMe(session)
              .then(() => advance("survey"))
              .catch(setFailure);
          }}
        />
      )}
      {(view === "survey" || view === "done") && session && (
        <ClosingStep
          campaignId={campaignId}
          card={myCard}
          surveyed={view === "done"}
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
