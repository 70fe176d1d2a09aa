import { z } from "zod";
import type { Llm } from "../../../ports.ts";
import { completeJson } from "../../../providers/complete-json.ts";
import { renderPrompt } from "../../../providers/prompts.ts";

/** The parts of a values card a story needs. */
export interface StoryCard {
  readonly title: string;
  readonly description: string;
  readonly policies: readonly string[];
}

// The prompt asks for at most 150 words; a little over is still a usable story.
const MAX_WORDS = 200;

const Story = z.object({
  story: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .refine((story) => story.split(/\s+/).length <= MAX_WORDS, `must be at most 150 words`),
});

const bullets = (policies: readonly string[]) => policies.map((policy) => `- ${policy}`).join("\n");

/**
 * Writes a short first-person story of someone who lived by `from` in `context` and came to see
 * `to` as wiser. Callers wanting voters, not the model, to decide direction ask for both.
 */
export async function writeUpgradeStory(llm: Llm, input: { from: StoryCard; to: StoryCard; context: string }): Promise<string> {
  const prompt = renderPrompt("upgrade-story", {
    context: input.context,
    from_title: input.from.title,
    from_description: input.from.description,
    from_policies: bullets(input.from.policies),
    to_title: input.to.title,
    to_description: input.to.description,
    to_policies: bullets(input.to.policies),
  });
  const { story } = await completeJson(llm, [{ role: "user", content: prompt }], Story, "upgrade story", { temperature: 0.8 });
  return story;
}
