import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, hasChromium, launchBrowser, screenshot, screenshotAt, seriousViolations, warnIfNoChromium } from "./support/browser.ts";
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

  /** Screenshots at desktop and phone width, with axe and no sideways scrolling at each. */
  async function visit(page: Page, name: string) {
    await screenshotAt(page, name, async (width) => {
      const violations = await seriousViolations(page);
      expect(violations, `${name} at ${width} width:\n${describeViolations(violations)}`).toEqual([]);
      expect(await page.evaluate("document.documentElement.scrollWidth"), `${name} at ${width}`).toBeLessThanOrEqual(page.viewportSize()!.width);
    });
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
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
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
    await page.getByLabel("Who runs this study").fill("The Grief and AI Project, Example University");
    await page.getByLabel("How to reach them").fill("https://grief.example.org/contact");
    await page.getByLabel("How long it takes, in minutes (optional)").fill("20");
    await page.getByLabel("Stories each participant is asked to judge").fill("4");
    await visit(page, "researcher-2-new-campaign");
    await page.getByRole("button", { name: "Create the campaign" }).click();

    await page.getByRole("heading", { name: "Progress", exact: true }).waitFor();
    const campaignId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    const { campaign } = await server.api("GET", `/campaigns/${campaignId}`);
    expect(campaign.title).toBe("Assistants and grief");
    expect(campaign.contexts.map((c: { name: string }) => c.name)).toEqual(["When the person is in shock", "When the person asks for practical help"]);
    expect(campaign.demographics).toEqual([{ key: "age_group", question: "Age group", options: ["under 30", "30 to 60", "over 60"] }]);
    expect(campaign.consentDetails).toEqual({ organiser: "The Grief and AI Project, Example University", contact: "https://grief.example.org/contact", minutes: 20, erasure: "" });
    expect(campaign.judgingQuota).toBe(4);
    // The participant link, whole, with a button that copies it.
    expect(await page.getByLabel("Participant link").inputValue()).toBe(`${server.url}/join/${campaignId}`);
    await page.getByRole("button", { name: "Copy the link" }).click();
    await page.getByText("Copied.").waitFor();
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(`${server.url}/join/${campaignId}`);
    await seedCards(campaign);
    await page.getByText("3 values cards").waitFor({ timeout: 15_000 });
    await visit(page, "researcher-3-progress");

    await page.getByRole("link", { name: "Similar cards" }).click();
    // By default only close pairs are proposed, and the page says how many.
    await page.getByRole("heading", { name: "Proposed merges: 1 pair" }).waitFor({ timeout: 120_000 });
    expect(await page.getByLabel("How similar").inputValue()).toBe("0.95");
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
    // Judged distinct after all, the pair is dismissed and not proposed again.
    const again = page.getByRole("form", { name: /Merge “(Listening with care|Careful listening)”/ });
    await again.waitFor({ timeout: 60_000 });
    await again.getByRole("button", { name: "Not the same: dismiss" }).click();
    await page.getByText(/are marked distinct and will not be proposed again/).waitFor();
    await page.getByRole("heading", { name: "Proposed merges: none" }).waitFor();
    await page.getByText("1 pair this similar was dismissed as distinct.").waitFor();

    await page.getByRole("link", { name: "Stories" }).click();
    // No LLM on this server: no button offers one.
    await page.getByRole("heading", { name: "Where stories are missing" }).waitFor();
    expect(await page.getByRole("button", { name: /LLM/ }).count()).toBe(0);
    // The value pickers are searched by typing; the browser suggests the matching titles.
    await page.getByLabel("From the value").fill("Listening with care");
    await page.getByLabel("To the value").fill("Plain facts");
    await page.getByLabel("Story", { exact: true }).fill("I used to sit with my friend in silence. When she asked what to do next, I saw she needed clear facts.");
    await page.getByRole("button", { name: "Save the story" }).click();
    await page.getByText("The story is saved").waitFor();
    // The coverage view now names the pair told one way, and offers to write the other direction.
    await page.getByText("1 pair is told one way only:").waitFor();
    await page.getByRole("button", { name: /^Write the other direction.*Plain facts → Listening with care$/ }).click();
    expect(await page.getByLabel("From the value").inputValue()).toBe("Plain facts");
    expect(await page.getByLabel("To the value").inputValue()).toBe("Listening with care");
    await visit(page, "researcher-6-stories");

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Title").fill("Assistants and grief (pilot)");
    await page.getByLabel("Invite codes: each code admits one person").check();
    await visit(page, "researcher-7-settings");
    await page.getByRole("button", { name: "Save changes" }).click();
    // "Saved" shows beside the button that saved, in view.
    await page.getByRole("heading", { name: "Assistants and grief (pilot)" }).waitFor();
    const mark = page.locator(".saved-mark");
    await mark.waitFor();
    const [markBox, buttonBox] = [await mark.boundingBox(), await page.getByRole("button", { name: "Save changes" }).boundingBox()];
    expect(Math.abs(markBox!.y - buttonBox!.y)).toBeLessThan(40);
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
    await guest.getByLabel("Prefer not to say").check();
    await guest.getByRole("button", { name: "Continue" }).click();
    await guest.getByRole("heading", { name: "The question" }).waitFor();
    await guest.close();
    const stranger = await browser.newPage();
    // A wrong code is refused before consent and the questions about the person.
    await stranger.goto(`${server.url}/join/${campaignId}?invite=inv_made_up`);
    await stranger.getByText("this invite code is not valid for this campaign").waitFor();
    await stranger.getByLabel("Invite code").waitFor();
    expect(await stranger.getByRole("heading", { name: "Before you start" }).count()).toBe(0);
    expect(await stranger.getByRole("checkbox").count()).toBe(0);
    await screenshotAt(stranger, "participant-invite-refused", async () => {
      expect(await seriousViolations(stranger)).toEqual([]);
    });
    // The right code, typed in, leads to consent.
    await stranger.getByLabel("Invite code").fill(new URL(links[1]!).searchParams.get("invite")!);
    await stranger.getByRole("button", { name: "Continue" }).click();
    await stranger.getByRole("heading", { name: "Before you start" }).waitFor();
    await stranger.getByText("The Grief and AI Project, Example University").waitFor();
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

    // The comments participants wrote, for the researchers.
    const { cards: current } = await server.api("GET", `/campaigns/${campaignId}/canonical-cards`);
    const voter = await server.api("POST", `/campaigns/${campaignId}/participants`, { answers: {}, invite: new URL(links[2]!).searchParams.get("invite") });
    const [first, second] = current.map((c: { id: string }) => c.id);
    await server.api("POST", `/campaigns/${campaignId}/votes`, { from: first, to: second, context: campaign.contexts[0].id, relationship: "no_upgrade", comment: "Facts too soon feel cold." }, voter.token);
    await server.api("POST", `/campaigns/${campaignId}/survey`, { represented: 4, fair: 3, comment: "I wanted more stories." }, voter.token);
    await page.getByRole("link", { name: "Comments" }).click();
    await page.getByRole("cell", { name: "Facts too soon feel cold." }).waitFor();
    await page.getByRole("cell", { name: "I wanted more stories." }).waitFor();
    await visit(page, "researcher-9b-comments");

    await page.getByRole("link", { name: "Export" }).click();
    // Raw data: links to the tables routes, CSV and Parquet for each table.
    await page.getByRole("heading", { name: "Raw data" }).waitFor();
    for (const table of ["votes", "cards", "participants", "survey", "comments"]) {
      for (const format of ["csv", "parquet"]) {
        const link = page.locator(`a[href="/api/v1/campaigns/${campaignId}/tables/${table}?format=${format}"]`);
        expect(await link.count(), `${table} ${format}`).toBe(1);
        expect(await link.getAttribute("download")).toBe(`${campaignId}-${table}.${format}`);
      }
    }
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Polyphony moral graph (JSON)" }).click()]);
    expect(download.suggestedFilename()).toBe(`${campaignId}-polyphony.json`);
    const exported = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path()), "utf8"));
    expect(exported.format).toBe("polyphony.moral-graph");
    await visit(page, "researcher-10-export");

    // Results for researchers only: a visitor without a token is told so; the researcher sees them.
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Researchers only: a researcher token is needed").check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator(".saved-mark").waitFor();
    // Closing asks first.
    await page.getByRole("button", { name: "Close the campaign" }).click();
    await page.getByText(/^Close the campaign\? Nobody new can join/).waitFor();
    await visit(page, "researcher-11-confirm-close");
    await page.getByRole("button", { name: "Keep it open" }).click();
    expect((await server.api("GET", `/campaigns/${campaignId}`)).campaign.status).toBe("open");
    await page.getByRole("button", { name: "Close the campaign" }).click();
    await page.getByRole("button", { name: "Yes, close it" }).click();
    await page.getByRole("button", { name: "Reopen the campaign" }).waitFor();
    expect((await server.api("GET", `/campaigns/${campaignId}`)).campaign.status).toBe("closed");
    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/c/${campaignId}/results`);
    await visitor.getByText("publish its results to signed-in researchers only").waitFor();
    await screenshot(visitor, "results-restricted");
    await visitor.close();
    await page.getByRole("link", { name: "results", exact: true }).click();
    await page.getByRole("heading", { name: "Results: Assistants and grief (pilot)" }).waitFor();
    await page.getByRole("heading", { name: "Who took part, and do they trust the result?" }).waitFor();
    await context.close();
  }, 300_000);
});
