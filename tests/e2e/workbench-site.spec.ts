import gcoord from "gcoord";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { download, expectQuiet, openWorkbench, ready, typeInto } from "./support/workbench-driver";

// The site form on the production build (issue 16, "Done when" 1 and 7; issue 17's pinyin
// search for a new park): a designated pilot park typed in GCJ-02 in 高邮市, published as
// dataset.json, then the public map served with that file in data/ draws it, lists it, counts
// it against the 2025 target and finds it by its pinyin initials. The id comes from the
// pinyin of the Chinese name, whose library loads only then.
const browser = sharedBrowser();

/** Metres between two WGS84 points (haversine), computed here, apart from the app's own. */
function metres(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1]! - a[1]!) * rad) / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(((b[0]! - a[0]!) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** The addresses of the scripts the page loads, to tell whether the pinyin library came. */
function scriptUrls(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  return scripts;
}
// The lazily loaded adapter's chunk (src/domain/pinyinPro.ts), the only one holding pinyin-pro.
const isPinyin = (url: string) => /\/pinyinPro-[^/]*\.js$/.test(url);

const GCJ02 = [119.4589, 32.7813]; // a point in 高邮市, as 高德 shows it

describe("the workbench's site form", () => {
  it("adds a designated pilot park by GCJ-02 coordinates in 高邮市, publishes it, and the public map shows, lists, counts and finds it", async () => {
    const app = await openWorkbench(browser(), "?lang=en", { deferNavigation: true });
    const { page } = app;
    const scripts = scriptUrls(page);
    await app.goto("edit.html?lang=en");
    await ready(page);
    await page.getByRole("button", { name: "Add site", exact: true }).click();
    expect(scripts.filter(isPinyin)).toEqual([]);

    // the id: from the pinyin of the Chinese name (the library loads now), then from the English name
    await typeInto(page, "Name (Chinese)", "测试先导园区");
    const id = page.getByRole("textbox", { name: /^Id/ });
    await expect.poll(() => id.inputValue()).toBe("ce-shi-xian-dao-yuan-qu");
    expect(scripts.filter(isPinyin)).toHaveLength(1);
    await typeInto(page, "Name (English)", "Test Pilot Park");
    await expect.poll(() => id.inputValue()).toBe("test-pilot-park");

    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Designated pilot park" });
    await page.getByRole("group", { name: "Coordinate system" }).getByRole("radio", { name: "GCJ-02", exact: true }).check();
    await typeInto(page, "Longitude", String(GCJ02[0]));
    await typeInto(page, "Latitude", String(GCJ02[1]));
    await page.getByRole("checkbox", { name: "Low-altitude economy", exact: true }).check();
    await typeInto(page, "Location (Chinese)", "高邮市");
    await typeInto(page, "Location (English)", "Gaoyou");
    await typeInto(page, "Source title", "扬州市未来产业先导园区认定通知");
    await typeInto(page, "Source date", "2026-11-30");
    await typeInto(page, "Document number", "扬府发〔2026〕99号");
    await page.getByRole("button", { name: "Save site", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Saved to the draft." }).or(page.locator(".wb-form-errors")).first().waitFor();
    expect(await page.locator(".wb-form-errors").count(), await page.locator(".wb-form-errors").allTextContents().then(String)).toBe(0);
    await page.getByLabel("Data as of", { exact: true }).fill("2026-12-01");

    // what the draft stores: WGS84, about 500 m from the typed GCJ-02 point, in gaoyou
    const published = JSON.parse((await download(page, "Download dataset.json")).bytes.toString("utf8"));
    const park = published.sites.find((s: { id: string }) => s.id === "test-pilot-park");
    expect(park.status).toBe("designated");
    expect(park.area).toBe("gaoyou");
    const shift = metres(park.position.coordinates, GCJ02);
    expect(shift).toBeGreaterThan(400);
    expect(shift).toBeLessThan(650);
    const wgs84 = gcoord.transform(GCJ02 as [number, number], gcoord.GCJ02, gcoord.WGS84) as number[];
    expect(metres(park.position.coordinates, wgs84)).toBeLessThan(0.05);
    // the search keys the build would give it, pinyin initials included
    expect(published.searchKeys.site["test-pilot-park"]).toEqual(["ceshixiandaoyuanqu csxdyq"]);
    expectQuiet(app);
    await app.close();

    // the built site with that dataset.json in data/ (no rebuild)
    const map = await AppDriver.open(browser(), "?lang=en", { deferNavigation: true });
    await map.page.route("**/data/dataset.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(published) }),
    );
    await map.goto("?lang=en");
    await map.waitForMapReady();
    await map.page.locator(`.map-site.designated[aria-label="Test Pilot Park"]`).waitFor({ state: "attached" });
    await map.page.getByRole("list", { name: "Matching sites" }).getByText("Test Pilot Park").first().waitFor();
    const box = map.page.getByRole("combobox", { name: "Search areas, industries or sites" });
    await box.fill("csxdyq");
    const first = map.page.getByRole("option").first();
    await expect.poll(() => first.textContent()).toContain("Test Pilot Park");
    expect(await first.textContent()).toContain("csxdyq");
    await map.goto("?lang=en&view=overlap");
    const target2025 = map.page.locator("li[data-target]").filter({ hasText: "By 2025" }).filter({ hasText: "of ≥" });
    await expect.poll(() => target2025.textContent()).toContain("1 of ≥3");
    map.expectClean();
    await map.close();
  });

  it("BD-09 and GCJ-02 input give gcoord's WGS84 on three points, shown in all three systems and stored", async () => {
    const app = await openWorkbench(browser());
    const { page } = app;
    await ready(page);
    await page.getByRole("button", { name: "Add site", exact: true }).click();
    const points = [
      [119.4589, 32.7813],
      [119.4205, 32.3936],
      [119.1823, 32.2721],
    ];
    const systems = page.getByRole("group", { name: "Coordinate system" });
    for (const [crs, from] of [
      ["BD-09", gcoord.BD09],
      ["GCJ-02", gcoord.GCJ02],
    ] as const) {
      for (const point of points) {
        await systems.getByRole("radio", { name: "WGS84", exact: true }).check();
        await typeInto(page, "Longitude", "");
        await systems.getByRole("radio", { name: crs, exact: true }).check();
        await typeInto(page, "Longitude", String(point[0]));
        await typeInto(page, "Latitude", String(point[1]));
        const expected = (gcoord.transform(point as [number, number], from, gcoord.WGS84) as number[]).map(
          (x) => Math.round(x * 1e7) / 1e7,
        );
        await expect.poll(() => page.locator('[data-crs="WGS84"]').textContent()).toBe(`${expected[0]}, ${expected[1]}`);
        expect(await page.locator(`[data-crs="${crs === "BD-09" ? "BD09" : "GCJ02"}"]`).textContent()).toBe(`${point[0]}, ${point[1]}`);
      }
    }
    expectQuiet(app);
    await app.close();
  });

  it("a click on the map places the position, and dragging the marker moves it", async () => {
    const app = await openWorkbench(browser());
    const { page } = app;
    await ready(page);
    await page.getByRole("button", { name: "Add site", exact: true }).click();
    const map = page.getByTestId("workbench-map");
    await map.locator("canvas").first().waitFor();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const lng = page.getByRole("textbox", { name: "Longitude", exact: true });
    await expect.poll(() => lng.inputValue()).not.toBe("");
    const clicked = Number(await lng.inputValue());
    const marker = page.getByTestId("position-marker");
    await marker.waitFor();
    const at = (await marker.boundingBox())!;
    // the marker stands where the map was clicked (its tip at the point, not elsewhere on the map)
    expect(Math.abs(at.x + at.width / 2 - (box.x + box.width / 2))).toBeLessThan(3);
    expect(Math.abs(at.y + at.height - (box.y + box.height / 2))).toBeLessThan(12);
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 80, at.y + at.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Number(await lng.inputValue())).toBeGreaterThan(clicked);
    expect(await page.getByRole("combobox", { name: "Position precision", exact: true }).inputValue()).toBe("exact");
    expectQuiet(app);
    await app.close();
  });
});
