import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

describe("the keyboard", () => {
  it("Escape closes the panel on top, and the URL follows as with the close button", async () => {
    // given an area with one of its industries open
    const app = await AppDriver.open(browser(), "?lang=en&area=gaoyou&industry=low-altitude-economy");
    await app.waitForMapReady();
    await app.page.getByRole("region", { name: "Low-altitude economy" }).waitFor();
    // when Escape is pressed: the industry closes first, then the area
    await app.page.keyboard.press("Escape");
    await expect.poll(() => app.page.getByRole("region", { name: "Low-altitude economy" }).count()).toBe(0);
    expect(await app.search()).toBe("?lang=en&area=gaoyou");
    await app.page.keyboard.press("Escape");
    await expect.poll(() => app.page.getByRole("region", { name: "Gaoyou City" }).count()).toBe(0);
    expect(await app.search()).toBe("?lang=en");
    // Back reopens what Escape closed, as after the close button
    await app.page.goBack();
    await app.page.getByRole("region", { name: "Gaoyou City" }).waitFor();
    app.expectClean();
    await app.close();
  });

  it("Escape in the search box clears it first, and closes the panel only after", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&area=gaoyou");
    await app.waitForMapReady();
    const search = app.page.getByRole("combobox", { name: /Search/ });
    await search.fill("bao");
    await search.press("Escape");
    expect(await search.inputValue()).toBe("");
    expect(await app.page.getByRole("region", { name: "Gaoyou City" }).count()).toBe(1);
    await search.press("Escape");
    await expect.poll(() => app.search()).toBe("?lang=en");
    app.expectClean();
    await app.close();
  });

  it("the share dialog is a native modal <dialog>: the page behind is inert, Escape closes only the dialog", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&area=gaoyou");
    await app.waitForMapReady();
    const opener = app.page.getByRole("button", { name: "Share & export" });
    await opener.click();
    const dialog = app.page.getByRole("dialog", { name: "Share & export" });
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.tagName === "DIALOG" && el.matches(":modal"))).toBe(true);
    // the page behind is inert: its buttons cannot take focus
    const behind = await app.page
      .getByRole("region", { name: "Gaoyou City" })
      .getByRole("button", { name: "Close" })
      .evaluate((el) => {
        (el as HTMLElement).focus();
        return document.activeElement === el;
      });
    expect(behind).toBe(false);
    await app.page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    // the panel under the dialog stayed open
    expect(await app.page.getByRole("region", { name: "Gaoyou City" }).count()).toBe(1);
    expect(await app.search()).toBe("?lang=en&area=gaoyou");
    app.expectClean();
    await app.close();
  });
});
