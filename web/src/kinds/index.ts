import type { WebKind } from "./kind.ts";
import { moralGraph } from "./moral-graph/kind.tsx";

/** Every campaign kind the web app shows, as src/kinds/index.ts registers them on the server. */
export const WEB_KINDS: readonly WebKind[] = [moralGraph];

/** The web side of a campaign's kind; a kind this build does not know is an error the page shows. */
export function webKindOf(campaign: { kind: string }): WebKind {
  const kind = WEB_KINDS.find((k) => k.id === campaign.kind);
  if (!kind) throw new Error(`This version of the web app cannot show campaigns of kind "${campaign.kind}".`);
  return kind;
}
