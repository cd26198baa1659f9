import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();
// docs/deploying.md: the production build must work under this policy.
export const STRICT_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'";

describe("strict Content-Security-Policy", () => {
  it("draws the map, opens the planner view (its worker) and the share dialog under the strict CSP, without violations", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    // Serve the built site with the policy as a response header, as a static host would.
    await app.page.route("**/*", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT_CSP } });
    });
    const violations: string[] = [];
    await app.page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
    await app.page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await app.goto("?lang=en&view=overlap");
    await app.waitForMapReady();
    await app.page.getByRole("table", { name: "Industry by area" }).waitFor();
    await expect.poll(() => app.page.getByRole("button", { name: /Metaverse is laid out twice/ }).count()).toBeGreaterThan(0);
    await app.page.getByRole("button", { name: "Share & export" }).click();
    await app.page.getByRole("dialog").waitFor();
    await expect.poll(() => app.page.getByRole("img", { name: "QR code of the link" }).count()).toBe(1);
    expect(violations).toEqual([]);
    app.expectClean();
    await app.close();
  });
});
