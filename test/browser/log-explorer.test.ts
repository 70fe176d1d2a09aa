import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, hasChromium, launchBrowser, screenshot, seriousViolations, warnIfNoChromium } from "./support/browser.ts";
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

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { campaign } = await server.api("POST", "/campaigns", { title: "Log check", questions: ["How should an assistant answer?"], contexts: ["Always"] });
    const { token } = await server.api("POST", `/campaigns/${campaign.id}/participants`, { answers: {} });
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

    await page.getByLabel("Receipt (JSON)").fill(JSON.stringify(receipt));
    await page.getByRole("button", { name: "Check the receipt" }).click();
    await page.getByText("Verified: the receipt's entry is in the log's signed tree").waitFor();
    const forged = { ...receipt, inclusionProof: receipt.inclusionProof.map((h, i) => (i === 0 ? "A".repeat(43) + "=" : h)) };
    await page.getByLabel("Receipt (JSON)").fill(JSON.stringify(forged.inclusionProof.length > 0 ? forged : { ...receipt, index: receipt.index + 1 }));
    await page.getByRole("button", { name: "Check the receipt" }).click();
    await page.getByText("Not verified: the inclusion proof does not lead to the checkpoint's tree head.").waitFor();
    await screenshot(page, "log-3-receipt");
    await page.close();
  });
});
