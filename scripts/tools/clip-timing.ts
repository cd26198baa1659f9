// `npx tsx scripts/tools/clip-timing.ts`: the overlap analysis clips both shapes of a pair to
// the overlap of their boxes before Turf's intersect (src/domain/overlap/intersection.ts).
// This times that clipping, @turf/bbox-clip (`clipToBox`, kept for being faster) against the
// hand-written Sutherland–Hodgman clipper it replaced, on the same calls, on the shipped data and on the synthetic 3,000-area set
// in one run: every pair of areas whose boxes overlap, each area cut to the pair's box (the
// calls the pairs and containment steps make, and more). Reports only; never gates.
import { resolve } from "node:path";
import type { Position } from "geojson";
import { assembleDataDir } from "../data/readDataDir.ts";
import { areaKm2 } from "../../src/domain/geometry/areaKm2.ts";
import { boxesOverlap, clipToBox } from "../../src/domain/overlap/intersection.ts";
import { overlapInputFrom } from "../../src/domain/overlap/overlapInput.ts";
import { prepare, type Geometry, type Prepared } from "../../src/domain/overlap/prepare.ts";
import type { Bounds } from "../../src/domain/geometry/lngLat.ts";
import type { OverlapInput } from "../../src/domain/overlap/types.ts";
import { syntheticOverlapInput } from "../../support/synthetic/overlapInput.ts";

type Clipper = (area: Prepared, box: Bounds) => { geometry: Geometry } | null;

/** The hand-written clipper the analysis used before (Sutherland–Hodgman per ring), kept here as the reference. */
const handClip: Clipper = (area, box) => {
  const [w, s, e, n] = area.box;
  if (w >= box[0] && s >= box[1] && e <= box[2] && n <= box[3]) return area.feature;
  const polygons = area.geometry.type === "Polygon" ? [area.geometry.coordinates] : area.geometry.coordinates;
  const clipped: Position[][][] = [];
  for (const rings of polygons) {
    const [outer, ...holes] = rings.map((ring) => clipRing(ring, box));
    if (!outer) continue;
    clipped.push([outer, ...holes.filter((h): h is Position[] => h !== null)]);
  }
  return clipped.length ? { geometry: { type: "MultiPolygon", coordinates: clipped } } : null;
};

function clipRing(ring: Position[], box: Bounds): Position[] | null {
  let points = ring.slice(0, -1);
  for (let edge = 0; edge < 4 && points.length; edge++) {
    const inside = (p: Position): boolean =>
      edge === 0 ? p[0]! >= box[0] : edge === 1 ? p[0]! <= box[2] : edge === 2 ? p[1]! >= box[1] : p[1]! <= box[3];
    const cross = (p: Position, q: Position): Position => {
      if (edge < 2) {
        const x = edge === 0 ? box[0] : box[2];
        return [x, p[1]! + ((q[1]! - p[1]!) * (x - p[0]!)) / (q[0]! - p[0]!)];
      }
      const y = edge === 2 ? box[1] : box[3];
      return [p[0]! + ((q[0]! - p[0]!) * (y - p[1]!)) / (q[1]! - p[1]!), y];
    };
    const out: Position[] = [];
    let prev = points[points.length - 1]!;
    let prevIn = inside(prev);
    for (const p of points) {
      const pIn = inside(p);
      if (pIn !== prevIn) out.push(cross(prev, p));
      if (pIn) out.push(p);
      prev = p;
      prevIn = pIn;
    }
    points = out.filter((p, k) => {
      const q = out[(k + out.length - 1) % out.length]!;
      return out.length === 1 || p[0] !== q[0] || p[1] !== q[1];
    });
  }
  if (points.length < 3) return null;
  return [...points, points[0]!];
}

function calls(input: OverlapInput): [Prepared, Bounds][] {
  const { areas } = prepare(input);
  const out: [Prepared, Bounds][] = [];
  for (let i = 0; i < areas.length; i++)
    for (let j = i + 1; j < areas.length; j++) {
      const a = areas[i]!;
      const b = areas[j]!;
      if (!boxesOverlap(a.box, b.box)) continue;
      const box: Bounds = [
        Math.max(a.box[0], b.box[0]),
        Math.max(a.box[1], b.box[1]),
        Math.min(a.box[2], b.box[2]),
        Math.min(a.box[3], b.box[3]),
      ];
      out.push([a, box], [b, box]);
    }
  return out;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function time(clip: Clipper, work: [Prepared, Bounds][], runs: number): { ms: number; km2: number } {
  const took: number[] = [];
  let km2 = 0;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    let sum = 0;
    for (const [area, box] of work) {
      const shape = clip(area, box);
      if (shape) sum += shape.geometry.coordinates.length;
    }
    took.push(performance.now() - started);
    if (r === 0) km2 = work.reduce((s, [area, box]) => s + (clip(area, box) ? areaKm2(clip(area, box)!.geometry) : 0), 0);
    if (sum < 0) throw new Error("unreachable");
  }
  return { ms: median(took), km2 };
}

const { dataset, issues } = assembleDataDir(resolve(import.meta.dirname, "../../data"));
if (!dataset) throw new Error(`data/ is invalid: ${JSON.stringify(issues)}`);
const sets: [string, OverlapInput, number][] = [
  ["Yangzhou", overlapInputFrom(dataset), 21],
  ["synthetic 3,000 areas", syntheticOverlapInput({ areas: 3000 }), 21],
];
for (const [name, input, runs] of sets) {
  const work = calls(input);
  const vertices = work.reduce((s, [a]) => s + JSON.stringify(a.geometry.coordinates).split("],[").length, 0);
  // Both warmed up first, so neither is timed on a colder JIT.
  time(handClip, work, 3);
  time(clipToBox, work, 3);
  const hand = time(handClip, work, runs);
  const turf = time(clipToBox, work, runs);
  console.log(
    `${name}: ${work.length} clips (≈ ${vertices} input vertices): hand-written ${hand.ms.toFixed(2)} ms, @turf/bbox-clip ${turf.ms.toFixed(2)} ms (median of ${runs}); ` +
      `bbox-clip / hand = ${(turf.ms / hand.ms).toFixed(2)}; clipped km² ${hand.km2.toFixed(3)} vs ${turf.km2.toFixed(3)}`,
  );
}
