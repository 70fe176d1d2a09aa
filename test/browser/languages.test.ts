import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeViolations, hasChromium, launchBrowser, screenshotAt, seriousViolations, warnIfNoChromium } from "./support/browser.ts";
import { startServer, type RunningServer } from "./support/server.ts";
import { ensureWebBuild } from "./support/web-build.ts";

warnIfNoChromium();

describe.skipIf(!hasChromium)("the web app in other languages", () => {
  let server: RunningServer;
  let browser: Browser;
  let campaignId = "";

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { campaign } = await server.api("POST", "/campaigns", {
      title: "Asistentes y duelo",
      questions: ["¿Cómo debería responder un asistente a alguien cuyo padre acaba de morir?"],
      contexts: ["Cuando la persona está en shock"],
      consentDetails: { organiser: "Proyecto Duelo e IA", contact: "duelo@example.org", minutes: 1, erasure: "" },
      demographics: [{ key: "edad", question: "Grupo de edad", options: ["menos de 30", "30 o más"] }],
    });
    campaignId = campaign.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("speaks the browser's language, switches on request, and formats by locale", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "es-ES" });
    const page = await context.newPage();
    await page.goto(`${server.url}/join/${campaignId}`);
    // Spanish from the browser's languages: the page, its language attribute and plural forms.
    await page.getByRole("heading", { name: "Antes de empezar" }).waitFor();
    expect(await page.evaluate("document.documentElement.lang")).toBe("es");
    await page.getByText("Alrededor de 1 minuto").waitFor();
    await page.getByRole("term").filter({ hasText: "Quién dirige este estudio" }).waitFor();
    await screenshotAt(page, "languages-1-consent-es", async (width) => {
      const violations = await seriousViolations(page);
      expect(violations, `${width}:\n${describeViolations(violations)}`).toEqual([]);
    });
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Continuar" }).click();
    await page.getByRole("heading", { name: "Sobre usted" }).waitFor();
    await page.getByRole("button", { name: "Continuar" }).click();
    await page.getByText("Elija una respuesta, o «Prefiero no decirlo».").waitFor();
    // Switching to English keeps the page where it was, and is kept for the next visit.
    await page.getByLabel("Idioma").selectOption("en");
    await page.getByRole("heading", { name: "About you" }).waitFor();
    await page.getByText("Choose an answer, or “Prefer not to say”.").waitFor();
    expect(await page.evaluate("document.documentElement.lang")).toBe("en");
    await page.reload();
    await page.getByRole("heading", { name: "Before you start" }).waitFor();
    await page.getByLabel("Language").selectOption("es");
    await page.getByRole("heading", { name: "Antes de empezar" }).waitFor();

    // Dates and numbers follow the language: the log in Spanish writes dates the Spanish way.
    await page.goto(`${server.url}/log`);
    await page.getByRole("heading", { name: "Registro de contribuciones" }).waitFor();
    const when = (await page.locator("tbody tr td:nth-child(4)").first().textContent())!;
    const spanish = new Date().toLocaleString("es", { dateStyle: "medium" }).split(" ")[1]!;
    expect(when).toContain(spanish);
    await page.getByRole("cell", { name: "Se creó una campaña" }).waitFor();
    await context.close();
  });

  it("lays a page out right to left for a right-to-left language", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    // No Arabic or Hebrew catalogue yet: ?dir=rtl sets the direction those languages take.
    await page.goto(`${server.url}/join/${campaignId}?dir=rtl`);
    await page.getByRole("heading", { name: "Before you start" }).waitFor();
    expect(await page.evaluate("document.documentElement.dir")).toBe("rtl");
    // The layout mirrors: the brand sits at the right of the header, the navigation at its left,
    // and the consent facts' terms to the right of their descriptions.
    const brand = (await page.locator(".brand").boundingBox())!;
    const nav = (await page.locator(".site-nav").boundingBox())!;
    expect(brand.x).toBeGreaterThan(nav.x);
    const term = (await page.getByRole("term").first().boundingBox())!;
    const detail = (await page.getByRole("definition").first().boundingBox())!;
    expect(term.x).toBeGreaterThan(detail.x);
    await screenshotAt(page, "languages-2-consent-rtl", async (width) => {
      const violations = await seriousViolations(page);
      expect(violations, `${width}:\n${describeViolations(violations)}`).toEqual([]);
      expect(await page.evaluate("document.documentElement.scrollWidth"), width).toBeLessThanOrEqual(page.viewportSize()!.width);
    });
    await context.close();
  });
});
