import { createServer, type Server } from "node:http";

/**
 * A tiny server that speaks the OpenAI chat-completions protocol, enough for the articulation
 * chat: a chat turn (the conversation opens with a system prompt) answers and says it is ready to
 * draft; a draft request answers with a values card.
 */
export async function startFakeLlm(): Promise<{ baseUrl: string; requests: number; close(): Promise<void> }> {
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      state.requests++;
      const { messages } = JSON.parse(body) as { messages: { role: string; content: string }[] };
      const content =
        messages[0]?.role === "system"
          ? { reply: "Thank you. It sounds like you notice when someone is ready to hear hard facts. Here is a draft.", ready_to_draft: true }
          : {
              title: "Readiness for truth",
              description: "Giving honest information at the pace the person can take it in.",
              policies: [
                "MOMENTS when the person asks a direct question",
                "SIGNS that they are overwhelmed and need a pause",
                "WORDS they use that show what they already know",
              ],
            };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${state.requests}`,
          object: "chat.completion",
          created: 0,
          model: "fake",
          choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: JSON.stringify(content) } }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
