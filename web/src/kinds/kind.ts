import type { ComponentType } from "react";
import type { Draft, Me, Receipt, Session } from "../participant/session.ts";
import type { Campaign } from "../lib/types.ts";

/**
 * What the shared participant flow hands a kind's own steps. The flow owns consent, the
 * demographic questions, the closing survey and the receipts; a kind owns the steps between.
 */
export interface KindFlowProps {
  campaign: Campaign;
  session: Session;
  /** What the server recorded about this participant (`GET …/me`), once loaded. */
  me: Me | null;
  /** The kind's step to show, one of its `steps`. */
  step: string;
  /** The work in progress this browser keeps; a kind reads and writes its own fields. */
  draft: Draft;
  setDraft: (change: Partial<Draft>) => void;
  /** Keeps a contribution's receipt, under one of the kind's `receiptLabels`. */
  keep: (what: string, receipt: Receipt | undefined) => void;
  /** Records reaching `step` on the server, then shows it; `"survey"` ends the kind's part. */
  advance: (step: string) => Promise<void>;
  /** Shows `step` without recording it (going back to edit). */
  show: (step: string) => void;
  refreshMe: () => Promise<void>;
  onError: (error: unknown) => void;
}

/** What a researcher's tab is given: the campaign, and a way to reload it after a change. The session cookie signs its requests. */
export interface TabProps {
  campaign: Campaign;
  reload: () => void;
}

/** A researcher's tab for a campaign. */
export interface KindTab {
  id: string;
  label: string;
  Panel: ComponentType<TabProps>;
}

/**
 * The web side of a campaign kind, as src/platform/kind.ts is its server side: the participant
 * steps it adds, what the closing page says about a participant's contribution, the researcher's
 * tabs, and the public results page. The shared pages look a campaign's kind up and ask it.
 */
export interface WebKind {
  id: string;
  /** The kind's own participant steps, in order, as the server records them. */
  steps: readonly string[];
  /** The progress list's entries for those steps, in order. */
  progress: readonly { steps: readonly string[]; label: string }[];
  /** Where a returning participant picks up among the kind's steps, from the server's record and the browser's draft. */
  resumeAt: (me: Me, draft: Draft) => string;
  Flow: ComponentType<KindFlowProps>;
  /** What the closing page shows about the participant's contribution. */
  Closing: ComponentType<{ campaignId: string; me: Me | null }>;
  /** How the closing page names each kind of receipt the kind keeps. */
  receiptLabels: Readonly<Record<string, string>>;
  tabs: readonly KindTab[];
  /** The public results page (a lazily loaded component). */
  Results: ComponentType<{ campaignId: string }>;
}
