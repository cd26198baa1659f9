import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ShareButton } from "../../src/ui/share/ShareButton";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";
import { DEFAULT_VIEW } from "../../src/domain/view/viewState";

const dataset = shippedDataset();

/** Catches what the dialog hands to the browser as downloads. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const create = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

async function openDialog(lang: "zh" | "en" = "en", view: Partial<typeof DEFAULT_VIEW> = {}) {
  const { store } = renderWithStore(<ShareButton dataset={dataset} />, { dataset, view: { ...DEFAULT_VIEW, ...view, lang } }, lang);
  const button = screen.getByRole("button", { name: lang === "en" ? "Share & export" : "分享与导出" });
  await userEvent.click(button);
  const dialog = await screen.findByRole("dialog", { name: lang === "en" ? "Share & export" : "分享与导出" });
  // Focus moves in from an effect after the lazy dialog mounts; under load that can land
  // a moment after the dialog appears, so wait for it rather than race it.
  await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
  return { store, button, dialog };
}

describe("ShareButton and its dialog", () => {
  it("opens a labelled modal dialog with focus inside; Escape closes it and focus returns to the button", async () => {
    window.history.replaceState(null, "", "/?lang=en&industries=metaverse");
    const { button, dialog } = await openDialog();
    expect(dialog).toHaveAttribute("aria-modal", "true");
    const field = within(dialog).getByRole("textbox", { name: "Link to this view" });
    expect(field).toHaveValue(window.location.href);
    expect((field as HTMLInputElement).value).toContain("industries=metaverse");
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(button).toHaveFocus();
  });

  it("keeps Tab inside the dialog", async () => {
    const { dialog } = await openDialog();
    for (let n = 0; n < 8; n++) {
      await userEvent.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await userEvent.tab({ shift: true });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });

  it("shows the QR code of the link, with its alternative text, in the reader's language", async () => {
    const { dialog } = await openDialog("zh");
    const img = await within(dialog).findByRole("img", { name: "链接二维码" });
    expect(img.getAttribute("src")).toMatch(/^data:image\/gif;base64,/);
    expect(dialog).toHaveTextContent("微信");
  });

  it("copies the link and says so; without a clipboard it falls back, and reports failure", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const { dialog } = await openDialog();
    await userEvent.click(within(dialog).getByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    await waitFor(() => expect(within(dialog).getByRole("status")).toHaveTextContent("Link copied."));

    // no permission: the field is selected and the old copy command tried; jsdom has none, so: failure
    writeText.mockImplementation(() => Promise.reject(new Error("NotAllowedError")));
    await userEvent.click(within(dialog).getByRole("button", { name: "Copy link" }));
    await waitFor(() => expect(within(dialog).getByRole("status")).toHaveTextContent("Could not copy automatically"));
    const field = within(dialog).getByRole("textbox", { name: "Link to this view" }) as HTMLInputElement;
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
    // a browser with the old command copies that way
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    try {
      await userEvent.click(within(dialog).getByRole("button", { name: "Copy link" }));
      await waitFor(() => expect(within(dialog).getByRole("status")).toHaveTextContent("Link copied."));
      expect(execCommand).toHaveBeenCalledWith("copy");
    } finally {
      delete (document as { execCommand?: unknown }).execCommand;
    }
  });

  it("exports the matching lists as a UTF-8 CSV with a BOM, following the filter", async () => {
    const downloads = captureDownloads();
    const { dialog } = await openDialog("zh", { industries: ["ccus"] });
    await userEvent.click(within(dialog).getByRole("button", { name: "导出 CSV" }));
    expect(downloads.names).toEqual(["yangzhou-matching-places.csv"]);
    const blob = downloads.blobs[0]!;
    expect(blob.type).toBe("text/csv;charset=utf-8");
    const bytes = new Uint8Array(await readBlob(blob));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe("类型,编号,名称,英文名称,产业,政策条款");
    expect(
      lines
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(",")[1]),
    ).toEqual(["etdz"]);
    expect(within(dialog).getByRole("status")).toHaveTextContent("已导出 1 个地点");
  });

  it("says there is no map to save when the map is not shown", async () => {
    const downloads = captureDownloads();
    const { dialog } = await openDialog();
    await userEvent.click(within(dialog).getByRole("button", { name: "Save PNG" }));
    await waitFor(() => expect(within(dialog).getByRole("status")).toHaveTextContent("The map is not shown"));
    expect(downloads.names).toEqual([]);
  });

  it("closes with its Close button and by clicking outside", async () => {
    const { button, dialog } = await openDialog();
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(button).toHaveFocus();
    await userEvent.click(button);
    const again = await screen.findByRole("dialog");
    // A native modal <dialog>: a click on its backdrop is reported on the <dialog> element itself.
    await userEvent.click(again);
    expect(screen.queryByRole("dialog")).toBeNull();
  });
  it("offers an iframe snippet of the current view in embed mode, lazily loaded and titled", async () => {
    const { dialog } = await openDialog("en", { industries: ["metaverse"], area: "etdz" });
    const snippet = within(dialog).getByRole("textbox", { name: "Embed code (iframe)" }) as HTMLTextAreaElement;
    expect(snippet.value).toMatch(/^<iframe src="http:\/\/[^"]+\?lang=en&amp;industries=metaverse&amp;area=etdz&amp;embed=1" /);
    expect(snippet.value).toContain('loading="lazy"');
    expect(snippet.value).toContain('title="Yangzhou Future-Industry Layout Map"');
  });
});
