import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { matchLocation, parseNginxLocations, serveWithNginxHeaders } from "./support/nginx-headers";

const browser = sharedBrowser();
const root = resolve(import.meta.dirname, "../..");
const NGINX = resolve(root, "deploy/nginx.conf");
// docs/deploying.md: the production build must work under this policy (no 'unsafe-inline':
// MapLibre and React set styles through the CSSOM). frame-ancestors is the deployer's.
export const STRICT_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

// dist/ served by a small static server with the headers of deploy/nginx.conf, parsed from
// that file per location (support/nginx-headers.ts); the page keeps the e2e origin (its
// requests are forwarded there), so the usual page watch applies.
let nginx: { server: Server; baseUrl: string };
beforeAll(async () => {
  nginx = await serveWithNginxHeaders(resolve(root, "dist"), NGINX);
});
afterAll(() => new Promise<void>((done) => nginx.server.close(() => done())));

describe("the deploy headers (deploy/nginx.conf)", () => {
  it("send the strict CSP, nosniff and a referrer policy everywhere; hashed assets and tiles immutable, the rest revalidated", () => {
    const locations = parseNginxLocations(readFileSync(NGINX, "utf8"));
    const headersFor = (uri: string) => new Map((matchLocation(locations, uri)?.headers ?? []).map(([k, v]) => [k.toLowerCase(), v]));
    for (const uri of [
      "/",
      "/index.html",
      "/embed-example.html",
      "/config.json",
      "/data/dataset.json",
      "/assets/index-abc123.js",
      "/assets/IndustryMap-x.css",
      "/favicon.svg",
      "/data/tiles/0123456789ab/8/213/104.pbf",
      "/data/tiles/overlap-0123456789ab.json",
    ]) {
      const h = headersFor(uri);
      expect(h.get("content-security-policy"), uri).toMatch(
        new RegExp(`^${STRICT_CSP.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}; frame-ancestors `),
      );
      expect(h.get("content-security-policy"), uri).not.toContain("unsafe-inline");
      expect(h.get("x-content-type-options"), uri).toBe("nosniff");
      expect(h.get("referrer-policy"), uri).toBe("strict-origin-when-cross-origin");
      const hashed = uri.startsWith("/assets/") || uri.startsWith("/data/tiles/");
      expect(h.get("cache-control"), uri).toBe(hashed ? "public, max-age=31536000, immutable" : "no-cache");
    }
    expect(matchLocation(locations, "/.vite/module-sizes.json")?.returns).toBe(404);
  });

  it("let the app work fully: map, planner view (its worker) and share dialog, without a violation or console error", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const base = inject("baseUrl");
    const headers: Record<string, Record<string, string>> = {};
    await app.page.route(`${base}**`, async (route) => {
      const response = await route.fetch({ url: route.request().url().replace(base, nginx.baseUrl) });
      headers[new URL(route.request().url()).pathname] = response.headers();
      await route.fulfill({ response });
    });
    const violations: string[] = [];
    await app.page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
    await app.page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await app.goto("?lang=en");
    await app.waitForMapReady();
    expect(headers["/"]?.["content-security-policy"]).toContain("style-src 'self';");
    // Styles set from script (React's style prop, through the CSSOM) apply under style-src 'self'.
    const swatch = await app.page
      .locator(".swatch")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(swatch).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    await app.page.goto(`${base}?lang=en&view=overlap`);
    await app.page.getByRole("table", { name: "Industry by area" }).waitFor();
    await expect
      .poll(() => app.page.getByRole("button", { name: /Metaverse is laid out twice/ }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await app.page.getByRole("button", { name: "Share & export" }).click();
    await app.page.getByRole("dialog").waitFor();
    await expect.poll(() => app.page.getByRole("img", { name: "QR code of the link" }).count(), { timeout: 10_000 }).toBe(1);
    expect(Object.keys(headers).some((p) => p.startsWith("/assets/"))).toBe(true);
    expect(violations).toEqual([]);
    app.expectClean();
    await app.close();
  });
});
