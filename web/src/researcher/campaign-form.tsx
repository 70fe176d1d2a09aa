import { useState, type FormEvent } from "react";
import { RadioGroup, TextArea, TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { t } from "../i18n/i18n.ts";
import { ApiError } from "../lib/api.ts";
import type { AdmissionMode, Campaign, DemographicQuestion } from "../lib/types.ts";
import { DemographicsEditor, fromDraft, toDraft, type DemographicDraft } from "./demographics-editor.tsx";
import { ListEditor } from "./list-editor.tsx";

export interface CampaignInput {
  title: string;
  description: string;
  consent: string;
  questions: string[];
  contexts: string[];
  demographics: DemographicQuestion[];
  admission: { mode: AdmissionMode; externalIdParam?: string };
  resultsVisibility: "public" | "token";
  consentDetails: { organiser: string; contact: string; minutes: number | null; erasure: string };
  judgingQuota: number;
}

const ADMISSION = [
  { value: "open" as const, label: "Open link: anyone with the link can join" },
  { value: "invite" as const, label: "Invite codes: each code admits one person" },
  { value: "allowlist" as const, label: "Allowlist: a recruitment platform passes each person's id in the link" },
];

const VISIBILITY = [
  { value: "public" as const, label: "Public: anyone with the link sees the graph and figures" },
  { value: "token" as const, label: "Researchers only: a researcher token is needed" },
];

const trimmed = (items: string[]) => items.map((s) => s.trim()).filter(Boolean);

/**
 * Creates a campaign, or edits one: questions and contexts can be added but not removed, since
 * cards and votes point at them.
 */
export function CampaignForm({
  existing,
  onSubmit,
  submitLabel,
  saved = false,
}: {
  existing?: Campaign;
  onSubmit: (input: CampaignInput) => Promise<void>;
  submitLabel: string;
  /** Shown beside the button once the last submission was saved. */
  saved?: boolean;
}) {
  const [title, setTitle] = useState(existing?.title ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [consent, setConsent] = useState(existing?.consent ?? "");
  const [questions, setQuestions] = useState<string[]>(existing ? [] : [""]);
  const [contexts, setContexts] = useState<string[]>(existing ? [] : [""]);
  const [demographics, setDemographics] = useState<DemographicDraft[]>(existing?.demographics.map(toDraft) ?? []);
  const [mode, setMode] = useState<AdmissionMode>(existing?.admission.mode ?? "open");
  const [param, setParam] = useState(existing?.admission.mode === "allowlist" ? existing.admission.externalIdParam : "PROLIFIC_PID");
  const [visibility, setVisibility] = useState<"public" | "token">(existing?.resultsVisibility === "token" ? "token" : "public");
  const [organiser, setOrganiser] = useState(existing?.consentDetails.organiser ?? "");
  const [contact, setContact] = useState(existing?.consentDetails.contact ?? "");
  const [minutes, setMinutes] = useState(existing?.consentDetails.minutes ? String(existing.consentDetails.minutes) : "");
  const [erasure, setErasure] = useState(existing?.consentDetails.erasure ?? "");
  const [quota, setQuota] = useState(String(existing?.judgingQuota ?? 5));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = "Give the campaign a title.";
    if (!existing && trimmed(questions).length === 0) found.questions = "Ask at least one question.";
    if (!existing && trimmed(contexts).length === 0) found.contexts = "Name at least one context.";
    if (minutes.trim() && !(/^\d+$/.test(minutes.trim()) && Number(minutes) >= 1 && Number(minutes) <= 600)) found.minutes = t("form.errMinutes");
    if (!(/^\d+$/.test(quota.trim()) && Number(quota) >= 1 && Number(quota) <= 200)) found.judgingQuota = t("form.errQuota");
    if (mode === "allowlist" && !/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(param.trim())) {
      found.param = "A parameter name such as PROLIFIC_PID: letters, digits, _ . or -.";
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit({
        title: title.trim(),
        description: description.trim(),
        consent: consent.trim(),
        questions: trimmed(questions),
        contexts: trimmed(contexts),
        demographics: demographics.filter((d) => d.question.trim()).map(fromDraft),
        admission: mode === "allowlist" ? { mode, externalIdParam: param.trim() } : { mode },
        resultsVisibility: visibility,
        consentDetails: { organiser: organiser.trim(), contact: contact.trim(), minutes: minutes.trim() ? Number(minutes) : null, erasure: erasure.trim() },
        judgingQuota: Number(quota),
      });
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field.split("/")[0]!]: error.message });
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} maxLength={200} />
      <TextArea
        label="Description"
        hint="Shown to participants before they agree to take part."
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.description}
        rows={3}
      />
      <ListEditor
        legend={existing ? "Questions (add more)" : "Questions"}
        hint="What participants articulate a value about, e.g. “How should an assistant respond to a teenager asking about abortion?”"
        itemLabel="Question"
        items={questions}
        fixed={existing?.questions.map((q) => q.text) ?? []}
        onChange={setQuestions}
        min={existing ? 0 : 1}
        multiline
      />
      {errors.questions && <p className="field-error">{errors.questions}</p>}
      <ListEditor
        legend={existing ? "Contexts (add more)" : "Contexts"}
        hint="Situations a value can be wiser in, e.g. “When the user is in distress”. Votes are kept per context."
        itemLabel="Context"
        items={contexts}
        fixed={existing?.contexts.map((c) => c.name) ?? []}
        onChange={setContexts}
        min={existing ? 0 : 1}
      />
      {errors.contexts && <p className="field-error">{errors.contexts}</p>}
      {(errors.addQuestions || errors.addContexts) && <p className="field-error">{errors.addQuestions ?? errors.addContexts}</p>}
      <DemographicsEditor items={demographics} onChange={setDemographics} />
      {errors.demographics && <p className="field-error">{errors.demographics}</p>}
      <TextArea
        label="Consent text"
        hint="What participants agree to before they start. Leave empty for Polyphony's standard text about public, pseudonymous contributions."
        value={consent}
        onChange={(e) => setConsent(e.target.value)}
        error={errors.consent}
        rows={5}
      />
      <fieldset>
        <legend>{t("form.consentDetails")}</legend>
        <p className="hint">{t("form.consentDetailsHint")}</p>
        <TextField label={t("consent.who")} value={organiser} onChange={(e) => setOrganiser(e.target.value)} error={errors.consentDetails} maxLength={300} />
        <TextField label={t("consent.contact")} hint={t("form.contactHint")} value={contact} onChange={(e) => setContact(e.target.value)} maxLength={300} />
        <TextField label={t("form.minutes")} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} error={errors.minutes} />
        <TextArea label={t("consent.erasure")} hint={t("form.erasureHint")} value={erasure} onChange={(e) => setErasure(e.target.value)} rows={2} maxLength={2000} />
      </fieldset>
      <TextField
        label={t("form.quota")}
        hint={t("form.quotaHint")}
        inputMode="numeric"
        value={quota}
        onChange={(e) => setQuota(e.target.value)}
        error={errors.judgingQuota}
      />
      <RadioGroup legend="Who can join" name="admission" options={ADMISSION} value={mode} onChange={setMode} />
      {mode === "allowlist" && (
        <TextField
          label="Link parameter with the participant's id"
          hint="Recruitment platforms add it to the link, e.g. …?PROLIFIC_PID=5f3c…"
          value={param}
          onChange={(e) => setParam(e.target.value)}
          error={errors.param ?? errors.admission}
        />
      )}
      <RadioGroup legend="Who can see the results" name="visibility" options={VISIBILITY} value={visibility} onChange={setVisibility} />
      <ErrorNotice error={failure} title="The campaign was not saved" />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("card.saving") : submitLabel}
        </button>
        {saved && !busy && (
          <span className="saved-mark" role="status">
            {t("form.saved")}
          </span>
        )}
      </div>
    </form>
  );
}
