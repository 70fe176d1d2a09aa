import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, hasChromium, launchBrowser, screenshot, screenshotAt, seriousViolations, warnIfNoChromium } from "./support/browser.ts";
import { startServer, type RunningServer } from "./support/server.ts";
import { ensureWebBuild } from "./support/web-build.ts";

warnIfNoChromium();

interface Receipt {
  index: number;
  leafHash: string;
  inclusionProof: string[];
  checkpoint: string;
}

describe.skipIf(!hasChromium)("the log explorer", () => {
  let server: RunningServer;
  let browser: Browser;
  let receipt: Receipt;
  let joinedReceipt: Receipt;
  let campaignId = "";

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { campaign } = await server.api("POST", "/campaigns", { title: "Log check", questions: ["How should an assistant answer?"], contexts: ["Always"] });
    campaignId = campaign.id;
    await server.api("POST", "/campaigns", { title: "Another campaign", questions: ["Another question?"], contexts: ["Elsewhere"] });
    const joined = await server.api("POST", `/campaigns/${campaign.id}/participants`, { answers: {} });
    const token = joined.token as string;
    joinedReceipt = joined.receipt;
    for (let i = 0; i < 4; i++) {
      const submitted = await server.api(
        "POST",
        `/campaigns/${campaign.id}/cards`,
        {
          question: campaign.questions[0].id,
          title: `Value ${i}`,
          description: `A value numbered ${i}.`,
          policies: ["MOMENTS when it matters", "CHOICES that last", "PEOPLE who help"],
        },
        token,
      );
      receipt = submitted.receipt;
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function expectAccessible(page: Page, name: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  }

  it("verifies the checkpoint, an entry and a receipt in the browser, and refuses a forged receipt", async () => {
    expect(receipt.index).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/log`);
    await page.getByText("The log's signature on this checkpoint verified in your browser.").waitFor();
    await page.getByRole("cell", { name: String(receipt.index), exact: true }).waitFor();
    await screenshot(page, "log-1-checkpoint");
    await expectAccessible(page, "log");

    await page.getByLabel("Entry number").fill(String(receipt.index));
    await page.getByRole("button", { name: "Look up and verify" }).click();
    await page.getByText(`Verified in your browser: entry ${receipt.index} is in the log's signed tree`).waitFor();
    await page.getByRole("heading", { name: new RegExp(`^Entry ${receipt.index}: `) }).waitFor();
    await screenshot(page, "log-2-entry");
    await expectAccessible(page, "log entry");

    await page.getByLabel("Or paste receipts (JSON)").fill(JSON.stringify(receipt));
    await page.getByRole("button", { name: "Check the receipts" }).click();
    await page.getByText("Verified: the receipt's entry is in the log.").waitFor();
    await page.locator("form[aria-labelledby=receipt-heading] [role=status]").getByText(/in the log's signed tree of \d+ entries/).waitFor();
    const forged = { ...receipt, inclusionProof: receipt.inclusionProof.map((h, i) => (i === 0 ? "A".repeat(43) + "=" : h)) };
    await page.getByLabel("Or paste receipts (JSON)").fill(JSON.stringify(forged.inclusionProof.length > 0 ? forged : { ...receipt, index: receipt.index + 1 }));
    await page.getByRole("button", { name: "Check the receipts" }).click();
    await page.getByText("not verified: the inclusion proof does not lead to the checkpoint's tree head.").waitFor();
    await screenshotAt(page, "log-3-receipt", (width) => expectAccessible(page, `receipt at ${width}`));

    // The file the closing page downloads, a list of {what, receipt}, verifies as it is, every receipt.
    const file = JSON.stringify([{ what: "joined", receipt: joinedReceipt }, { what: "card", receipt }], null, 2);
    await page.getByLabel("Receipts file (downloaded from the closing page)").setInputFiles({ name: "polyphony-receipts.json", mimeType: "application/json", buffer: Buffer.from(file) });
    await page.getByText("Verified: all 2 receipts' entries are in the log.").waitFor();
    await page.getByText(`Your values card, entry ${receipt.index}: verified`).waitFor();
    await page.getByText(`Joining, entry ${joinedReceipt.index}: verified`).waitFor();
    await screenshotAt(page, "log-4-receipts-file", (width) => expectAccessible(page, `receipts file at ${width}`));
    await page.close();
  });

  it("says in plain words what each entry is, and shows one campaign's entries", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}/log`);
    await page.getByRole("cell", { name: "A values card" }).first().waitFor();
    await page.getByLabel("Show one campaign's entries").fill(campaignId);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/campaign=/);
    await page.getByRole("heading", { name: `Entries of campaign ${campaignId}` }).waitFor();
    // The campaign's entries the latest checkpoint covers, newest first; the other campaign's entry is left out.
    await page.getByText(/entries? of this campaign among the latest \d+\./).waitFor();
    const campaigns = await page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(campaigns.length).toBeGreaterThanOrEqual(2);
    expect(new Set(campaigns)).toEqual(new Set([campaignId]));
    const kinds = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(kinds.at(-1)).toBe("A campaign was created");
    expect(new Set(kinds.slice(0, -1))).toEqual(new Set(["A values card", "A value entered the graph", "Someone joined"]));
    await screenshotAt(page, "log-5-campaign", (width) => expectAccessible(page, `log by campaign at ${width}`));
    await page.close();
  });
});
