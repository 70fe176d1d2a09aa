import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The parts of a chat-completions or embeddings request body the fake looks at. */
export interface FakeBody {
  readonly model?: string;
  readonly messages?: readonly { role: string; content: string }[];
  readonly input?: string | readonly string[];
  readonly response_format?: { type: string };
  readonly [key: string]: unknown;
}

export interface FakeRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: FakeBody;
}

/**
 * A string is the assistant's message. An object may set the HTTP status and a raw JSON body, or
 * the message `content` and `finishReason`, and may delay the answer by `delayMs`.
 */
export type FakeReply = string | { status?: number; body?: unknown; content?: string; finishReason?: string; delayMs?: number };

/** Chooses the reply to a request; undefined falls back to the default behaviour. */
export type FakeHandler = (request: FakeRequest) => FakeReply | undefined | Promise<FakeReply | undefined>;

export interface FakeOpenAi {
  /** Ends in `/v1`, as providers expect. */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: FakeRequest[];
  close(): Promise<void>;
}

export const DEFAULT_CARD = {
  title: "Heard before helped",
  description: "Before offering any advice, make sure the person feels their situation has been understood in their own terms.",
  policies: [
    "MOMENTS when the person feels understood without having to justify themselves",
    "FEELINGS the person has not yet put into words",
    "QUESTIONS that let the person say what matters most to them",
  ],
};

export const DEFAULT_STORY =
  "I used to answer every worried question with facts, fast. Then a friend told me she had read all the facts already; what she needed was someone to ask how she was holding up. Now I listen first.";

/** The default assistant message, chosen by the JSON shape the prompt asks for. */
export function defaultChatReply(body: FakeBody): string {
  const messages = body.messages ?? [];
  const text = messages.map((message) => message.content).join("\n");
  if (text.includes('"ready_to_draft"')) {
    const userTurns = messages.filter((message) => message.role === "user");
    const ready = userTurns.length >= 3 || /\bdraft\b/i.test(userTurns.at(-1)?.content ?? "");
    const reply = ready ? "Thank you. Here is a draft card for you to check." : "What would you pay attention to first?";
    return JSON.stringify({ reply, ready_to_draft: ready });
  }
  if (text.includes('{"story"')) return JSON.stringify({ story: DEFAULT_STORY });
  if (text.includes('"policies"')) return JSON.stringify(DEFAULT_CARD);
  return "OK";
}

/** A deterministic embedding: each word adds ±1 on a dimension chosen by its FNV-1a hash. */
export function hashEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []) {
    let hash = 0x811c9dc5;
    for (const char of word) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
    vector[hash % dimensions]! += hash & 0x80000000 ? -1 : 1;
  }
  return vector;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function chatCompletion(body: FakeBody, content: string, finishReason: string) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 0,
    model: body.model ?? "fake",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function embeddings(body: FakeBody, dimensions: number) {
  const inputs = typeof body.input === "string" ? [body.input] : [...(body.input ?? [])];
  return {
    object: "list",
    model: body.model ?? "fake",
    data: inputs.map((text, index) => ({ object: "embedding", index, embedding: hashEmbedding(text, dimensions) })),
    usage: { prompt_tokens: 0, total_tokens: 0 },
  };
}

/**
 * Starts a real HTTP server on an ephemeral port that speaks enough of the OpenAI API for the
 * providers: `POST /v1/chat/completions` (non-streaming) and `POST /v1/embeddings`.
 */
export async function startFakeOpenAi(handler: FakeHandler = () => undefined, options: { dimensions?: number } = {}): Promise<FakeOpenAi> {
  const dimensions = options.dimensions ?? 16;
  const requests: FakeRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const serve = async (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const path = (incoming.url ?? "/").split("?")[0]!;
    let body: FakeBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as FakeBody;
    } catch {
      sendJson(response, 400, { error: { message: "request body is not JSON", type: "invalid_request_error" } });
      return;
    }
    const request: FakeRequest = { path, headers: incoming.headers, body };
    requests.push(request);
    const isChat = path === "/v1/chat/completions";
    if (incoming.method !== "POST" || (!isChat && path !== "/v1/embeddings")) {
      sendJson(response, 404, { error: { message: `no route ${incoming.method} ${path}`, type: "not_found" } });
      return;
    }
    const reply = (await handler(request)) ?? (isChat ? defaultChatReply(body) : { body: embeddings(body, dimensions) });
    const answer = typeof reply === "string" ? { content: reply } : reply;
    if (answer.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), answer.delayMs);
        timers.add(timer);
      });
    }
    if (response.destroyed) return;
    const status = answer.status ?? 200;
    if (answer.body !== undefined) sendJson(response, status, answer.body);
    else if (status >= 400) sendJson(response, status, { error: { message: `fake failure ${status}`, type: "server_error" } });
    else if (isChat) sendJson(response, status, chatCompletion(body, answer.content ?? defaultChatReply(body), answer.finishReason ?? "stop"));
    else sendJson(response, status, embeddings(body, dimensions));
  };
  const server = createServer((incoming, response) => {
    serve(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { message: `fake handler failed: ${String(error)}`, type: "server_error" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
