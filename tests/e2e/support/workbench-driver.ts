import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { AppDriver } from "./app-driver";
import { storedDrafts as stored } from "./kept-drafts";

// The workbench (edit.html) in the user's terms, on top of the app driver.

export async function openWorkbench(browser: Browser, query = "?lang=en", options: { deferNavigation?: boolean } = {}): Promise<AppDriver> {
  const app = await AppDriver.open(browser, `edit.html${query}`, { deferNavigation: true });
  if (!options.deferNavigation) await app.goto(`edit.html${query}`);
  return app;
}

/** Waits until the page has opened its data (the toolbar is there). */
export async function ready(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Download data files", exact: true }).waitFor();
}

export async function chooseRecord(page: Page, file: string, key: string): Promise<void> {
  await page.getByRole("combobox", { name: "File", exact: true }).selectOption(file);
  await page.getByRole("combobox", { name: "Record", exact: true }).selectOption(key);
}

export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByRole("textbox", { name: label, exact: true });
  await box.fill(text);
}

/** The rows of the Changes list, as text (without their Revert buttons). */
export async function changeRows(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "Changes", exact: true });
  if (!(await list.count())) return [];
  return list.locator("li > span").allTextContents();
}

export async function waitForStored(page: Page, test: (kept: Record<string, unknown>) => boolean): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (test(await stored(page))) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`what the browser keeps never matched: ${JSON.stringify(Object.keys(await stored(page)))}`);
}

/** Clicks a download button and returns the file's bytes and name. */
export async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

export function expectQuiet(app: AppDriver): void {
  expect(app.watch.pageErrors).toEqual([]);
  expect(app.watch.consoleErrors).toEqual([]);
  expect(app.watch.failedResponses).toEqual([]);
  expect(app.watch.outsideRequests).toEqual([]);
}
