import type { Area, Assignment, Dataset, Industry, Tier } from "../../domain/dataset/schema";
import type { Lang } from "../../domain/labels";
import type { Finding, OverlapAnalysis } from "../../domain/overlap/types";
import type { zh } from "../../i18n/overlapMessages";

// The overlap view's pure parts: the matrix and its order, the findings' sentences, and the
// export documents. No React here, so the tests and the exports share exactly one wording.

// The key as `t` takes it, with its namespace.
export type OverlapKey = `overlap:${keyof typeof zh}`;
export type Tr = (key: OverlapKey, vars?: Record<string, unknown>) => string;

const key = (industry: string, area: string) => `${industry}\u0000${area}`;

// ---------- the matrix ----------

export interface Matrix {
  areas: Area[];
  industries: Industry[];
  /** industry\0area pairs assigned in the set shown (the draft, else the published one). */
  assigned: Set<string>;
  /** Pairs whose state differs from the published assignments. */
  changed: Set<string>;
  citywide: Set<string>;
  /** Industries shown per area, and areas per industry shown: counted once, not per cell of a national matrix. */
  rowCounts: Map<string, number>;
  columnCounts: Map<string, number>;
}

export function buildMatrix(dataset: Dataset, tiers: readonly Tier[], draft: readonly Assignment[] | null): Matrix {
  const published = new Set(dataset.assignments.map((a) => key(a.industry, a.area)));
  const assigned = draft ? new Set(draft.map((a) => key(a.industry, a.area))) : published;
  const changed = new Set<string>();
  if (draft) {
    for (const k of assigned) if (!published.has(k)) changed.add(k);
    for (const k of published) if (!assigned.has(k)) changed.add(k);
  }
  const industries = dataset.industries.filter((i) => tiers.includes(i.tier));
  const shown = new Set(industries.map((i) => i.id));
  const areaIds = new Set(dataset.areas.map((a) => a.id));
  const rowCounts = new Map<string, number>();
  const columnCounts = new Map<string, number>();
  for (const k of assigned) {
    const [industry, area] = k.split("\u0000") as [string, string];
    if (!shown.has(industry) || !areaIds.has(area)) continue;
    rowCounts.set(area, (rowCounts.get(area) ?? 0) + 1);
    columnCounts.set(industry, (columnCounts.get(industry) ?? 0) + 1);
  }
  return {
    areas: dataset.areas,
    industries,
    assigned,
    changed,
    citywide: new Set(dataset.citywide.map((c) => c.industry)),
    rowCounts,
    columnCounts,
  };
}

export const isAssigned = (m: Matrix, industry: string, area: string) => m.assigned.has(key(industry, area));
export const isChanged = (m: Matrix, industry: string, area: string) => m.changed.has(key(industry, area));
export const rowCount = (m: Matrix, area: string) => m.rowCounts.get(area) ?? 0;
export const columnCount = (m: Matrix, industry: string) => m.columnCounts.get(industry) ?? 0;

/** What the rows are sorted by: the area's name, its number of industries, or one industry (assigned first). */
export type Sort = { by: "area" | "count" | "industry"; industry?: string; reversed: boolean } | null;

/** The aria-sort a column heading carries under `sort`. */
export function ariaSort(sort: Sort, column: "area" | "count" | string): "ascending" | "descending" | undefined {
  if (!sort) return undefined;
  const matches = column === "area" || column === "count" ? sort.by === column : sort.by === "industry" && sort.industry === column;
  if (!matches) return undefined;
  // Names read A→Z; counts and "assigned first" are largest first.
  const natural = sort.by === "area" ? "ascending" : "descending";
  return sort.reversed ? (natural === "ascending" ? "descending" : "ascending") : natural;
}

/** The next sort when a heading is clicked: a new column sorts its natural way, the same column reverses. */
export function nextSort(sort: Sort, by: "area" | "count" | "industry", industry?: string): Sort {
  const same = sort && sort.by === by && sort.industry === industry;
  return { by, industry, reversed: same ? !sort.reversed : false };
}

export function sortedAreas(m: Matrix, sort: Sort, lang: Lang): Area[] {
  const rows = [...m.areas];
  if (!sort) return rows;
  const order = new Map(m.areas.map((a, n) => [a.id, n]));
  const collator = new Intl.Collator(lang === "zh" ? "zh-CN" : "en");
  const compare = (x: Area, y: Area): number => {
    switch (sort.by) {
      case "area":
        return collator.compare(areaName(x, lang), areaName(y, lang));
      case "count":
        return rowCount(m, y.id) - rowCount(m, x.id);
      case "industry":
        return Number(isAssigned(m, sort.industry!, y.id)) - Number(isAssigned(m, sort.industry!, x.id));
    }
  };
  // Ties keep the dataset's order, whichever the direction.
  rows.sort((x, y) => (sort.reversed ? -compare(x, y) : compare(x, y)) || order.get(x.id)! - order.get(y.id)!);
  return rows;
}

/** The area's name as the overlap view writes it: the short name (ETDZ) where the data gives one. */
export function areaName(area: Pick<Area, "name" | "shortName">, lang: Lang, full = false): string {
  return (full ? area.name : (area.shortName ?? area.name))[lang];
}

/** Whether an area's name (full or short, Chinese or English) holds `text`, ignoring case. */
export function areaMatches(area: Pick<Area, "name" | "shortName">, text: string): boolean {
  const wanted = text.toLocaleLowerCase();
  const names = [area.name.zh, area.name.en, area.shortName?.zh, area.shortName?.en];
  return names.some((name) => name?.toLocaleLowerCase().includes(wanted));
}

// ---------- numbers and sentences ----------

function formatKm2(value: number, approximate: boolean, lang: Lang, tr: Tr): string {
  const digits = value < 10 ? 1 : 0;
  // i18next's number formatter, in the instance's language (lang names the same one)
  const text = tr("overlap:km2", { value, formatParams: { value: { maximumFractionDigits: digits, minimumFractionDigits: 0 } } });
  return `${approximate ? "≈" : ""}${text}`;
}

function formatShare(share: number, lang: Lang): string {
  const pct = share > 0 && share < 0.005 ? "<1" : String(Math.round(share * 100));
  return lang === "zh" ? `${pct}%` : `${pct} %`;
}

export interface Names {
  area: (id: string) => string;
  industry: (id: string) => string;
}

export function namesFor(dataset: Dataset, lang: Lang): Names {
  const areas = new Map(dataset.areas.map((a) => [a.id, areaName(a, lang)]));
  const industries = new Map(dataset.industries.map((i) => [i.id, i.name[lang]]));
  return { area: (id) => areas.get(id) ?? id, industry: (id) => industries.get(id) ?? id };
}

function joinNames(names: string[], tr: Tr): string {
  if (names.length <= 1) return names.join("");
  return `${tr("overlap:list", { items: names.slice(0, -1) })}${tr("overlap:and")}${names[names.length - 1]}`;
}

/** One clear sentence for a finding, from its kind and figures, in the reader's language. */
export function findingSentence(f: Finding, names: Names, lang: Lang, tr: Tr): string {
  const fig = (k: string) => f.figures[k] ?? 0;
  const km = (v: number) => formatKm2(v, f.approximate, lang, tr);
  switch (f.kind) {
    case "same-ground": {
      const [a, b] = f.areas as [string, string];
      return tr(f.industries.length > 1 ? "overlap:sameGroundMany" : "overlap:sameGround", {
        industries: joinNames(f.industries.map(names.industry), tr),
        a: names.area(a),
        b: names.area(b),
        km2: km(fig("overlapKm2")),
        shareA: formatShare(fig("shareOfA"), lang),
        shareB: formatShare(fig("shareOfB"), lang),
      });
    }
    case "industry-in-areas": {
      const double = fig("doubleCountedKm2");
      const vars = {
        industry: names.industry(f.industries[0]!),
        count: fig("areaCount") || f.areas.length,
        sum: km(fig("sumKm2")),
        union: km(fig("unionKm2")),
        double: km(double),
      };
      return tr(double >= 0.01 ? "overlap:industryInAreas" : "overlap:industryInAreasNoDouble", vars);
    }
    case "industries-in-area":
      return tr("overlap:industriesInArea", {
        area: names.area(f.areas[0]!),
        count: fig("industryCount") || f.industries.length,
        industries: tr("overlap:list", { items: f.industries.map(names.industry) }),
      });
  }
}

// ---------- exports ----------

const KIND_KEY: Record<Finding["kind"], OverlapKey> = {
  "same-ground": "overlap:kind_sameGround",
  "industry-in-areas": "overlap:kind_industryInAreas",
  "industries-in-area": "overlap:kind_industriesInArea",
};
const FIGURES = ["overlapKm2", "shareOfA", "shareOfB", "areaCount", "sumKm2", "unionKm2", "doubleCountedKm2", "industryCount"] as const;

/** Plain decimal text for a figure: km² to 2 decimals, shares (0..1) to 4, counts as they are. */
function figureText(name: string, value: number | undefined): string {
  if (value === undefined) return "";
  if (name.startsWith("share")) return String(Math.round(value * 10_000) / 10_000);
  if (name.endsWith("Km2")) return value.toFixed(2);
  return String(value);
}

/** The matrix as table rows in the order shown: header, one row per area (1 = assigned), totals. */
export function matrixRows(m: Matrix, rows: Area[], lang: Lang, tr: Tr): string[][] {
  const header = [tr("overlap:area"), "id", ...m.industries.map((i) => i.name[lang]), tr("overlap:totalIndustries")];
  const body = rows.map((a) => [
    areaName(a, lang, true),
    a.id,
    ...m.industries.map((i) => (isAssigned(m, i.id, a.id) ? "1" : "0")),
    String(rowCount(m, a.id)),
  ]);
  const totals = [tr("overlap:totalRow"), "", ...m.industries.map((i) => String(columnCount(m, i.id))), ""];
  return [header, ...body, totals];
}

/** The ranked findings as table rows: the sentence plus the figures behind it. */
export function findingsRows(findings: Finding[], names: Names, lang: Lang, tr: Tr): string[][] {
  const header = [
    tr("overlap:csvRank"),
    tr("overlap:csvKind"),
    tr("overlap:csvFinding"),
    tr("overlap:csvIndustries"),
    tr("overlap:csvAreas"),
    ...FIGURES,
    tr("overlap:csvApproximate"),
  ];
  return [
    header,
    ...findings.map((f, n) => [
      String(n + 1),
      tr(KIND_KEY[f.kind]),
      findingSentence(f, names, lang, tr),
      f.industries.map(names.industry).join("; "),
      f.areas.map(names.area).join("; "),
      ...FIGURES.map((k) => figureText(k, f.figures[k])),
      tr(f.approximate ? "overlap:yes" : "overlap:no"),
    ]),
  ];
}

/** The ground each overlapping pair shares, as GeoJSON with the pair's figures. */
export function overlapsGeoJson(analysis: OverlapAnalysis) {
  return {
    type: "FeatureCollection" as const,
    features: analysis.pairs
      .filter((p) => p.intersection)
      .map((p) => ({
        type: "Feature" as const,
        properties: {
          a: p.a,
          b: p.b,
          industries: p.sharedIndustries,
          overlapKm2: Math.round(p.overlapKm2 * 1000) / 1000,
          shareOfA: Math.round(p.shareOfA * 10_000) / 10_000,
          shareOfB: Math.round(p.shareOfB * 10_000) / 10_000,
          approximate: p.approximate,
        },
        geometry: p.intersection!.geometry,
      })),
  };
}
