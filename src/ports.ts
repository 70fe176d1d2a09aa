/**
 * The interfaces the core's callers need. Implementations live in `store/` and `providers/`;
 * `main.ts` (and the CLI's entry) choose among them.
 */

/** Reads the time. Services take one so tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ChatTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

/** A chat-completion model behind the OpenAI-compatible HTTP API. */
export interface Llm {
  readonly model: string;
  /** Returns the assistant's reply. `json` asks for a JSON object as the whole reply. */
  complete(turns: readonly ChatTurn[], options?: { json?: boolean; temperature?: number; maxTokens?: number }): Promise<string>;
}

/** Turns texts into vectors of a fixed dimension, one per text, in order. */
export interface Embedder {
  readonly name: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
