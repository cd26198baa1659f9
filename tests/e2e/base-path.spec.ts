import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

describe("deployment under any path", () => {
  it("works from a sub-path of a static host (every URL in the build is relative)", async () => {
    const base = inject("baseUrl");
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    // Pretend the site was copied to /maps/industry/ on the host: map that path to the build.
    await app.page.route(`${base}maps/industry/**`, async (route) => {
      const url = route.request().url().replace(`${base}maps/industry/`, base);
      await route.fulfill({ response: await route.fetch({ url }) });
    });
    const requested: string[] = [];
    app.page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await app.page.goto(`${base}maps/industry/?lang=en&area=gaoyou`);
    await app.waitForMapReady();
    expect(await app.page.getByRole("region", { name: "Gaoyou City" }).count()).toBe(1);
    const appFiles = requested.filter((p) => /\.(js|css|json|svg)$/.test(p));
    expect(appFiles.length).toBeGreaterThan(4);
    expect(appFiles.filter((p) => !p.startsWith("/maps/industry/"))).toEqual([]);
    app.expectClean();
    await app.close();
  });
});
