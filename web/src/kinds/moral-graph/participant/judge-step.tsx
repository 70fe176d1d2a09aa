import { useEffect, useRef, useState, type FormEvent } from "react";
import { RadioGroup, TextArea } from "../../../components/fields.tsx";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { t } from "../../../i18n/i18n.ts";
import { ValuesCard } from "../values-card.tsx";
import { useAsync } from "../../../lib/use-async.ts";
import type { Relationship, ServedStory } from "../../../lib/types.ts";

const choices = (): { value: Relationship; label: string }[] => [
  { value: "upgrade", label: t("judge.yes") },
  { value: "no_upgrade", label: t("judge.no") },
  { value: "not_sure", label: t("judge.notSure") },
];

/**
 * One story and the question about it. The two values are shown alike, side by side: nothing
 * marks either as the wiser before the participant judges.
 */
function StoryForm({ story, heading, onVote }: { story: ServedStory; heading: string; onVote: (r: Relationship, comment: string) => Promise<void> }) {
  const [choice, setChoice] = useState<Relationship | null>(null);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return setMissing(true);
    setBusy(true);
    setFailure(undefined);
    try {
      await onVote(choice, comment);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="story-heading">
      <h3 id="story-heading" tabIndex={-1}>
        {heading}
      </h3>
      <p className="situation">
        <span className="small muted">{t("judge.situation")}: </span>
        <span className="context-tag">{story.context.name}</span>
      </p>
      <blockquote className="story">{story.text}</blockquote>
      <details>
        <summary>{t("judge.values")}</summary>
        <div className="pair">
          <ValuesCard card={story.from} heading="h4" label={t("judge.before")} />
          <ValuesCard card={story.to} heading="h4" label={t("judge.after")} />
        </div>
      </details>
      <RadioGroup
        legend={t("judge.question")}
        name={`vote-${story.id}`}
        options={choices()}
        value={choice}
        onChange={(v) => {
          setChoice(v);
          setMissing(false);
        }}
        {...(missing && { errorId: "vote-missing" })}
      />
      {missing && (
        <p className="field-error" id="vote-missing">
          {t("judge.choose")}
        </p>
      )}
      <TextArea label={t("judge.why")} value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={5000} />
      <ErrorNotice error={failure} title={t("judge.notSaved")} />
      <button type="submit" disabled={busy}>
        {busy ? t("judge.saving") : t("judge.save")}
      </button>
    </form>
  );
}

/**
 * Serves upgrade stories one at a time, towards the campaign's quota ("Story 2 of 5"). After each
 * vote focus moves to the next story's heading and a status line announces it. Stopping before
 * the quota asks for confirmation; past it, the participant may go on or judge more.
 */
export function JudgeStep({
  judgedBefore,
  quota,
  loadStories,
  vote,
  onFinish,
}: {
  judgedBefore: number;
  quota: number;
  loadStories: () => Promise<{ stories: ServedStory[] }>;
  vote: (story: ServedStory, relationship: Relationship, comment: string) => Promise<void>;
  onFinish: () => void;
}) {
  const [round, setRound] = useState(0);
  const [judged, setJudged] = useState(judgedBefore);
  const batch = useAsync(() => loadStories(), [round]);
  const [done, setDone] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [wantsMore, setWantsMore] = useState(false);
  const [announce, setAnnounce] = useState("");
  const voted = useRef(false);
  const queue = (batch.data?.stories ?? []).filter((s) => !done.has(s.id));
  const story = queue[0];
  const metQuota = judged >= quota;
  const showStory = story && (!metQuota || wantsMore);
  const heading = t("judge.progress", { n: judged + 1, quota: Math.max(quota, judged + 1) });

  useEffect(() => {
    if (!voted.current) return;
    const target = document.getElementById(showStory ? "story-heading" : "judge-next");
    target?.focus();
  }, [story?.id, showStory, judged]);

  const onVote = async (relationship: Relationship, comment: string) => {
    await vote(story!, relationship, comment);
    voted.current = true;
    const now = judged + 1;
    setJudged(now);
    setConfirming(false);
    const next = new Set(done).add(story!.id);
    setDone(next);
    if (queue.length <= 1) setRound((r) => r + 1);
    setAnnounce(`${t("judge.saved")} ${now < quota || wantsMore ? t("judge.progress", { n: now + 1, quota: Math.max(quota, now + 1) }) : ""}`.trim());
  };
  return (
    <>
      <h2>{t("judge.heading")}</h2>
      <p>{t("judge.intro")}</p>
      <p className="muted">{t("judge.judged", { count: judged, quota })}</p>
      <progress className="quota" max={quota} value={Math.min(judged, quota)} aria-label={t("judge.judged", { count: judged, quota })} />
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      {batch.status === "loading" && !story && <Loading label={t("judge.finding")} />}
      <ErrorNotice error={batch.error} title={t("judge.noneLoaded")} />
      {showStory && <StoryForm key={story.id} story={story} heading={heading} onVote={onVote} />}
      {batch.status === "ready" && !story && <p>{judged === 0 ? t("judge.noStories") : t("judge.allDone")}</p>}
      {metQuota && story && !wantsMore && <p>{t("judge.quotaMet", { count: judged })}</p>}
      {confirming ? (
        <div className="notice confirm" role="group" aria-labelledby="confirm-stop">
          <p id="confirm-stop">{t("judge.confirmEarly", { count: judged, quota })}</p>
          <div className="actions">
            <button type="button" onClick={onFinish}>
              {t("judge.yesStop")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t("judge.keepJudging")}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          {showStory && !metQuota ? (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t("judge.finishEarly")}
            </button>
          ) : (
            <button type="button" id="judge-next" className={showStory ? "secondary" : undefined} onClick={onFinish}>
              {t("judge.toResults")}
            </button>
          )}
          {metQuota && story && !wantsMore && (
            <button type="button" className="secondary" onClick={() => setWantsMore(true)}>
              {t("judge.more")}
            </button>
          )}
        </div>
      )}
    </>
  );
}
