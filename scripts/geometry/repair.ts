/**
 * Repair of rings on the source's exact 1/1024° grid (orientation tests are exact there).
 *
 * Steps, each recorded:
 *  1. drop repeated consecutive positions;
 *  2. drop spikes (a vertex where the ring turns straight back on itself);
 *  3. split the ring where it touches itself (a vertex lying on another part of the ring,
 *     or visited twice) into separate loops: loops with the ring's orientation become
 *     separate parts (touching at a point, valid as in OGC), opposite loops inside a part
 *     become holes, zero-area loops are dropped;
 *  4. anything still invalid (proper crossings) falls back to a self-union (@turf/union,
 *     polyclip-ts, non-zero rule).
 */
import union from "@turf/union";
import { featureCollection, polygon as turfPolygon } from "@turf/helpers";
import area from "@turf/area";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { polygonProblems } from "../../src/domain/geometry/polygonProblems.ts";
import { dedupeRing, geometryOf, key, polysOf, same, signedArea } from "./lib.ts";
import type { Poly, Pos, Ring } from "./lib.ts";

/** Loops split off a ring that are smaller than this are quantisation specks and dropped. */
const MIN_LOOP_KM2 = 0.05;
const closeCcw = (r: Ring): Ring => (signedArea(r) > 0 ? r : [...r].reverse());

const orient = (a: Pos, b: Pos, c: Pos) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

export type RepairLog = { step: string; count: number; details?: string[] };

/** Removes spikes from a closed ring until none is left; returns the ring and how many went. */
function removeSpikes(ring: Ring): { ring: Ring; removed: number; where: Pos[] } {
  let open = dedupeRing(ring).slice(0, -1);
  let removed = 0;
  const where: Pos[] = [];
  let changed = true;
  while (changed && open.length >= 3) {
    changed = false;
    for (let i = 0; i < open.length && open.length >= 3; i++) {
      const n = open.length;
      const p = open[(i + n - 1) % n]!,
        q = open[i]!,
        r = open[(i + 1) % n]!;
      const back = (p[0] - q[0]) * (r[0] - q[0]) + (p[1] - q[1]) * (r[1] - q[1]) > 0;
      if (orient(p, q, r) === 0 && back) {
        open.splice(i, 1);
        removed++;
        where.push(q);
        // p and r may now be equal and consecutive
        open = dedupeRing([...open, open[0]!]).slice(0, -1);
        changed = true;
        i = Math.max(-1, i - 2);
      }
    }
  }
  return { ring: [...open, open[0]!], removed, where };
}

/** Inserts every vertex that lies in the interior of a non-adjacent segment into that segment. */
function insertTouchingVertices(ring: Ring): { ring: Ring; inserted: Pos[] } {
  const inserted: Pos[] = [];
  const out: Ring = [];
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!,
      b = ring[i + 1]!;
    out.push(a);
    const onSeg: Pos[] = [];
    for (let k = 0; k < n; k++) {
      const v = ring[k]!;
      if (same(v, a) || same(v, b)) continue;
      if (orient(a, b, v) !== 0) continue;
      const t = (v[0] - a[0]) * (b[0] - a[0]) + (v[1] - a[1]) * (b[1] - a[1]);
      const len2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2;
      if (t > 0 && t < len2 && !onSeg.some((w) => same(w, v))) onSeg.push(v);
    }
    onSeg.sort((v, w) => Math.hypot(v[0] - a[0], v[1] - a[1]) - Math.hypot(w[0] - a[0], w[1] - a[1]));
    out.push(...onSeg);
    inserted.push(...onSeg);
  }
  out.push(out[0]!);
  return { ring: out, inserted };
}

/** Splits a closed ring at repeated vertices into simple loops. */
function splitLoops(ring: Ring, pinches: Pos[]): Ring[] {
  const open = ring.slice(0, -1);
  const seen = new Map<string, number>();
  for (let i = 0; i < open.length; i++) {
    const k = key(open[i]!);
    const j = seen.get(k);
    if (j !== undefined) {
      pinches.push(open[i]!);
      const inner = open.slice(j, i); // loop from j back to the same vertex at i
      const outer = [...open.slice(0, j), ...open.slice(i)];
      return [...splitLoops([...inner, inner[0]!], pinches), ...splitLoops([...outer, outer[0]!], pinches)];
    }
    seen.set(k, i);
  }
  return [ring];
}

function cleanLoop(loop: Ring, log: { spikes: Pos[] }): Ring | null {
  const s = removeSpikes(loop);
  log.spikes.push(...s.where);
  if (s.ring.length < 4 || signedArea(s.ring) === 0) return null;
  return s.ring;
}

/** Repairs one source polygon (grid coordinates). Returns polygons (may split) and a log. */
export function repairPolygon(poly: Poly): { polys: Poly[]; log: RepairLog[] } {
  const log: RepairLog[] = [];
  const shells: Ring[] = [];
  const holes: Ring[] = [];
  poly.forEach((ring0, ri) => {
    const dupCount = ring0.length - dedupeRing(ring0).length;
    if (dupCount > 0) log.push({ step: `ring ${ri}: removed repeated consecutive positions`, count: dupCount });
    const spikeLog = { spikes: [] as Pos[] };
    const first = cleanLoop(ring0, spikeLog);
    if (!first) {
      log.push({ step: `ring ${ri}: dropped (collapsed to zero area)`, count: 1 });
      return;
    }
    const sign = Math.sign(signedArea(first));
    const ins = insertTouchingVertices(first);
    if (ins.inserted.length > 0) {
      log.push({
        step: `ring ${ri}: inserted vertices where the ring touches one of its own segments`,
        count: ins.inserted.length,
      });
    }
    const pinches: Pos[] = [];
    const loops = splitLoops(ins.ring, pinches)
      .map((l) => cleanLoop(l, spikeLog))
      .filter((l): l is Ring => l !== null)
      .sort((a, b) => Math.abs(signedArea(b)) - Math.abs(signedArea(a)));
    if (spikeLog.spikes.length > 0) {
      log.push({
        step: `ring ${ri}: removed spikes (vertex where the ring turns straight back)`,
        count: spikeLog.spikes.length,
        details: spikeLog.spikes.slice(0, 8).map((p) => `${p[0]}, ${p[1]} (GCJ-02)`),
      });
    }
    if (pinches.length > 0) {
      log.push({
        step: `ring ${ri}: split at self-touching points into ${loops.length} loops`,
        count: pinches.length,
        details: pinches.slice(0, 8).map((p) => `${p[0]}, ${p[1]} (GCJ-02)`),
      });
    }
    const tiny = loops.filter((l, i) => i > 0 && loops.length > 1 && area(turfPolygon([closeCcw(l)])) / 1e6 < MIN_LOOP_KM2);
    if (tiny.length > 0) {
      // Keep the largest loop always; drop specks of one or a few grid cells.
      log.push({
        step: `ring ${ri}: dropped ${tiny.length} loops smaller than ${MIN_LOOP_KM2} km² split off at self-touching points (quantisation specks of one or a few 1/1024° cells)`,
        count: tiny.length,
        details: tiny.map((l) => `${(area(turfPolygon([closeCcw(l)])) / 1e6).toFixed(4)} km² at ${l[0]![0]}, ${l[0]![1]} (GCJ-02)`),
      });
    }
    for (const l of loops) {
      if (tiny.includes(l)) continue;
      const sameSign = Math.sign(signedArea(l)) === sign;
      if ((ri === 0) === sameSign) shells.push(l);
      else holes.push(l);
    }
  });
  // Orient shells counter-clockwise, holes clockwise (RFC 7946), and put each hole in the
  // shell that contains it.
  const ccw = (r: Ring) => (signedArea(r) > 0 ? r : [...r].reverse());
  const cw = (r: Ring) => (signedArea(r) < 0 ? r : [...r].reverse());
  shells.sort((a, b) => Math.abs(signedArea(b)) - Math.abs(signedArea(a)));
  const polys: Poly[] = shells.map((s) => [ccw(s)]);
  let orphanHoles = 0;
  for (const h of holes) {
    const probe = interiorProbe(h);
    const host = polys.find((p) => booleanPointInPolygon(probe, turfPolygon([p[0]!])));
    if (host) host.push(cw(h));
    else {
      polys.push([ccw(h)]);
      orphanHoles++;
    }
  }
  if (holes.length - orphanHoles > 0) {
    log.push({ step: "loops of opposite orientation inside the shell kept as holes", count: holes.length - orphanHoles });
  }
  if (orphanHoles > 0) {
    log.push({ step: "loops of opposite orientation outside the shell kept as separate parts", count: orphanHoles });
  }

  let result = polys;
  const problems = polygonProblems(geometryOf(result));
  if (problems.length > 0) {
    const g = geometryOf(result);
    const u = union(
      featureCollection([
        { type: "Feature", properties: {}, geometry: g },
        { type: "Feature", properties: {}, geometry: g },
      ]),
    );
    if (!u) throw new Error("self-union returned nothing");
    result = polysOf(u.geometry);
    log.push({
      step: "self-union (polyclip-ts via @turf/union, non-zero rule) for remaining problems",
      count: problems.length,
      details: problems.slice(0, 8),
    });
  }
  return { polys: result, log };
}

/** A point just inside a simple ring, near its first edge midpoint (for containment tests). */
function interiorProbe(ring: Ring): Pos {
  // The midpoint of the longest edge, pushed a tiny bit to the ring's inner side.
  let best = 0,
    bl = -1;
  for (let i = 0; i + 1 < ring.length; i++) {
    const l = Math.hypot(ring[i + 1]![0] - ring[i]![0], ring[i + 1]![1] - ring[i]![1]);
    if (l > bl) {
      bl = l;
      best = i;
    }
  }
  const a = ring[best]!,
    b = ring[best + 1]!;
  const m: Pos = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const sgn = signedArea(ring) > 0 ? 1 : -1; // left side is inside for CCW
  const nx = -(b[1] - a[1]) / bl,
    ny = (b[0] - a[0]) / bl;
  const eps = 1e-6;
  return [m[0] + sgn * nx * eps, m[1] + sgn * ny * eps];
}
