import { useState, type FormEvent } from "react";
import { RadioGroup, TextArea } from "../../../components/fields.tsx";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { ValuesCard } from "../values-card.tsx";
import { useAsync } from "../../../lib/use-async.ts";
import type { Relationship, ServedStory } from "../../../lib/types.ts";

const CHOICES: { value: Relationship; label: string }[] = [
  { value: "upgrade", label: "Yes, they became wiser" },
  { value: "no_upgrade", label: "No, this is not wiser" },
  { value: "not_sure", label: "I am not sure" },
];

function StoryForm({ story, onVote }: { story: ServedStory; onVote: (r: Relationship, comment: string) => Promise<void> }) {
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
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>
        <span className="context-tag">{story.context.name}</span>
      </p>
      <blockquote className="story">{story.text}</blockquote>
      <details>
        <summary>The two values in this story</summary>
        <div className="pair">
          <ValuesCard card={story.from} heading="h4" label="Before" />
          <ValuesCard card={story.to} heading="h4" label="After" className="wiser" />
        </div>
      </details>
      <RadioGroup
        legend={`Did this person become wiser about what to pay attention to, ${story.context.name.charAt(0).toLowerCase()}${story.context.name.slice(1)}?`}
        name={`vote-${story.id}`}
        options={CHOICES}
        value={choice}
        onChange={(v) => {
          setChoice(v);
          setMissing(false);
        }}
      />
      {missing && <p className="field-error">Choose one answer.</p>}
      <TextArea label="Why? (optional)" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={5000} />
      <ErrorNotice error={failure} title="Your answer was not saved" />
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save and continue"}
      </button>
    </form>
  );
}

/** Serves upgrade stories one at a time until none are left or the participant stops. */
export function JudgeStep({
  judgedBefore,
  loadStories,
  vote,
  onFinish,
}: {
  judgedBefore: number;
  loadStories: () => Promise<{ stories: ServedStory[] }>;
  vote: (story: ServedStory, relationship: Relationship, comment: string) => Promise<void>;
  onFinish: () => void;
}) {
  const [round, setRound] = useState(0);
  const [judged, setJudged] = useState(judgedBefore);
  const batch = useAsync(() => loadStories(), [round]);
  const [done, setDone] = useState<Set<string>>(new Set());
  const queue = (batch.data?.stories ?? []).filter((s) => !done.has(s.id));
  const story = queue[0];
  const onVote = async (relationship: Relationship, comment: string) => {
    await vote(story!, relationship, comment);
    setJudged((n) => n + 1);
    const next = new Set(done).add(story!.id);
    setDone(next);
    if (queue.length <= 1) setRound((r) => r + 1);
  };
  return (
    <>
      <h2>Judge upgrade stories</h2>
      <p>
        Each story tells of someone whose sense of what matters changed. Say whether the change made them wiser in the
        situation named above it. There are no right answers.
      </p>
      <p role="status" className="muted">
        You have judged {judged} {judged === 1 ? "story" : "stories"}.
      </p>
      {batch.status === "loading" && !story && <Loading label="Finding a story for you" />}
      <ErrorNotice error={batch.error} title="No story could be loaded" />
      {story && <StoryForm key={story.id} story={story} onVote={onVote} />}
      {batch.status === "ready" && !story && (
        <p>{judged === 0 ? "There are no stories to judge yet." : "You have judged every story there is for now. Thank you."}</p>
      )}
      <div className="actions">
        <button type="button" className={story ? "secondary" : undefined} onClick={onFinish}>
          {story ? "I am done judging" : "See the results"}
        </button>
      </div>
    </>
  );
}
