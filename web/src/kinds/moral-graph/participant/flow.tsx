import { useCallback } from "react";
import type { KindFlowProps } from "../../kind.ts";
import { moralGraphOf, type CardContent } from "../../../lib/types.ts";
import { chatAvailable } from "../../../participant/session.ts";
import * as mg from "./api.ts";
import { ArticulateStep } from "./articulate-step.tsx";
import { JudgeStep } from "./judge-step.tsx";
import { QuestionStep } from "./question-step.tsx";
import { SimilarStep } from "./similar-step.tsx";

/** Where a returning participant picks up: judging once they have a card, else where their draft left off. */
export function resumeAt(me: mg.MoralGraphMe, draft: mg.MoralGraphDraft): string {
  const hasCard = me.cards.length > 0;
  switch (me.lastStep) {
    case "articulate":
      return hasCard ? "judge" : draft.question ? "articulate" : "question";
    case "similar":
      return hasCard ? "judge" : draft.card && draft.question ? "similar" : "articulate";
    case "judge":
      return "judge";
    case null:
    default:
      return hasCard ? "judge" : "question";
  }
}

/** A moral-graph campaign's steps: choose a question, articulate a value, compare it with similar ones, judge stories. */
export function MoralGraphFlow({ campaign: shown, session, me, step, draft: shared, setDraft, keep, advance, show, refreshMe, onError }: KindFlowProps) {
  const campaign = moralGraphOf(shown);
  const draft = shared as mg.MoralGraphDraft;
  const mine = me as mg.MoralGraphMe | null;
  const question = campaign.questions.find((q) => q.id === draft.question);
  const probeChat = useCallback(() => chatAvailable(), []);
  // A browser that lost its draft goes back to where the draft is made.
  const view = (step === "articulate" || step === "similar") && !question ? "question" : step === "similar" && !draft.card ? "articulate" : step;
  const campaignId = campaign.id;
  switch (view) {
    case "question":
      return (
        <QuestionStep
          campaign={campaign}
          chosen={draft.question}
          onContinue={(id) => {
            setDraft({ question: id });
            advance("articulate").catch(onError);
          }}
        />
      );
    case "articulate":
      return question ? (
        <ArticulateStep
          question={question.text}
          draft={draft.card}
          onDraftChange={(card: CardContent) => setDraft({ card })}
          onDone={async (card) => {
            setDraft({ card });
            await advance("similar");
          }}
          probeChat={probeChat}
          sendChat={(message, chat) => mg.articulate(campaignId, session, question.id, message, chat)}
        />
      ) : null;
    case "similar":
      return question && draft.card ? (
        <SimilarStep
          card={draft.card}
          findSimilar={() => mg.findSimilar(campaignId, session, question.id, draft.card!)}
          onEdit={() => show("articulate")}
          onSubmit={async (sameAs) => {
            keep("card", (await mg.submitCard(campaignId, session, question.id, draft.card!, sameAs)).receipt);
            await refreshMe();
            await advance("judge");
          }}
        />
      ) : null;
    case "judge":
      return (
        <JudgeStep
          judgedBefore={mine?.votes ?? 0}
          quota={campaign.judgingQuota}
          loadStories={() => mg.nextStories(campaignId, session)}
          vote={async (story, relationship, comment) => {
            keep("vote", (await mg.castVote(campaignId, session, story, relationship, comment)).receipt);
          }}
          onFinish={() => {
            refreshMe()
              .then(() => advance("survey"))
              .catch(onError);
          }}
        />
      );
    default:
      return null;
  }
}
