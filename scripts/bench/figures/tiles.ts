import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { copyTiledNational, writeTiledNational } from "../nationalTiled.ts";
import { nationalAppFigures } from "./nationalApp.ts";
import { round, type Figure, type FigureDefinition, type FigureResult } from "../types.ts";

// The whole country on real boundaries (issue 18 §3): the set's own checks, the tile build and
// its output, and the simplification error per zoom. Measured by scripts/bench/national-tiles.ts
// in a child process (its memory peak is the set's and the cut's alone), which also writes the
// tile folder and the archive into bench-dist/ for the bare tile pages (bench/bare-tiles.html).

/** What the source is documented to hold (issue 18): a different count means a different package or a reading bug. */
const EXPECTED_FEATURES = 3253;
const EXPECTED_VERTICES_M = 6.9;
/** The child's heap limit: the brief's memory ceiling for the whole set is 4 GB. */
const MAX_OLD_SPACE_MB = 3500;

interface ChildResult {
  source: {
    files: number;
    features: number;
    sourceVertices: number;
    vertices: number;
    withoutCode: number;
    encodedFiles: string[];
    repairedFeatures: number;
    repairedParts: number;
    unrepairableParts: number;
    droppedParts: number;
    droppedFeatures: unknown[];
    idCollisions: string[];
    repairSteps: Record<string, number>;
  };
  areas: number;
  zones: number;
  sites: number;
  geometryJsonMB: number;
  readSeconds: number;
  cutSeconds: number;
  rssBeforeCutMB: number;
  peakRssMB: number;
  tiles: number;
  tilesPerZoom: Record<string, number>;
  folderRawMB: number;
  folderGzipMB: number;
  archiveMB: number;
  archive: { entries: number; contents: number; leafDirectories: boolean };
  sampledAreas: number;
  errors: { zoom: number; maxKm: number; p95Km: number; vertices: number; missingAreas: number; tileUnitKm: number }[];
}

async function measureNationalTiles(root: string, outDir: string | null): Promise<ChildResult> {
  const script = resolve(root, "scripts/bench/national-tiles.ts");
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [`--max-old-space-size=${MAX_OLD_SPACE_MB}`, "--import", "tsx", script, ...(outDir ? [outDir] : [])],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const line = stdout.trim().split("\n").pop()!;
  return JSON.parse(line) as ChildResult;
}

export const tiles: FigureDefinition = {
  key: "tiles",
  name: "national set on real boundaries: source checks, tile build, archive, simplification error",
  async run(ctx): Promise<FigureResult> {
    const r = await measureNationalTiles(ctx.root, ctx.outDir);
    const s = r.source;
    const info = (id: string, value: number, unit: string, extra: Figure["extra"] = {}, digits = 1): Figure => ({
      id,
      value,
      unit,
      budget: null,
      digits,
      extra,
    });
    const figures: Figure[] = [
      info(
        "national-features",
        s.features,
        "count",
        { expected: EXPECTED_FEATURES, kept: s.features - s.droppedFeatures.length, files: s.files },
        0,
      ),
      info(
        "national-vertices",
        round(s.sourceVertices / 1e6, 3),
        "M",
        { expected: EXPECTED_VERTICES_M, after_repair_m: round(s.vertices / 1e6, 3) },
        3,
      ),
      info("national-without-code", s.withoutCode, "count", { expected: 385, id_collisions: s.idCollisions.length }, 0),
      info("tiles-build", round(r.cutSeconds, 1), "s", { read_s: round(r.readSeconds, 1), zooms: "0-8" }),
      info("tiles-build-memory-peak", round(r.peakRssMB, 0), "MB", { rss_before_cut_mb: round(r.rssBeforeCutMB, 0) }, 0),
      info("tiles-count", r.tiles, "count", {}, 0),
      info("tiles-folder-gzip", round(r.folderGzipMB, 2), "MB", { raw_mb: round(r.folderRawMB, 2) }, 2),
      info(
        "tiles-archive",
        round(r.archiveMB, 2),
        "MB",
        { entries: r.archive.entries, contents: r.archive.contents, leaves: String(r.archive.leafDirectories) },
        2,
      ),
      ...r.errors.map((e) =>
        info(
          `tiles-simplification-error-z${e.zoom}`,
          round(e.maxKm, 3),
          "km",
          { p95_km: round(e.p95Km, 3), tile_unit_km: round(e.tileUnitKm, 3), vertices: e.vertices, areas_not_drawn: e.missingAreas },
          3,
        ),
      ),
    ];
    // tileDataset on the whole set runs the overlap analysis too (minutes): only when asked.
    // BENCH_NATIONAL_APP_FROM=<dir>: copy what an earlier publish wrote into <dir> instead (its time is then not measured).
    const from = process.env.BENCH_NATIONAL_APP_FROM;
    const t0 = performance.now();
    const tiled =
      process.env.BENCH_NATIONAL_APP !== "1" ? null : from ? copyTiledNational(from, ctx.outDir) : writeTiledNational(ctx.root, ctx.outDir);
    const publishSeconds = (performance.now() - t0) / 1000;
    const app = tiled ? await nationalAppFigures(ctx) : null;
    if (tiled && !from)
      figures.push(info("national-app-publish", round(publishSeconds, 1), "s", { files: tiled.files, mb: round(tiled.bytes / 1e6, 1) }));
    if (app) figures.push(...app.figures);
    const checks = [
      s.features === EXPECTED_FEATURES ? "feature count as documented" : `FEATURE COUNT ${s.features}, documented ${EXPECTED_FEATURES}`,
      Math.abs(s.sourceVertices / 1e6 - EXPECTED_VERTICES_M) < 0.05
        ? "vertex total as documented"
        : `VERTEX TOTAL ${s.sourceVertices}, documented ≈ ${EXPECTED_VERTICES_M} M`,
    ];
    return {
      figures,
      notes: [
        `  source: ${s.files} files, ${checks.join(", ")}; decoded first: ${s.encodedFiles.join(", ")}; ${s.withoutCode} without a code (ids from file + name)`,
        `  polygon rules: ${s.repairedFeatures} features cleaned (repeated positions, spikes), ${s.repairedParts} parts through the full ring repair, ${s.unrepairableParts} of them unrepairable, ${s.droppedParts} parts and ${s.droppedFeatures.length} features dropped after conversion; vertices ${s.sourceVertices} → ${s.vertices}`,
        `  dataset: ${r.areas} areas (${r.zones} synthetic zones), ${r.sites} sites, geometry ${r.geometryJsonMB.toFixed(1)} MB of JSON; tiles per zoom ${JSON.stringify(r.tilesPerZoom)}`,
        tiled
          ? `  app on the tiled set: ${from ? `copied from ${from} (published earlier by tileDataset)` : `published by tileDataset (tiles, area summaries, overlap analysis) in ${publishSeconds.toFixed(0)} s`}, ${tiled.files} files (${(tiled.bytes / 1e6).toFixed(1)} MB)`
          : "  app on the tiled set: not published (BENCH_NATIONAL_APP=1 publishes it through tileDataset and measures the app on it)",
        ...(app?.notes ?? []),
        `  simplification error: largest distance from a source vertex of every ${"16th"} county (${r.sampledAreas}, ≤ 60 vertices each) to its outline decoded from that zoom's tiles`,
      ],
      details: { ...(r as unknown as Record<string, unknown>), ...(app ? { app: app.details, publishSeconds } : {}) },
    };
  },
};
