import "fake-indexeddb/auto";
import { resolve } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import gcoord from "gcoord";
import { readDataTree } from "../../scripts/data/readDataDir";
import { createI18n } from "../../src/i18n/i18n";
import { createWorkbenchStore, openGiven, type WorkbenchStore } from "../../src/state/workbench";
import { WorkbenchContext } from "../../src/ui/workbench/WorkbenchContext";
import { SheetImportDialog } from "../../src/ui/workbench/SheetImportDialog";
import { OutlineImportDialog } from "../../src/ui/workbench/OutlineImportDialog";

// The two import dialogs on the shipped data, in jsdom (the map's part is the browser tests').
// Reading a file loads its library (SheetJS, pinyin-pro, the outline readers) on first use: a
// generous limit per test, for a machine shared with others.
vi.setConfig({ testTimeout: 30_000 });
const texts = readDataTree(resolve(import.meta.dirname, "../../data"));
const entries = Object.entries(texts).map(([path, text]) => ({ path: `data/${path}`, text }));

function dialog(which: "sheet" | "outline", lang: "zh" | "en" = "en", store = createWorkbenchStore(lang)): WorkbenchStore {
  if (!store.getState().baseInfo) act(() => void openGiven(store, "data/", entries));
  const Dialog = which === "sheet" ? SheetImportDialog : OutlineImportDialog;
  render(
    <WorkbenchContext.Provider value={store}>
      <I18nextProvider i18n={createI18n(lang)}>
        <Dialog onClose={() => {}} />
      </I18nextProvider>
    </WorkbenchContext.Provider>,
  );
  return store;
}

// jsdom's File has no arrayBuffer(); the dialogs read files with it, as browsers allow.
if (!("arrayBuffer" in File.prototype)) {
  Object.defineProperty(File.prototype, "arrayBuffer", {
    value(this: File) {
      return new Promise<ArrayBuffer>((done) => {
        const reader = new FileReader();
        reader.onload = () => done(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
});

// "东经" is no header the mapping knows: the maintainer maps it by hand, and the page remembers.
const CSV = [
  "名称(中文),名称(英文),状态,产业,东经,纬度,位置说明(中文),来源标题,来源日期",
  "仪征氢能园,,候选,氢能,119.19,32.28,仪征,报道,2025-05-01",
  "坏经度,Bad longitude,相关站点,低空经济,东经119度,32.5,某处,报道,",
  "邗江元宇宙园,Hanjiang Metaverse Park,相关站点,元宇宙,119.36,32.42,邗江,报道,",
  "园外,Outside,候选,氢能,121.47,31.23,上海,报道,",
].join("\n");
const csvFile = () => new File([CSV], "sites.csv", { type: "text/csv" });

describe("Import spreadsheet", () => {
  it("lists the bad rows by row and column, imports only the valid ones, ids from pinyin, and remembers the mapping by header", async () => {
    const user = userEvent.setup();
    const store = dialog("sheet");
    await user.upload(screen.getByLabelText("Spreadsheet file (CSV or XLSX)"), csvFile());
    const column = await screen.findByRole("combobox", { name: "Field: 东经" });
    expect(column).toHaveValue("");
    await user.selectOptions(column, "Longitude");
    const errors = within(await screen.findByTestId("sheet-errors"));
    expect(errors.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "row 3 · Longitude: not a number",
      "row 5 · Longitude: outside the dataset's bounds (118.6 to 120.2) once converted to WGS84",
      "row 5 · Latitude: outside the dataset's bounds (32 to 33.5) once converted to WGS84",
    ]);
    await user.click(await screen.findByRole("button", { name: "Import 2 sites" }));
    const added = Object.entries(store.getState().draft?.files["sites.json"] ?? {});
    expect(added.map(([key, op]) => [key, op.op])).toEqual([
      ["yi-zheng-qing-neng-yuan", "add"],
      ["hanjiang-metaverse-park", "add"],
    ]);
    expect(store.getState().check?.errors).toBe(0);

    cleanup();
    dialog("sheet", "en", store);
    await user.upload(screen.getByLabelText("Spreadsheet file (CSV or XLSX)"), csvFile());
    expect(await screen.findByRole("combobox", { name: "Field: 东经" })).toHaveValue("longitude");
  });

  it("words the row problems in Chinese on the 中文 page", async () => {
    const user = userEvent.setup();
    dialog("sheet", "zh");
    await user.upload(screen.getByLabelText("表格文件(CSV 或 XLSX)"), csvFile());
    await user.selectOptions(await screen.findByRole("combobox", { name: /东经/ }), "经度");
    expect(within(await screen.findByTestId("sheet-errors")).getAllByRole("listitem")[0]).toHaveTextContent("第 3 行 · 经度:不是数字");
  });
});

const ZONE = "eco-tech-city";
const square = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const geojsonFile = (ring: number[][]) =>
  new File([JSON.stringify({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } })], "outline.geojson", {
    type: "application/geo+json",
  });

describe("Import outline", () => {
  it("refuses an outline the polygon rules refuse, in the reader's language", async () => {
    const user = userEvent.setup();
    dialog("outline", "zh");
    await user.selectOptions(screen.getByLabelText("区域"), ZONE);
    const bowtie = [
      [119.4, 32.3],
      [119.5, 32.4],
      [119.5, 32.3],
      [119.4, 32.4],
      [119.4, 32.3],
    ];
    await user.upload(screen.getByLabelText(/^边界文件/), geojsonFile(bowtie));
    const problems = within(await screen.findByRole("list", { name: /^放入草稿前须处理/ }));
    expect(problems.getAllByRole("listitem").map((li) => li.textContent)).toContainEqual(
      expect.stringMatching(/环 0:在 119\.\d+, 32\.\d+ 附近自相交/),
    );
    expect(screen.getByRole("button", { name: "放入草稿" })).toBeDisabled();
  });

  it("converts from the chosen coordinate system, requires the flag and the provenance, then puts the outline into the draft", async () => {
    const user = userEvent.setup();
    const store = dialog("outline");
    await user.selectOptions(screen.getByLabelText("Area"), ZONE);
    const typed = square(119.4, 32.35, 119.45, 32.4);
    await user.upload(screen.getByLabelText(/^Outline file/), geojsonFile(typed));
    await user.click(within(screen.getByRole("group", { name: "Coordinate system" })).getByRole("radio", { name: /^GCJ-02/ }));
    const problems = within(await screen.findByRole("list", { name: "To settle before it goes into the draft" }));
    expect(problems.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "say whether the outline is schematic (approximate)",
      "name the outline's source",
      "give the outline's date (YYYY-MM-DD)",
      "give the outline's licence or terms of use",
    ]);
    const apply = screen.getByRole("button", { name: "Put into the draft" });
    expect(apply).toBeDisabled();
    await user.click(screen.getByRole("radio", { name: "Official (not approximate)" }));
    await user.type(screen.getByLabelText("Outline source"), "扬州市自然资源和规划局");
    await user.type(screen.getByLabelText("Licence or terms of use"), "政府信息公开");
    expect(apply).toBeDisabled();
    await user.type(screen.getByLabelText("Outline date"), "2026-11-30");
    expect(apply).toBeEnabled();
    await user.click(apply);
    const ops = Object.values(store.getState().draft?.files ?? {}).flatMap((f) => Object.entries(f ?? {}));
    const [key, op] = ops.find(([k]) => k === ZONE)!;
    expect(key).toBe(ZONE);
    expect(op.op).toBe("change");
    const fields = op.op === "change" ? op.fields : {};
    expect(fields["properties.approximate"] ?? (fields.properties as { approximate?: boolean } | undefined)?.approximate).toBe(false);
    const stored = JSON.stringify(fields);
    const [lng, lat] = gcoord.transform([119.4, 32.35], gcoord.GCJ02, gcoord.WGS84);
    expect(stored).toContain(String(lng).slice(0, 8));
    expect(stored).toContain(String(lat).slice(0, 7));
  });
});
