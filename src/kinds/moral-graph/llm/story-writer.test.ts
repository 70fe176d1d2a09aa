import { describe, expect, it } from "vitest";
import { DEFAULT_STORY } from "../../../../test/support/fake-openai-server.ts";
import { useFakeLlm } from "../../../../test/support/fake-llm.ts";
import { writeUpgradeStory } from "./story-writer.ts";

const from = { title: "Facts first", description: "Give accurate information quickly.", policies: ["FACTS that answer the question", "SOURCES that can be trusted", "RISKS worth naming"] };
const to = { title: "Heard before helped", description: "Make sure the person feels understood first.", policies: ["FEELINGS behind the question", "MOMENTS when the person relaxes", "QUESTIONS that invite more"] };
const context = "When the person is in distress";

const { llmFor, server } = useFakeLlm();

describe("writeUpgradeStory", () => {
  it("fills the prompt with both cards and the context, and returns the story", async () => {
    const llm = await llmFor();
    expect(await writeUpgradeStory(llm, { from, to, context })).toBe(DEFAULT_STORY);
    const prompt = server().requests[0]!.body.messages![0]!.content;
    expect(prompt).toContain(context);
    expect(prompt).toContain('First value — "Facts first": Give accurate information quickly.');
    expect(prompt).toContain("- SOURCES that can be trusted");
    expect(prompt).toContain('Second value — "Heard before helped"');
    expect(prompt.indexOf("Facts first")).toBeLessThan(prompt.indexOf("Heard before helped"));
  });

  it("trims the story", async () => {
    const llm = await llmFor(() => JSON.stringify({ story: "  I changed.  " }));
    expect(await writeUpgradeStory(llm, { from, to, context })).toBe("I changed.");
  });

  it("fails with upstream_failed on a story far over the word limit", async () => {
    const llm = await llmFor(() => JSON.stringify({ story: "word ".repeat(400) }));
    await expect(writeUpgradeStory(llm, { from, to, context })).rejects.toMatchObject({
      code: "upstream_failed",
      message: /unusable upgrade story: story: must be at most 150 words/,
    });
  });

  it("fails with upstream_failed when the story is missing", async () => {
    const llm = await llmFor(() => JSON.stringify({ text: "I changed." }));
    await expect(writeUpgradeStory(llm, { from, to, context })).rejects.toMatchObject({ code: "upstream_failed" });
  });
});
