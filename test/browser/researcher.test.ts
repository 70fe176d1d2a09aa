import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, hasChromium, launchBrowser, screenshot, seriousViolations, warnIfNoChromium } from "./support/browser.ts";
import { startServer, type RunningServer } from "./support/server.ts";
import { ensureWebBuild } from "./support/web-build.ts";

warnIfNoChromium();

describe.skipIf(!hasChromium)("a researcher in the browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function visit(page: Page, name: string) {
    await screenshot(page, name);
    const violations = await seriousViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  }

  /** Two participants write nearly the same card; a third writes another. */
  async function seedCards(campaign: { id: string; questions: { id: string }[] }) {
    const submit = async (title: string, description: string, policies: string[]) => {
      const { token } = await server.api("POST", `/campaigns/${campaign.id}/participants`, { answers: {} });
      return (await server.api("POST", `/campaigns/${campaign.id}/cards`, { question: campaign.questions[0]!.id, title, description, policies }, token)).card;
    };
    const care = [
      "MOMENTS when the person names what they are afraid of",
      "FEELINGS of relief when they are listened to",
      "PEOPLE in their life who could support them",
    ];
    await submit("Listening with care", "Listen to the person with care before giving advice.", care);
    await submit("Careful listening", "Listen with care to the person before any advice.", care);
    await submit("Plain facts", "Give accurate medical facts without judgment.", [
      "SOURCES that doctors trust",
      "NUMBERS that describe the real risks",
      "LAWS that apply where they live",
    ]);
  }

  it("signs in, creates a campaign, merges two similar cards and undoes it, and runs the campaign", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/researcher`);
    await page.getByRole("heading", { name: "Researcher sign-in" }).waitFor();
    await visit(page, "researcher-1-sign-in");
    await page.getByLabel("Researcher token").fill("pr_not_a_token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("This token is unknown or was revoked.").waitFor();
    await page.getByLabel("Researcher token").fill(server.token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your campaigns" }).waitFor();
    await page.getByText("No campaigns yet").waitFor();
    // The session is a cookie no script reads and no other site sends; the token is in no storage a script can read.
    const [session] = (await context.cookies()).filter((c) => c.name === "polyphony_researcher");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api" });
    const readable = await page.evaluate<string>("JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })");
    expect(readable).not.toContain(server.token);
    // Still signed in after a reload, from the cookie alone.
    await page.reload();
    await page.getByRole("heading", { name: "Your campaigns" }).waitFor();

    await page.getByRole("link", { name: "New campaign" }).click();
    await page.getByRole("heading", { name: "New campaign" }).waitFor();
    await page.getByLabel("Title").fill("Assistants and grief");
    await page.getByLabel("Description").fill("How should an AI assistant talk with someone who is grieving?");
    await page.getByLabel("Question 1").fill("How should an assistant respond to someone whose parent just died?");
    await page.getByLabel("Context 1").fill("When the person is in shock");
    await page.getByRole("button", { name: "Add context" }).click();
    await page.getByLabel("Context 2").fill("When the person asks for practical help");
    await page.getByRole("button", { name: "Add a demographic question" }).click();
    await page.getByLabel("Demographic question 1").fill("Age group");
    await page.getByLabel("Answer options").fill("under 30\n30 to 60\nover 60");
    await visit(page, "researcher-2-new-campaign");
    await page.getByRole("button", { name: "Create the campaign" }).click();

    await page.getByRole("heading", { name: "Progress", exact: true }).waitFor();
    const campaignId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    const { campaign } = await server.api("GET", `/campaigns/${campaignId}`);
    expect(campaign.title).toBe("Assistants and grief");
    expect(campaign.contexts.map((c: { name: string }) => c.name)).toEqual(["When the person is in shock", "When the person asks for practical help"]);
    expect(campaign.demographics).toEqual([{ key: "age_group", question: "Age group", options: ["under 30", "30 to 60", "over 60"] }]);
    await seedCards(campaign);
    await page.getByText("3 values cards").waitFor({ timeout: 15_000 });
    await visit(page, "researcher-3-progress");

    await page.getByRole("link", { name: "Similar cards" }).click();
    await page.getByRole("heading", { name: "Proposed merges" }).waitFor();
    const proposal = page.getByRole("form", { name: /Merge “(Listening with care|Careful listening)”/ });
    await proposal.waitFor({ timeout: 120_000 });
    await visit(page, "researcher-4-similar-cards");
    await proposal.getByLabel("Keep “Listening with care”").check();
    await proposal.getByLabel("Reason").fill("Both say: listen with care before advising");
    await proposal.getByRole("button", { name: "Merge" }).click();
    await page.getByText("Merged “Careful listening” into “Listening with care”.").waitFor();
    const { merges } = await server.api("GET", `/campaigns/${campaignId}/merges`);
    expect(merges).toHaveLength(1);
    expect(merges[0].reason).toBe("Both say: listen with care before advising");
    const { cards } = await server.api("GET", `/campaigns/${campaignId}/canonical-cards`);
    expect(cards.map((c: { title: string }) => c.title).sort()).toEqual(["Listening with care", "Plain facts"]);
    await visit(page, "researcher-5-merged");

    await page.getByRole("button", { name: "Undo this merge…" }).click();
    await page.getByLabel(/Reason for undoing merge/).fill("They differ on timing");
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await page.getByText("The merge was undone.").waitFor();
    const undone = await server.api("GET", `/campaigns/${campaignId}/merges`);
    expect(undone.merges[0].undoReason).toBe("They differ on timing");

    await page.getByRole("link", { name: "Stories" }).click();
    await page.getByLabel("From the value").selectOption({ label: "Listening with care" });
    await page.getByLabel("To the value").selectOption({ label: "Plain facts" });
    await page.getByLabel("Story").fill("I used to sit with my friend in silence. When she asked what to do next, I saw she needed clear facts.");
    await page.getByRole("button", { name: "Save the story" }).click();
    await page.getByText("The story is saved").waitFor();
    await visit(page, "researcher-6-stories");

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Title").fill("Assistants and grief (pilot)");
    await page.getByLabel("Invite codes: each code admits one person").check();
    await visit(page, "researcher-7-settings");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    await page.getByRole("heading", { name: "Assistants and grief (pilot)" }).waitFor();

    await page.getByRole("link", { name: "Admission" }).click();
    await page.getByLabel("Number of new invite links").fill("3");
    await page.getByRole("button", { name: "Create invite links" }).click();
    const links = (await page.getByLabel("Invite links", { exact: true }).inputValue()).split("\n");
    expect(links).toHaveLength(3);
    await page.getByText("3 invite codes: 0 used, 3 unused.").waitFor();
    await visit(page, "researcher-8-admission");

    // The invite link admits a participant; a made-up code does not.
    const guest = await context.newPage();
    await guest.goto(links[0]!.replace(/^https?:\/\/[^/]+/, server.url));
    await guest.getByRole("checkbox").check();
    await guest.getByRole("button", { name: "Continue" }).click();
    await guest.getByRole("button", { name: "Continue" }).click();
    await guest.getByRole("heading", { name: "The question" }).waitFor();
    await guest.close();
    const stranger = await browser.newPage();
    await stranger.goto(`${server.url}/join/${campaignId}?invite=inv_made_up`);
    await stranger.getByRole("checkbox").check();
    await stranger.getByRole("button", { name: "Continue" }).click();
    await stranger.getByRole("button", { name: "Continue" }).click();
    await stranger.getByText("this invite code is not valid for this campaign").waitFor();
    await stranger.getByLabel("Invite code").waitFor();
    await stranger.close();

    await page.getByRole("link", { name: "Moderation" }).click();
    await page.getByText("Nothing is hidden.").waitFor();
    await page.getByRole("button", { name: "Hide… value “Plain facts”" }).click();
    await page.getByLabel("Reason to hide value “Plain facts”").fill("Spam test");
    await page.getByLabel("Reason to hide value “Plain facts”").press("Enter");
    await page.getByText("Hidden. It stays in the log").waitFor();
    const moderation = await server.api("GET", `/campaigns/${campaignId}/moderation`);
    expect(moderation.hidden).toEqual([expect.objectContaining({ target: { kind: "canonical_card", id: expect.any(String) }, reason: "Spam test" })]);
    await visit(page, "researcher-9-moderation");

    await page.getByRole("link", { name: "Export" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Polyphony moral graph (JSON)" }).click()]);
    expect(download.suggestedFilename()).toBe(`${campaignId}-polyphony.json`);
    const exported = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path()), "utf8"));
    expect(exported.format).toBe("polyphony.moral-graph");
    await visit(page, "researcher-10-export");

    // Results for researchers only: a visitor without a token is told so; the researcher sees them.
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Researchers only: a researcher token is needed").check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/c/${campaignId}/results`);
    await visitor.getByText("publish its results to signed-in researchers only").waitFor();
    await screenshot(visitor, "results-restricted");
    await visitor.close();
    await page.getByRole("link", { name: "results", exact: true }).click();
    await page.getByRole("heading", { name: "Results: Assistants and grief (pilot)" }).waitFor();
    await page.getByRole("heading", { name: "Who took part, and do they trust the result?" }).waitFor();
    await context.close();
  });
});
