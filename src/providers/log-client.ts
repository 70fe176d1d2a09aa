import { PolyphonyError } from "../core/errors.ts";
import { decodeBase64, HASH_SIZE } from "../core/log/index.ts";
import type { LogProver } from "../platform/log/audit/evidence.ts";
import type { WitnessedLog } from "../platform/log/witness/witness-step.ts";

/** Entries asked for per request: the server's largest page. */
const PAGE = 1000;
/** Pages requested ahead while the verifier hashes the current one. */
const AHEAD = 4;

const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/**
 * A client of a Polyphony server's public log API (/api/v1/log/…). It only transports: every
 * checkpoint, entry and proof it returns is checked by its caller against keys and roots the
 * caller already trusts.
 */
export class LogClient implements LogProver, WitnessedLog {
  readonly baseUrl: string;

  /** `url` is the server's address, with or without a trailing `/api/v1`. */
  constructor(url: string) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new PolyphonyError("invalid_input", `${url} is not a URL`, { field: "url" });
    }
    this.baseUrl = parsed.href.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
  }

  async #get(path: string, init?: RequestInit): Promise<Response> {
    const url = `${this.baseUrl}/api/v1/log/${path}`;
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      const reason = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new PolyphonyError("upstream_failed", `the log at ${url} could not be reached: ${reason}`, { field: "url" });
    }
    if (!response.ok && response.status !== 404) {
      const body = clip(await response.text());
      throw new PolyphonyError("upstream_failed", `the log at ${url} answered HTTP ${response.status}: ${body}`, {
        field: "url",
        detail: { status: response.status },
      });
    }
    return response;
  }

  async #found(path: string): Promise<Response> {
    const response = await this.#get(path);
    if (response.status === 404) throw new PolyphonyError("upstream_failed", `the log at ${this.baseUrl} has no ${path} (HTTP 404)`, { field: "url" });
    return response;
  }

  async #hashes(path: string, field: string): Promise<{ body: Record<string, unknown>; hashes: Uint8Array[] }> {
    const body = (await (await this.#found(path)).json()) as Record<string, unknown>;
    const list = body[field];
    const hashes = Array.isArray(list) ? list.map((h) => (typeof h === "string" ? decodeBase64(h) : null)) : [null];
    if (hashes.some((h) => h === null || h.length !== HASH_SIZE)) {
      throw new PolyphonyError("upstream_failed", `the log at ${this.baseUrl} sent a malformed ${field}`, { field: "url" });
    }
    return { body, hashes: hashes as Uint8Array[] };
  }

  /** The latest signed checkpoint (C2SP signed note text). */
  async fetchCheckpoint(): Promise<string> {
    return (await this.#found("checkpoint")).text();
  }

  /** The log's verifier key text. */
  async fetchKey(): Promise<string> {
    return (await (await this.#found("key")).text()).trim();
  }

  /** The export lines of entries [from, to) as JSONL chunks, a page per chunk, fetched a few pages ahead. */
  async *streamEntries(from: number, to: number): AsyncGenerator<Uint8Array> {
    const pages: Promise<Uint8Array>[] = [];
    let next = from;
    const request = () => {
      const end = Math.min(next + PAGE, to);
      const page = this.#found(`entries?from=${next}&to=${end}`).then(async (r) => new Uint8Array(await r.arrayBuffer()));
      // A verifier may stop reading at a bad line: pages fetched ahead must not fail unobserved.
      page.catch(() => undefined);
      pages.push(page);
      next = end;
    };
    while (next < to || pages.length > 0) {
      while (next < to && pages.length < AHEAD) request();
      yield await pages.shift()!;
    }
  }

  /** RFC 9162 consistency proof from size1 to size2, as the log serves it. */
  async proveConsistency(size1: number, size2: number): Promise<Uint8Array[]> {
    return (await this.#hashes(`proof/consistency?from=${size1}&to=${size2}`, "consistencyProof")).hashes;
  }

  /** The log's leaf hash at `index` and its inclusion proof in the tree of `size`. */
  async proveLeaf(index: number, size: number): Promise<{ leafHash: Uint8Array; proof: Uint8Array[] }> {
    const { body, hashes } = await this.#hashes(`proof/inclusion?index=${index}&size=${size}`, "inclusionProof");
    const leafHash = typeof body.leafHash === "string" ? decodeBase64(body.leafHash) : null;
    if (leafHash === null || leafHash.length !== HASH_SIZE) {
      throw new PolyphonyError("upstream_failed", `the log at ${this.baseUrl} sent a malformed leafHash`, { field: "url" });
    }
    return { leafHash, proof: hashes };
  }

  /** Gives the log a cosigned checkpoint; false when the log has no route for cosignatures. */
  async submitCosignature(note: string): Promise<boolean> {
    const response = await this.#get("cosignatures", { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: note });
    return response.status !== 404;
  }
}
