import {
  CONFIDENCES,
  POSITION_PRECISIONS,
  SITE_STATUSES,
  designationOf,
  isDesignationSource,
  siteSchema,
  type Confidence,
  type Dataset,
  type PositionPrecision,
  type Site,
  type SiteStatus,
} from "../dataset/schema.ts";
import type { LngLat } from "../geometry/lngLat.ts";
import { round7, toWgs84, type CrsId } from "./coordinates.ts";
import type { WorkbenchMessage } from "./messages.ts";
import { proposeArea } from "./proposeArea.ts";
import { REQUIRED_FIELDS, SHEET_FIELDS, normaliseHeader, recogniseHeader, type SheetField } from "./sheetFields.ts";
import { proposeSiteId, siteIdProblems, takenIds, type ToPinyin } from "./siteId.ts";
import { parseSizeUnit } from "./siteSize.ts";

// A spreadsheet of sites, pure: the header row and the cells as a 2-D array in, sites and
// the precise reasons each other row was refused out. Every row is checked on its own and
// then through the same site schema as the data files; a row with any error becomes no site,
// so nothing is imported silently wrong. Rows are numbered as the spreadsheet shows them
// (the header is row 1).

/** A cell as read from a sheet: text, a number, a boolean, or nothing. Dates arrive as YYYY-MM-DD text. */
export type Cell = string | number | boolean | null | undefined;

/** For each column (by index), the field it fills, or null when it is left out. */
export type ColumnMapping = (SheetField | null)[];

/** A mapping remembered across files: normalised header text → field (null: left out on purpose). */
export type RememberedMapping = Record<string, SheetField | null>;

/** The mapping proposed for these headers: what the maintainer chose before for the same header text, else what the header names. */
export function proposeMapping(headers: readonly Cell[], remembered: RememberedMapping = {}): ColumnMapping {
  const used = new Set<SheetField>();
  return headers.map((header) => {
    const text = cellText(header);
    if (!text) return null;
    const key = normaliseHeader(text);
    const field = Object.hasOwn(remembered, key) ? remembered[key]! : recogniseHeader(text);
    // A second column claiming a field stays unmapped: the maintainer picks which one.
    if (field === null || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** The mapping to remember, merged over the one remembered before (the caller stores it). */
export function rememberMapping(headers: readonly Cell[], mapping: ColumnMapping, previous: RememberedMapping = {}): RememberedMapping {
  const out: RememberedMapping = { ...previous };
  headers.forEach((header, i) => {
    const text = cellText(header);
    if (text) out[normaliseHeader(text)] = mapping[i] ?? null;
  });
  return out;
}

/** What stops a mapping from being used: a field mapped twice, a required field not mapped. */
export function mappingProblems(mapping: ColumnMapping): WorkbenchMessage[] {
  const problems: WorkbenchMessage[] = [];
  for (const field of SHEET_FIELDS) {
    const count = mapping.filter((f) => f === field).length;
    if (count > 1) problems.push({ key: "duplicateColumn", params: { field } });
  }
  for (const field of REQUIRED_FIELDS) if (!mapping.includes(field)) problems.push({ key: "unmappedRequired", params: { field } });
  return problems;
}

/** One refused cell (or row, when `field` is null): the row as the spreadsheet numbers it, the column's index and field. */
export interface RowProblem {
  row: number;
  column: number | null;
  field: SheetField | null;
  message: WorkbenchMessage;
}

export interface SheetImportResult {
  sites: Site[];
  /** The spreadsheet row each site came from, in the same order. */
  siteRows: number[];
  errors: RowProblem[];
  /** Imported, but worth a look (an English name left empty). */
  warnings: RowProblem[];
}

export interface SheetImportInput {
  /** The whole sheet: `rows[0]` is the header row (spreadsheet row 1). */
  rows: readonly (readonly Cell[])[];
  mapping: ColumnMapping;
  /** The coordinate system of every position in the file. */
  crs: CrsId;
  dataset: Pick<Dataset, "meta" | "areas" | "industries" | "sites" | "geometry">;
  toPinyin?: ToPinyin;
}

const STATUS_WORDS: Record<string, SiteStatus> = word({
  designated: ["designated", "designated pilot park", "pilot park", "已认定先导园区", "已认定", "先导园区"],
  candidate: ["candidate", "候选"],
  "related-site": ["related-site", "related site", "related", "相关站点", "相关"],
});
const PRECISION_WORDS: Record<string, PositionPrecision> = word({
  exact: ["exact", "精确"],
  town: ["town", "乡镇", "镇街"],
  none: ["none", "无"],
});
const CONFIDENCE_WORDS: Record<string, Confidence> = word({ high: ["high", "高"], medium: ["medium", "中"], low: ["low", "低"] });

function word<T extends string>(table: Record<T, string[]>): Record<string, T> {
  return Object.fromEntries(
    Object.entries<string[]>(table).flatMap(([value, words]) => words.map((w) => [normaliseHeader(w), value as T])),
  );
}

/** Every data row checked; the valid ones as sites, the others as row/column problems. */
export function sheetToSites({ rows, mapping, crs, dataset, toPinyin }: SheetImportInput): SheetImportResult {
  const result: SheetImportResult = { sites: [], siteRows: [], errors: [], warnings: [] };
  const taken = takenIds(dataset);
  const columnOf = new Map<SheetField, number>();
  mapping.forEach((field, i) => {
    if (field && !columnOf.has(field)) columnOf.set(field, i);
  });
  const dataRows = rows.slice(1);
  if (!dataRows.some((r) => r.some((c) => cellText(c) !== ""))) {
    result.errors.push({ row: 1, column: null, field: null, message: { key: "noData" } });
    return result;
  }
  dataRows.forEach((cells, index) => {
    const row = index + 2;
    if (!cells.some((c) => cellText(c) !== "")) return; // an empty row is no site, and no mistake
    const errors: RowProblem[] = [];
    const warnings: RowProblem[] = [];
    const reader = new RowReader(cells, row, columnOf, errors);
    const site = readSite(reader, { crs, dataset, taken, toPinyin, warnings });
    if (errors.length === 0 && site) {
      const checked = siteSchema.safeParse(site);
      if (checked.success) {
        result.sites.push(checked.data);
        result.siteRows.push(row);
        result.warnings.push(...warnings);
        taken.add(checked.data.id);
        return;
      }
      // The row's own checks should catch everything; the schema is the last guard.
      for (const issue of checked.error.issues) {
        errors.push({
          row,
          column: null,
          field: null,
          message: { key: "schema", params: { field: issue.path.join("."), reason: issue.message } },
        });
      }
    }
    result.errors.push(...errors);
  });
  return result;
}

interface ReadContext {
  crs: CrsId;
  dataset: SheetImportInput["dataset"];
  taken: Set<string>;
  toPinyin: ToPinyin | undefined;
  warnings: RowProblem[];
}

function readSite(r: RowReader, { crs, dataset, taken, toPinyin, warnings }: ReadContext): Site | null {
  const warn = (field: SheetField, message: WorkbenchMessage) =>
    warnings.push({ row: r.row, column: r.columnOf.get(field) ?? null, field, message });
  const nameZh = r.text("nameZh", true);
  let nameEn = r.text("nameEn");
  if (nameZh && !nameEn) {
    warn("nameEn", { key: "englishMissing" });
    nameEn = nameZh;
  }
  const locationZh = r.text("locationZh", true);
  let locationEn = r.text("locationEn");
  if (locationZh && !locationEn) {
    warn("locationEn", { key: "englishMissing" });
    locationEn = locationZh;
  }
  const status = r.choice("status", STATUS_WORDS, SITE_STATUSES, true);
  const confidence = r.choice("confidence", CONFIDENCE_WORDS, CONFIDENCES) ?? "medium";
  const industries = r.industries(dataset.industries);

  const position = readPosition(r, crs, dataset.meta.bounds);
  const areaText = r.text("area");
  let area: string | null = null;
  if (areaText) area = r.area(areaText, dataset.areas);
  else if (position && position.precision !== "none") area = proposeArea(position.coordinates, dataset);

  const size = r.number("size");
  const unitText = r.text("sizeUnit");
  const unit = unitText ? parseSizeUnit(unitText) : null;
  if (unitText && !unit) r.fail("sizeUnit", { key: "unknownUnit", params: { value: unitText } });
  if (size !== null && size <= 0) r.fail("size", { key: "notPositive" });
  if (size !== null && !unitText) r.fail("sizeUnit", { key: "required" });

  const source = {
    title: r.text("sourceTitle", true),
    date: r.date("sourceDate"),
    url: r.url("sourceUrl"),
    docNumber: r.text("docNumber") || undefined,
  };
  const designationDate = r.date("designationDate");
  if (status === "designated" && source.title && !isDesignationSource(source)) {
    r.fail(source.date ? "sourceUrl" : "sourceDate", { key: "designationNeedsSource" });
  }
  if (designationDate && status && status !== "designated") r.fail("designationDate", { key: "designationDateNotDesignated" });

  const idText = r.text("id");
  let id = idText;
  if (idText) {
    for (const message of siteIdProblems(idText, taken)) r.fail("id", message);
  } else if (nameZh) {
    id = proposeSiteId({ zh: nameZh, en: r.text("nameEn") }, taken, toPinyin);
  }

  if (r.failed || !status || !position) return null;
  const site: Site = {
    id,
    kind: "site",
    status,
    name: { zh: nameZh, en: nameEn },
    industries,
    area,
    position,
    location: { zh: locationZh, en: locationEn },
    ...(size !== null && unit ? { size: { value: size, unit } } : {}),
    sources: [
      {
        title: source.title,
        ...(source.date ? { date: source.date } : {}),
        // An address is given only for a page whose text was read (the data's rule): giving it here says so.
        ...(source.url ? { url: source.url, verified: true } : {}),
        ...(source.docNumber ? { docNumber: source.docNumber } : {}),
      },
    ],
    confidence,
    ...(designationDate ? { designationDate } : {}),
  };
  // A designation date equal to the source's says nothing more: left out, as the data writes it.
  if (site.designationDate && designationOf({ ...site, designationDate: undefined })?.date === site.designationDate)
    delete site.designationDate;
  return site;
}

function readPosition(r: RowReader, crs: CrsId, bounds: Dataset["meta"]["bounds"]): Site["position"] | null {
  const lngText = r.text("longitude");
  const latText = r.text("latitude");
  const precisionText = r.text("precision");
  const precision = precisionText ? r.choice("precision", PRECISION_WORDS, POSITION_PRECISIONS) : null;
  if (precisionText && !precision) return null;
  if (!lngText && !latText) {
    if (precision && precision !== "none") {
      r.fail("longitude", { key: "required" });
      r.fail("latitude", { key: "required" });
      return null;
    }
    return { precision: "none" };
  }
  const lng = r.number("longitude", true);
  const lat = r.number("latitude", true);
  if (lng === null || lat === null) return null;
  const lngOut = lng < -180 || lng > 180;
  const latOut = lat < -90 || lat > 90;
  if (lngOut) r.fail("longitude", { key: "outOfRange", params: { min: -180, max: 180 } });
  if (latOut) r.fail("latitude", { key: "outOfRange", params: { min: -90, max: 90 } });
  if (lngOut || latOut) return null;
  const coordinates: LngLat = toWgs84([lng, lat], crs);
  const [w, s, e, n] = bounds;
  if (coordinates[0] < w || coordinates[0] > e) r.fail("longitude", { key: "outsideBounds", params: { min: w, max: e } });
  if (coordinates[1] < s || coordinates[1] > n) r.fail("latitude", { key: "outsideBounds", params: { min: s, max: n } });
  if (precision === "none") {
    r.fail("precision", { key: "precisionNoneWithCoordinates" });
    return null;
  }
  return { precision: precision ?? "exact", coordinates: [round7(coordinates[0]), round7(coordinates[1])] };
}

/** Reads the cells of one row by field, recording each problem with its row and column. */
class RowReader {
  failed = false;
  constructor(
    private readonly cells: readonly Cell[],
    readonly row: number,
    readonly columnOf: ReadonlyMap<SheetField, number>,
    private readonly errors: RowProblem[],
  ) {}

  fail(field: SheetField, message: WorkbenchMessage): void {
    this.failed = true;
    this.errors.push({ row: this.row, column: this.columnOf.get(field) ?? null, field, message });
  }

  raw(field: SheetField): Cell {
    const column = this.columnOf.get(field);
    return column === undefined ? undefined : this.cells[column];
  }

  text(field: SheetField, required = false): string {
    const text = cellText(this.raw(field));
    if (required && !text) this.fail(field, { key: "required" });
    return text;
  }

  number(field: SheetField, required = false): number | null {
    const cell = this.raw(field);
    if (typeof cell === "number") return Number.isFinite(cell) ? cell : (this.fail(field, { key: "notANumber" }), null);
    const text = cellText(cell).normalize("NFKC");
    if (!text) {
      if (required) this.fail(field, { key: "required" });
      return null;
    }
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
      this.fail(field, { key: "notANumber", params: { value: text } });
      return null;
    }
    return Number(text);
  }

  choice<T extends string>(field: SheetField, words: Record<string, T>, values: readonly T[], required = false): T | null {
    const text = this.text(field, required);
    if (!text) return null;
    const value = words[normaliseHeader(text)] ?? null;
    if (!value) {
      const key = field === "status" ? "unknownStatus" : field === "precision" ? "unknownPrecision" : "unknownConfidence";
      this.fail(field, { key, params: { value: text, allowed: values.join(", ") } });
    }
    return value;
  }

  date(field: SheetField): string | undefined {
    const cell = this.raw(field);
    const text = typeof cell === "number" ? excelSerialDate(cell) : cellText(cell).normalize("NFKC");
    if (!text) return undefined;
    const date = normaliseDate(text);
    if (!date) this.fail(field, { key: "notADate", params: { value: text } });
    return date ?? undefined;
  }

  url(field: SheetField): string | undefined {
    const text = this.text(field);
    if (!text) return undefined;
    try {
      const { protocol } = new URL(text);
      if (protocol === "http:" || protocol === "https:") return text;
    } catch {
      /* reported below */
    }
    this.fail(field, { key: "notAUrl", params: { value: text } });
    return undefined;
  }

  industries(known: readonly Dataset["industries"][number][]): string[] {
    const text = this.text("industries");
    if (!text) return [];
    const byWord = new Map<string, string>();
    for (const i of known) for (const w of [i.id, i.name.zh, i.name.en]) byWord.set(normaliseHeader(w), i.id);
    const ids: string[] = [];
    for (const part of text
      .split(/[,\uff0c\u3001;\uff1b\n]+/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const id = byWord.get(normaliseHeader(part));
      if (!id) this.fail("industries", { key: "unknownIndustry", params: { value: part } });
      else if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  area(text: string, areas: Dataset["areas"]): string | null {
    const key = normaliseHeader(text);
    const hit = areas.find((a) =>
      [a.id, a.name.zh, a.name.en, a.shortName?.zh, a.shortName?.en, ...(a.aliases ?? [])].some(
        (w) => w !== undefined && normaliseHeader(w) === key,
      ),
    );
    if (!hit) this.fail("area", { key: "unknownArea", params: { value: text } });
    return hit?.id ?? null;
  }
}

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  return String(cell).trim();
}

/** YYYY-MM-DD from 2025-06-30, 2025/6/30, 2025.6.30 or 2025年6月30日, when it is a real date. */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** An Excel date serial (days since 1899-12-30, the 1900 system) as YYYY-MM-DD. */
export function excelSerialDate(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1) return String(serial);
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}
