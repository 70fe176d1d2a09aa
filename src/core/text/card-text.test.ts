import { describe, expect, it } from "vitest";
import { cardText } from "./card-text.ts";

describe("cardText", () => {
  it("joins title, description and policies as sentences, one per line", () => {
    const text = cardText({
      title: "Heard first",
      description: "Listen before advising.",
      policies: ["MOMENTS when someone feels heard", "  ", "QUESTIONS that open a conversation?"],
    });
    expect(text).toBe("Heard first.\nListen before advising.\nMOMENTS when someone feels heard.\nQUESTIONS that open a conversation?");
  });
});
