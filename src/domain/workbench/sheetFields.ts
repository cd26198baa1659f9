import type { Bilingual } from "../dataset/schema.ts";

// The columns a spreadsheet of sites may have, with their names in both languages (the
// names of the site form, as the workbench's contract writes them: ASCII parentheses, as the
// policy's text does). A template's header cell carries both, "名称(中文) / Name (Chinese)".

export const SHEET_FIELDS = [
  "id",
  "nameZh",
  "nameEn",
  "status",
  "industries",
  "longitude",
  "latitude",
  "precision",
  "area",
  "locationZh",
  "locationEn",
  "size",
  "sizeUnit",
  "sourceTitle",
  "sourceDate",
  "sourceUrl",
  "docNumber",
  "designationDate",
  "confidence",
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

export const SHEET_FIELD_LABELS: Record<SheetField, Bilingual> = {
  id: { zh: "编号", en: "Id" },
  nameZh: { zh: "名称(中文)", en: "Name (Chinese)" },
  nameEn: { zh: "名称(英文)", en: "Name (English)" },
  status: { zh: "状态", en: "Status" },
  industries: { zh: "产业", en: "Industries" },
  longitude: { zh: "经度", en: "Longitude" },
  latitude: { zh: "纬度", en: "Latitude" },
  precision: { zh: "位置精度", en: "Position precision" },
  area: { zh: "所在区域", en: "Area" },
  locationZh: { zh: "位置说明(中文)", en: "Location (Chinese)" },
  locationEn: { zh: "位置说明(英文)", en: "Location (English)" },
  size: { zh: "面积", en: "Size" },
  sizeUnit: { zh: "面积单位", en: "Size unit" },
  sourceTitle: { zh: "来源标题", en: "Source title" },
  sourceDate: { zh: "来源日期", en: "Source date" },
  sourceUrl: { zh: "来源链接", en: "Source URL" },
  docNumber: { zh: "文号", en: "Document number" },
  designationDate: { zh: "认定日期", en: "Designation date" },
  confidence: { zh: "可信度", en: "Confidence" },
};

/** Columns without which no row can become a site. */
export const REQUIRED_FIELDS: readonly SheetField[] = ["nameZh", "status", "locationZh", "sourceTitle"];

/** What each column takes, for the template's notes sheet. */
const SHEET_FIELD_NOTES: Record<SheetField, Bilingual> = {
  id: {
    zh: "可留空:由英文名称(无则由中文名称的拼音)生成",
    en: "May be empty: made from the English name (or the pinyin of the Chinese name)",
  },
  nameZh: { zh: "必填", en: "Required" },
  nameEn: { zh: "可留空(留空时暂用中文名称,并提示)", en: "May be empty (the Chinese name stands in, with a warning)" },
  status: { zh: "必填:已认定先导园区、候选或相关站点", en: "Required: Designated pilot park, Candidate or Related site" },
  industries: { zh: "产业名称或编号,多个用顿号或逗号分隔", en: "Industry names or ids, separated by commas" },
  longitude: {
    zh: "十进制度数,坐标系按导入时所选(WGS84、GCJ-02 或 BD-09)",
    en: "Decimal degrees, in the coordinate system chosen on import (WGS84, GCJ-02 or BD-09)",
  },
  latitude: { zh: "同上", en: "As above" },
  precision: {
    zh: "精确、乡镇或无;留空时有坐标为精确,无坐标为无",
    en: "exact, town or none; when empty: exact with coordinates, none without",
  },
  area: { zh: "区域名称或编号;留空时按坐标推定", en: "Area name or id; when empty, found from the coordinates" },
  locationZh: { zh: "必填:位置的文字说明", en: "Required: where it is, in words" },
  locationEn: { zh: "可留空(留空时暂用中文,并提示)", en: "May be empty (the Chinese stands in, with a warning)" },
  size: { zh: "大于 0 的数", en: "A number greater than 0" },
  sizeUnit: { zh: "亩、公顷或平方公里", en: "mu (亩), ha or km²" },
  sourceTitle: { zh: "必填", en: "Required" },
  sourceDate: { zh: "YYYY-MM-DD;已认定先导园区必填", en: "YYYY-MM-DD; required for a designated pilot park" },
  sourceUrl: { zh: "已阅读其原文的网页地址", en: "The address of a page whose text was read" },
  docNumber: {
    zh: "如 扬府发〔2025〕12号;已认定先导园区须有来源链接或文号",
    en: "e.g. 扬府发〔2025〕12号; a designated pilot park needs a source URL or a document number",
  },
  designationDate: { zh: "YYYY-MM-DD;留空时为来源日期", en: "YYYY-MM-DD; when empty, the source date" },
  confidence: { zh: "高、中或低;留空为中", en: "high, medium or low; when empty, medium" },
};

/** Header text reduced to what identifies it: NFKC (full-width brackets and digits become ASCII), lower case, single spaces. */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*([/()·:])\s*/g, "$1")
    .trim();
}

/** The header cell of the template: both names. */
export function templateHeader(field: SheetField): string {
  const { zh, en } = SHEET_FIELD_LABELS[field];
  return `${zh} / ${en}`;
}

const RECOGNISED: ReadonlyMap<string, SheetField> = new Map(
  SHEET_FIELDS.flatMap((field) => {
    const { zh, en } = SHEET_FIELD_LABELS[field];
    return [field, zh, en, templateHeader(field)].map((text) => [normaliseHeader(text), field] as const);
  }),
);

/** The field a header names by itself (its Chinese or English name, both, or the field's key), or null. */
export function recogniseHeader(text: string): SheetField | null {
  return RECOGNISED.get(normaliseHeader(text)) ?? null;
}

/** The template's sheet of sites: one header row naming every column in both languages. */
export function templateRows(): string[][] {
  return [SHEET_FIELDS.map(templateHeader)];
}

/** The template's notes: what each column takes, in both languages. */
export function templateNotesRows(): string[][] {
  return [
    ["列 / Column", "说明", "Note"],
    ...SHEET_FIELDS.map((field) => [templateHeader(field), SHEET_FIELD_NOTES[field].zh, SHEET_FIELD_NOTES[field].en]),
  ];
}
