import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, decodeEntry, makeEd25519Verifier, parseVerifierKey, type LogEntry } from "../../src/core/log/index.ts";
import { verifyReceipt, type ApiReceipt } from "../support/receipts.ts";
import { countDrawnPixels, describeViolations, hasChromium, launchBrowser, screenshot, screenshotAt, seriousViolations, waitUntil, warnIfNoChromium, watchCsp } from "./support/browser.ts";
import { startFakeLlm } from "./support/fake-llm.ts";
import { startServer, type RunningServer } from "./support/server.ts";
import { ensureWebBuild } from "./support/web-build.ts";

warnIfNoChromium();

const policies = (topic: string) => [
  `MOMENTS when the person names what they fear about ${topic}`,
  `CHOICES that would still feel right to them in ten years`,
  `PEOPLE in their life who could support them with ${topic}`,
];

describe.skipIf(!hasChromium)("a participant in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let campaign: { id: string; questions: { id: string }[]; contexts: { id: string; name: string }[] };

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ campaign } = await server.api("POST", "/campaigns", {
      title: "Teenagers and hard questions",
      description: "How should an AI assistant talk with a teenager about a difficult decision?",
      consent: "Your values card and judgments are published under a pseudonym.\n\nYou can stop at any time.",
      consentDetails: { organiser: "The Civic AI Lab, Example University", contact: "civic-ai@example.org", minutes: 15, erasure: "" },
      judgingQuota: 2,
      questions: ["How should an assistant respond to a teenager asking about abortion?"],
      contexts: ["When the teenager is in distress", "When the teenager is seeking information"],
      demographics: [{ key: "politics", question: "Political affiliation", options: ["left", "centre", "right"] }],
    }));
    // Someone took part before: two values and stories between them, in both directions.
    const { token } = await server.api("POST", `/campaigns/${campaign.id}/participants`, { answers: { politics: "right" } });
    const submit = (title: string, topic: string) =>
      server.api("POST", `/campaigns/${campaign.id}/cards`, { question: campaign.questions[0]!.id, title, description: `Living by ${title.toLowerCase()}.`, policies: policies(topic) }, token);
    const a = (await submit("Informed autonomy", "the decision")).card.canonicalId;
    const b = (await submit("Steady presence", "being alone")).card.canonicalId;
    const context = campaign.contexts[0]!.id;
    await server.api("POST", `/campaigns/${campaign.id}/stories`, { from: a, to: b, context, text: "I used to give her every fact I had. Then I saw that what she needed first was someone who stayed calm with her." });
    await server.api("POST", `/campaigns/${campaign.id}/stories`, { from: b, to: a, context, text: "I used to just keep him company. Then I saw that he could only feel steady once he understood his options." });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The log's entries as a stranger reads them through the public API. */
  async function readLog(): Promise<LogEntry[]> {
    const { entries } = await server.api<{ entries: { leaf: string }[] }>("GET", "/log/entries?format=json");
    return entries.map((line) => decodeEntry(decodeBase64(line.leaf)!));
  }

  /** What the participant app keeps in the page's localStorage for the campaign. */
  const readStored = (page: Page, what: "key" | "session" | "draft"): Promise<any> =>
    page.evaluate(`JSON.parse(localStorage.getItem(${JSON.stringify(`polyphony.${what}.${campaign.id}`)}) ?? "null")`);

  async function expectAccessible(page: Page, name: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  }

  /** Screenshots at desktop and phone width, and axe at both. */
  async function shoot(page: Page, name: string) {
    await screenshotAt(page, name, async (width) => {
      await expectAccessible(page, `${name} at ${width} width`);
      expect(await page.evaluate("document.documentElement.scrollWidth"), `${name} at ${width} width scrolls sideways`).toBeLessThanOrEqual(page.viewportSize()!.width);
    });
  }

  it("joins from the invite link, writes a card, judges stories, answers the survey, and resumes after closing the tab", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const csp = watchCsp(context);
    let page = await context.newPage();
    const link = `${server.url}/join/${campaign.id}`;
    await page.goto(link);

    await page.getByRole("heading", { name: "Before you start" }).waitFor();
    // Consent names who runs the study, how to reach them, how long it takes and how to be erased.
    for (const fact of ["Who runs this study", "How to reach them", "How long it takes", "Having your data erased"]) {
      await page.getByRole("term").filter({ hasText: fact }).waitFor();
    }
    await page.getByText("The Civic AI Lab, Example University").waitFor();
    expect(await page.getByRole("link", { name: "civic-ai@example.org" }).getAttribute("href")).toBe("mailto:civic-ai@example.org");
    await page.getByText("About 15 minutes").waitFor();
    await shoot(page, "participant-1-consent");
    // Keyboard only: tab to the box, tick it, tab to Continue, press Enter.
    await page.getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { name: "About you" }).waitFor();
    // Nothing is chosen for the participant: Continue asks for an answer, "Prefer not to say" included.
    expect(await page.getByRole("radio", { checked: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("Choose an answer, or “Prefer not to say”.").waitFor();
    await shoot(page, "participant-2-about-you");
    // Back stays in the flow: it shows consent again, and Forward returns.
    await page.goBack();
    await page.getByRole("heading", { name: "Before you start" }).waitFor();
    expect(page.url()).toContain(`/join/${campaign.id}`);
    await page.goForward();
    await page.getByRole("heading", { name: "About you" }).waitFor();
    await page.getByLabel("left").check();
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByRole("heading", { name: "The question" }).waitFor();
    await shoot(page, "participant-3-question");

    // Closing the tab and opening the link again resumes where the participant was.
    await page.close();
    page = await context.newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: "The question" }).waitFor();
    const probe = page.waitForResponse((r) => r.url().endsWith("/capabilities"));
    await page.getByRole("button", { name: "Describe my value" }).click();

    await page.getByRole("heading", { name: "Your value" }).waitFor();
    // This server has no LLM: its capabilities say so and the chat is not offered.
    expect(await (await probe).json()).toMatchObject({ llm: false });
    expect(await page.getByText("Talk it through with an AI").count()).toBe(0);
    // A worked example is shown, not hidden behind a click.
    await page.getByRole("heading", { name: "A worked example" }).waitFor();
    // Back from the card shows the question again; Forward returns to the card.
    await page.goBack();
    await page.getByRole("heading", { name: "The question" }).waitFor();
    await page.goForward();
    await page.getByRole("heading", { name: "Your value" }).waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    // The summary of mistakes takes focus and links to the fields; errors go as the fields are fixed.
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Give your value a short title.",
      "Describe the value in a sentence or two.",
      "Write at least 3 things to pay attention to.",
    ]);
    await shoot(page, "participant-4-card-errors");
    await page.getByLabel("Title").fill("Honest care");
    await page.getByText("Give your value a short title.").waitFor({ state: "detached" });
    await page.getByLabel("Description").fill("Tell the truth gently, and let them lead the conversation.");
    const attention = (n: number) => page.getByLabel(`Thing they pay attention to, number ${n}`);
    // Attention lines are text areas that grow with a sentence.
    expect(await attention(1).evaluate((el) => el.tagName)).toBe("TEXTAREA");
    await attention(1).fill("MOMENTS when they ask a question they have been afraid to ask, after a long silence, in a quiet voice, looking away");
    await attention(2).fill("FEELINGS of shame that make them hold back");
    const [tall, short] = [await attention(1).evaluate((el) => el.clientHeight), await attention(2).evaluate((el) => el.clientHeight)];
    await page.setViewportSize({ width: 390, height: 844 });
    await attention(1).fill("MOMENTS when they ask a question they have been afraid to ask");
    expect(await attention(1).evaluate((el) => el.scrollHeight <= el.clientHeight + 2)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(tall).toBeGreaterThanOrEqual(short);
    // The draft survives a reload before it is sent.
    await page.reload();
    await attention(2).waitFor();
    expect(await attention(1).inputValue()).toBe("MOMENTS when they ask a question they have been afraid to ask");
    await shoot(page, "participant-4-card-form");
    await attention(3).fill("SIGNS that they want facts rather than comfort");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByRole("heading", { name: "Compare with others" }).waitFor();
    const keepOwn = page.getByRole("button", { name: /Keep my own card|Submit my card/ });
    await keepOwn.waitFor({ timeout: 120_000 });
    // Keeping one's own card and choosing another's are offered alike.
    const classes = await page.locator("main button").evaluateAll((buttons) => buttons.map((b) => b.className));
    expect(new Set(classes)).toEqual(new Set(["secondary"]));
    await shoot(page, "participant-5-similar");
    await keepOwn.click();

    await page.getByRole("heading", { name: "Judge upgrade stories" }).waitFor();
    await page.locator("blockquote.story").waitFor();
    await page.getByRole("heading", { name: "Story 1 of 2" }).waitFor();
    // The two values are drawn alike: nothing marks one as the wiser before the participant judges.
    await page.getByText("The two values in this story").click();
    const cardStyles = await page.locator(".pair .values-card").evaluateAll((cards) =>
      cards.map((c) => { const s = c.ownerDocument.defaultView!.getComputedStyle(c); return `${c.className}|${s.borderColor}|${s.borderWidth}|${s.backgroundColor}`; }));
    expect(cardStyles).toHaveLength(2);
    expect(cardStyles[0]).toBe(cardStyles[1]);
    await shoot(page, "participant-6-judge");
    // Stopping before the quota asks first.
    await page.getByRole("button", { name: "Stop judging" }).click();
    await page.getByText("You have not judged any story yet; 2 are asked. Stop anyway?").waitFor();
    await shoot(page, "participant-6-judge-confirm");
    await page.getByRole("button", { name: "Keep judging" }).click();
    await page.getByLabel("Yes, they became wiser").check();
    await page.getByLabel("Why? (optional)").fill("Calm comes before facts when someone is scared.");
    await page.getByRole("button", { name: "Save and continue" }).click();
    // Focus moves to the next story, and the change is announced.
    await page.getByRole("heading", { name: "Story 2 of 2" }).waitFor();
    await waitUntil(page, `document.activeElement?.id === "story-heading"`);
    expect(await page.getByRole("status").filter({ hasText: "Your answer is saved. Story 2 of 2" }).count()).toBe(1);
    await page.getByText("You have judged 1 story of the 2 asked.").waitFor();
    await page.getByLabel("No, this is not wiser").check();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByText("You have judged every story there is for now").waitFor();
    await waitUntil(page, `document.activeElement?.id === "judge-next"`);
    await page.getByRole("button", { name: "Go on to the results" }).click();

    await page.getByRole("heading", { name: "Two last questions" }).waitFor();
    await page.locator(".graph-frame[data-ready=true]").waitFor({ timeout: 60_000 });
    expect(await countDrawnPixels(page)).toBeGreaterThan(200);
    // The participant's value has had no story judged about it: the page says so, not a rank.
    await page.getByText("No one has judged a story about your value yet").waitFor();
    await shoot(page, "participant-7-closing");
    await page.getByRole("group", { name: /represented/ }).getByRole("radio", { name: /^4/ }).check();
    await page.getByRole("group", { name: /fair/ }).getByRole("radio", { name: /^5/ }).check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByText("Thank you for answering the survey").waitFor();
    await shoot(page, "participant-8-done");

    // The participant's contributions are entries of the public log; one of them verifies in the browser.
    await page.getByRole("heading", { name: "Your contributions on the public record" }).waitFor();
    await page.getByText(/^Your values card: /).getByRole("link").click();
    await page.getByText(/^Verified in your browser: entry \d+ is in the log's signed tree/).waitFor();
    await page.getByRole("heading", { name: /: values_card$/ }).waitFor();

    // Coming back later shows the end of the flow, not its start.
    await page.goto(link);
    await page.getByText("Thank you for answering the survey").waitFor();

    // The browser made the participant's key and signed each contribution with it: the log names
    // that key as their entries' author, says the participant holds it, and the receipts verify.
    const stored = {
      key: await readStored(page, "key"),
      session: await readStored(page, "session"),
      draft: await readStored(page, "draft"),
    };
    expect(stored.key.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const { participant } = await server.api("GET", `/campaigns/${campaign.id}/me`, undefined, stored.session.token);
    expect(participant.id).toBe(stored.session.participantId);
    const log = await readLog();
    const mine = log.filter((e) => e.author === stored.key.publicKey);
    expect(mine.map((e) => e.kind)).toEqual(["participant_joined", "values_card", "vote", "vote", "survey_answer"]);
    expect(mine[0]!.body.custody).toBe("participant");
    expect(log.filter((e) => e.kind === "participant_joined").map((e) => e.body.custody)).toEqual(["server", "participant"]);
    // The server accepted the browser's signatures (it refuses a contribution whose signature does not
    // verify); they stay in the erasable openings, and no public leaf carries one.
    for (const entry of mine) expect(entry.body).not.toHaveProperty("sig");
    const vkey = await (await fetch(`${server.url}/api/v1/log/key`)).text();
    const parsed = parseVerifierKey(vkey.trim());
    const verifier = makeEd25519Verifier(parsed.name, parsed.publicKey);
    const receipts = (stored.draft.receipts as { what: string; receipt: ApiReceipt }[]);
    expect(receipts.map((r) => r.what)).toEqual(["joined", "card", "vote", "vote", "survey"]);
    for (const { what, receipt } of receipts) expect(verifyReceipt(receipt, verifier), what).toBe(true);

    const stats = await server.api("GET", `/campaigns/${campaign.id}/stats`);
    expect(stats.participants).toBe(2);
    expect(stats.votes).toBe(2);
    expect(stats.surveys).toBe(1);
    expect(stats.funnel.find((f: { step: string }) => f.step === "done").participants).toBe(1);
    const legitimacy = await server.api("GET", `/campaigns/${campaign.id}/legitimacy?groupBy=politics`);
    expect(legitimacy.overall.represented.count).toBe(1);
    expect(csp, "Content-Security-Policy violations").toEqual([]);
    await context.close();
  });

  it("talks the value through with the LLM when the server has one, then confirms the drafted card", async () => {
    const llm = await startFakeLlm();
    const withLlm = await startServer(undefined, { POLYPHONY_LLM_BASE_URL: llm.baseUrl, POLYPHONY_LLM_MODEL: "fake", POLYPHONY_LLM_API_KEY: "none" });
    try {
      const { campaign: c } = await withLlm.api("POST", "/campaigns", {
        title: "Chat pilot",
        questions: ["How should an assistant answer a frightened patient?"],
        contexts: ["When the patient is frightened"],
      });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${withLlm.url}/join/${c.id}`);
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("button", { name: "Describe my value" }).click();
      await page.getByLabel("Talk it through with an AI").check();
      await page.getByLabel("Your message").fill("When my father was ill, the nurse told him the truth a little at a time, when he asked.");
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByText("A draft of your values card.").waitFor();
      await screenshot(page, "participant-chat");
      await expectAccessible(page, "chat");
      await page.getByRole("button", { name: "Use this draft" }).click();
      expect(await page.getByLabel("Title").inputValue()).toBe("Readiness for truth");
      expect(await page.getByLabel("Thing they pay attention to, number 3").inputValue()).toBe("WORDS they use that show what they already know");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("button", { name: "Submit my card" }).click();
      await page.getByRole("heading", { name: "Judge upgrade stories" }).waitFor();
      const { cards } = await withLlm.api("GET", `/campaigns/${c.id}/canonical-cards`);
      expect(cards.map((card: { title: string }) => card.title)).toEqual(["Readiness for truth"]);
      expect(llm.requests).toBeGreaterThanOrEqual(2);
      await context.close();
    } finally {
      await withLlm.stop();
      await llm.close();
    }
  });

  it("resumes a session from before browsers held keys, and the server signs for it", async () => {
    const joined = await server.api("POST", `/campaigns/${campaign.id}/participants`, { answers: { politics: "centre" } });
    for (const step of ["consent", "demographics", "question"]) await server.api("POST", `/campaigns/${campaign.id}/progress`, { step }, joined.token);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const session = JSON.stringify({ token: joined.token, participantId: joined.participant.id });
    await context.addInitScript(`localStorage.setItem(${JSON.stringify(`polyphony.session.${campaign.id}`)}, ${JSON.stringify(session)})`);
    const page = await context.newPage();
    await page.goto(`${server.url}/join/${campaign.id}`);
    await page.getByRole("heading", { name: "The question" }).waitFor();
    await page.getByRole("button", { name: "Describe my value" }).click();
    await page.getByLabel("Title").fill("Quiet patience");
    await page.getByLabel("Description").fill("Wait with them until they are ready to talk.");
    for (const [i, text] of policies("waiting").entries()) await page.getByLabel(`Thing they pay attention to, number ${i + 1}`).fill(text);
    await page.getByRole("button", { name: "Continue" }).click();
    const keepOwn = page.getByRole("button", { name: /Keep my own card|Submit my card/ });
    await keepOwn.waitFor({ timeout: 120_000 });
    await keepOwn.click();
    await page.getByRole("heading", { name: "Judge upgrade stories" }).waitFor();
    expect(await readStored(page, "key")).toBeNull();

    const mine = (await readLog()).filter((e) => e.author === joined.participant.publicKey);
    expect(mine.map((e) => [e.kind, e.body.custody])).toEqual([["participant_joined", "server"], ["values_card", undefined]]);
    await context.close();
  });

  it("reads well on a 360 px wide phone", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/join/${campaign.id}`);
    await page.getByRole("heading", { name: "Before you start" }).waitFor();
    await screenshot(page, "phone-consent");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "About you" }).waitFor();
    await page.getByLabel("Prefer not to say").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Describe my value" }).click();
    await page.getByLabel("Title").waitFor();
    await screenshot(page, "phone-card-form");
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { name: "Say how AI should behave" }).waitFor();
    await screenshot(page, "phone-home");
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await expectAccessible(page, "home");
    await context.close();
  });
});
