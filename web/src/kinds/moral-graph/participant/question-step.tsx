import { useState, type FormEvent } from "react";
import { RadioGroup } from "../../../components/fields.tsx";
import type { Campaign } from "../../../lib/types.ts";

/** Shows the question (or lets the participant pick one when the campaign asks several). */
export function QuestionStep({
  campaign,
  chosen,
  onContinue,
}: {
  campaign: Campaign;
  chosen: string | undefined;
  onContinue: (questionId: string) => void;
}) {
  const [question, setQuestion] = useState<string | null>(chosen ?? (campaign.questions.length === 1 ? campaign.questions[0]!.id : null));
  const [error, setError] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (question) onContinue(question);
    else setError(true);
  };
  const only = campaign.questions.length === 1 ? campaign.questions[0]! : null;
  return (
    <form onSubmit={submit} noValidate>
      <h2>The question</h2>
      {only ? (
        <p className="question-quote">{only.text}</p>
      ) : (
        <>
          <RadioGroup
            legend="Which question would you like to answer?"
            name="question"
            options={campaign.questions.map((q) => ({ value: q.id, label: q.text }))}
            value={question}
            onChange={(v) => {
              setQuestion(v);
              setError(false);
            }}
          />
          {error && <p className="field-error">Choose a question to continue.</p>}
        </>
      )}
      <p>
        Imagine an AI assistant in this conversation. What should it <em>pay attention to</em> to respond well? Think of
        a time when you, or someone you admire, handled a situation like this wisely. What were they attentive to?
      </p>
      <p>
        Next, you will put this into words as a <strong>values card</strong>: a short title, a sentence or two about the
        value, and a few things someone living by it pays attention to.
      </p>
      <button type="submit">Describe my value</button>
    </form>
  );
}
