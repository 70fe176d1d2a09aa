import { PolyphonyError } from "../../../core/errors.ts";
import { formatAddCheckpoint, TLOG_SIZE_TYPE } from "../../../core/log/tlog-witness.ts";
import type { ServiceDeps } from "../../deps.ts";
import { readCheckpoint } from "../read.ts";
import { addCosignatures, type CosignedCheckpoint } from "./cosignatures.ts";

/**
 * Offers the log's latest checkpoint to a witness that speaks c2sp.org/tlog-witness, at its
 * submission prefix `url` (the request goes to `<url>/add-checkpoint`), and stores the cosignatures
 * it returns (those of witnesses the log accepts, POLYPHONY_LOG_WITNESSES). The log need not
 * remember what each witness cosigned: it offers from the size the witness last named, and a
 * witness that cosigned another size answers 409 with it, after which the offer is made again
 * from there with the consistency proof.
 */
export async function pushToWitness(deps: ServiceDeps, url: string, knownSize = 0, fetcher: typeof fetch = fetch): Promise<CosignedCheckpoint> {
  const latest = await readCheckpoint(deps);
  const tree = await deps.log.catchUp();
  const endpoint = `${url.replace(/\/+$/, "")}/add-checkpoint`;
  let oldSize = Math.min(knownSize, latest.size);
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof = oldSize === 0 || oldSize === latest.size ? [] : tree.proveConsistency(oldSize, latest.size);
    let response: Response;
    try {
      response = await fetcher(endpoint, { method: "POST", body: formatAddCheckpoint({ oldSize, proof, checkpoint: latest.note }) });
    } catch (error) {
      throw new PolyphonyError("upstream_failed", `the witness at ${url} could not be reached: ${(error as Error).message}`, { field: "url" });
    }
    const text = await response.text();
    if (response.status === 409 && (response.headers.get("content-type") ?? "").startsWith(TLOG_SIZE_TYPE)) {
      const size = Number(text.trim());
      if (!Number.isSafeInteger(size) || size < 0 || size > latest.size) {
        throw new PolyphonyError("upstream_failed", `the witness at ${url} cosigned size ${text.trim()}, which this log does not have: it saw another history`, { field: "url" });
      }
      oldSize = size;
      continue;
    }
    if (response.status !== 200) throw new PolyphonyError("upstream_failed", `the witness at ${url} answered ${response.status}: ${text.trim().slice(0, 200)}`, { field: "url" });
    return addCosignatures(deps, latest.note + text);
  }
  throw new PolyphonyError("upstream_failed", `the witness at ${url} keeps naming another size`, { field: "url" });
}

/**
 * Offers each new checkpoint to the witnesses at `urls` (POLYPHONY_LOG_WITNESS_URLS), checking
 * every `seconds`; a witness that fails is offered the next new checkpoint. Returns the function
 * that stops it.
 */
export function scheduleWitnessPushes(deps: ServiceDeps, urls: readonly string[], seconds: number): () => void {
  if (urls.length === 0) return () => {};
  // The size each witness last cosigned, and the size last offered to it.
  const cosigned = new Map<string, number>();
  const offered = new Map<string, number>();
  const failing = new Map<string, string>();
  let busy = false;
  const round = async () => {
    const latest = await deps.log.latestCheckpoint();
    if (!latest) return;
    for (const url of urls) {
      if (offered.get(url) === latest.size) continue;
      offered.set(url, latest.size);
      try {
        cosigned.set(url, (await pushToWitness(deps, url, cosigned.get(url) ?? 0)).size);
        failing.delete(url);
      } catch (error) {
        const message = (error as Error).message;
        // Said once per kind of failure, not every round.
        if (failing.get(url) !== message) console.error(`witness push: ${message}`);
        failing.set(url, message);
      }
    }
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    round()
      .catch((error: unknown) => console.error(`witness push: ${(error as Error).message}`))
      .finally(() => (busy = false));
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
