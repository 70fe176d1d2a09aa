import { describe, expect, it } from "vitest";
import { DEFAULT_CARD } from "../../../../test/support/fake-openai-server.ts";
import { useFakeLlm } from "../../../../test/support/fake-llm.ts";
import { continueArticulation, draftValuesCard } from "./articulation.ts";

const question = "How should an assistant respond to a teenager asking about abortion?";
const { llmFor, server } = useFakeLlm();


describe("continueArticulation", () => {
  it("opens the chat with a question when there are no messages", async () => {
    const llm = await llmFor();
    const turn = await continueArticulation(llm, { question, messages: [] });
    expect(turn).toEqual({ reply: "What would you pay attention to first?" });
    const [system, opening] = server().requests[0]!.body.messages!;
    expect(system).toMatchObject({ role: "system" });
    expect(system!.content).toContain(question);
    expect(opening).toMatchObject({ role: "user" });
  });

  it("keeps asking until the model is ready, then drafts a card from the conversation", async () => {
    const llm = await llmFor();
    const messages = [
      { role: "user" as const, content: "I'd want her to feel she is not being judged." },
      { role: "assistant" as const, content: "What would tell you she feels that?" },
      { role: "user" as const, content: "Please draft it now." },
    ];
    const turn = await continueArticulation(llm, { question, messages });
    expect(turn.reply).toBe("Thank you. Here is a draft card for you to check.");
    expect(turn.draft).toEqual(DEFAULT_CARD);
    const draftPrompt = server().requests[1]!.body.messages![0]!.content;
    expect(draftPrompt).toContain("Participant: I'd want her to feel she is not being judged.");
    expect(draftPrompt).toContain("Assistant: What would tell you she feels that?");
    expect(server().requests[1]!.body.response_format).toEqual({ type: "json_object" });
  });

  it("accepts the ready flag written as a string", async () => {
    const llm = await llmFor(({ body }) =>
      body.messages?.[0]?.role === "system" ? JSON.stringify({ reply: "Drafting.", ready_to_draft: "true" }) : undefined,
    );
    const turn = await continueArticulation(llm, { question, messages: [{ role: "user", content: "Just draft it." }] });
    expect(turn.draft?.title).toBe(DEFAULT_CARD.title);
  });

  it("fails with upstream_failed when the chat reply is unusable twice", async () => {
    const llm = await llmFor(() => JSON.stringify({ answer: "hello" }));
    await expect(continueArticulation(llm, { question, messages: [] })).rejects.toMatchObject({
      code: "upstream_failed",
      message: /model fake-model returned an unusable articulation reply: reply: /,
    });
  });
});

describe("draftValuesCard", () => {
  const messages = [{ role: "user" as const, content: "Honesty without pressure." }];

  it("repairs a card with too many policies once, telling the model what was wrong", async () => {
    let calls = 0;
    const llm = await llmFor(() => (calls++ === 0 ? JSON.stringify({ ...DEFAULT_CARD, policies: Array(8).fill("MOMENTS of x") }) : undefined));
    expect(await draftValuesCard(llm, { question, messages })).toEqual(DEFAULT_CARD);
    const repair = server().requests[1]!.body.messages!;
    expect(repair.at(-2)).toMatchObject({ role: "assistant" });
    expect(repair.at(-1)!.content).toContain("policies: must list 3 to 7 attention policies");
  });

  it("fails with upstream_failed when the card stays invalid", async () => {
    const llm = await llmFor(() => JSON.stringify({ title: "", description: "d", policies: ["A", "B"] }));
    const error = await draftValuesCard(llm, { question, messages }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "upstream_failed", detail: { model: "fake-model" } });
    expect((error as Error).message).toMatch(/unusable values card draft: title: must not be empty; policies: must list 3 to 7/);
    expect(server().requests).toHaveLength(2);
  });

  it("fails with upstream_failed when the reply is not JSON at all", async () => {
    const llm = await llmFor(() => "I cannot do that.");
    await expect(draftValuesCard(llm, { question, messages })).rejects.toMatchObject({ code: "upstream_failed", message: /no JSON object/ });
  });

  it("passes on a server error as upstream_failed", async () => {
    const llm = await llmFor(() => ({ status: 502 }));
    await expect(draftValuesCard(llm, { question, messages })).rejects.toMatchObject({ code: "upstream_failed", detail: { status: 502 } });
  });
});
