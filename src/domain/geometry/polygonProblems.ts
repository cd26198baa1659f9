import type { Bounds, LngLat } from "./lngLat";

/**
 * Validity checks for GeoJSON Polygon / MultiPolygon geometry (pure; no I/O).
 *
 * "Invalid polygon" (see data/geometry/README.md):
 *  - the geometry is not a Polygon or MultiPolygon (or its coordinates are not nested arrays);
 *  - a position is not a pair of finite numbers;
 *  - a ring has fewer than 4 positions, or is not closed (first position != last);
 *  - a ring self-intersects: two of its segments cross, touch or overlap anywhere other
 *    than at the vertex shared by consecutive segments (repeated consecutive positions
 *    are tolerated and ignored);
 *  - two rings (of one polygon, or of different parts of a MultiPolygon) cross each
 *    other. Rings or parts touching at a point are allowed, as in OGC.
 */

const MAX_MESSAGES_PER_RING = 5;

function fmt(p: LngLat): string {
  return `${p[0].toFixed(4)}, ${p[1].toFixed(4)}`;
}

/** A position as written, except that numbers JSON cannot spell (1e999 parses to Infinity) stay visible. */
function showPosition(p: unknown): string {
  if (!Array.isArray(p)) return JSON.stringify(p) ?? String(p);
  return `[${p.map((v) => (typeof v === "number" ? String(v) : (JSON.stringify(v) ?? String(v)))).join(", ")}]`;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Orientation of the triple (a, b, c): >0 left turn, <0 right turn, 0 collinear. */
function orient(a: LngLat, b: LngLat, c: LngLat): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a: LngLat, b: LngLat, p: LngLat): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

type Hit = { kind: "cross" | "touch"; at: LngLat };

/** Intersection test of closed segments ab and cd. */
function segmentHit(a: LngLat, b: LngLat, c: LngLat, d: LngLat): Hit | null {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    const t = o3 / (o3 - o4);
    return { kind: "cross", at: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])] };
  }
  if (o1 === 0 && onSegment(a, b, c)) return { kind: "touch", at: c };
  if (o2 === 0 && onSegment(a, b, d)) return { kind: "touch", at: d };
  if (o3 === 0 && onSegment(c, d, a)) return { kind: "touch", at: a };
  if (o4 === 0 && onSegment(c, d, b)) return { kind: "touch", at: b };
  return null;
}

const same = (p: LngLat, q: LngLat) => p[0] === q[0] && p[1] === q[1];

/** Ring without repeated consecutive positions, still closed. */
function dedupe(ring: LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  for (const p of ring) if (out.length === 0 || !same(out[out.length - 1]!, p)) out.push(p);
  return out;
}

type Seg = { ring: number; i: number; a: LngLat; b: LngLat; minX: number; maxX: number };

function segmentsOf(ring: LngLat[], ringIndex: number): Seg[] {
  const segs: Seg[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    segs.push({ ring: ringIndex, i, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) });
  }
  return segs;
}

/**
 * All pairs of segments whose x-extents overlap (sweep over x), passed to `visit`.
 * Stops early when `visit` returns false.
 */
function sweepPairs(segs: Seg[], visit: (s: Seg, t: Seg) => boolean): void {
  const sorted = [...segs].sort((s, t) => s.minX - t.minX);
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const t = sorted[j]!;
      if (t.minX > s.maxX) break;
      if (!visit(s, t)) return;
    }
  }
}

/** Self-intersections of one closed, de-duplicated ring. */
function ringSelfHits(ring: LngLat[]): Hit[] {
  const n = ring.length - 1; // number of segments
  const hits: Hit[] = [];
  if (n < 3) return hits;
  const segs = segmentsOf(ring, 0);
  sweepPairs(segs, (s, t) => {
    const i = Math.min(s.i, t.i);
    const j = Math.max(s.i, t.i);
    const adjacent = j === i + 1 || (i === 0 && j === n - 1);
    if (adjacent) {
      // Consecutive segments share one vertex; they are bad only if they fold back on
      // each other (a spike: collinear and overlapping beyond the shared vertex).
      const [p, q, r] = j === i + 1 ? [ring[i]!, ring[j]!, ring[j + 1]!] : [ring[n - 1]!, ring[0]!, ring[1]!];
      if (orient(p, q, r) === 0 && (r[0] - q[0]) * (p[0] - q[0]) + (r[1] - q[1]) * (p[1] - q[1]) > 0) {
        hits.push({ kind: "touch", at: q });
      }
    } else {
      const h = segmentHit(s.a, s.b, t.a, t.b);
      if (h) hits.push(h);
    }
    return hits.length < MAX_MESSAGES_PER_RING;
  });
  return hits;
}

/** Checks structure and numbers of one ring; returns messages (empty when fine). */
function ringStructureProblems(ring: unknown, label: string): string[] {
  if (!Array.isArray(ring)) return [`${label}: not an array of positions`];
  const problems: string[] = [];
  ring.forEach((p, k) => {
    if (!Array.isArray(p) || p.length < 2 || !isFiniteNumber(p[0]) || !isFiniteNumber(p[1])) {
      if (problems.length < MAX_MESSAGES_PER_RING) {
        problems.push(`${label}, position ${k}: not a pair of finite numbers (${showPosition(p)})`);
      }
    }
  });
  if (problems.length > 0) return problems;
  const r = ring as LngLat[];
  if (r.length < 4) problems.push(`${label}: ${r.length} positions, a ring needs at least 4`);
  if (r.length > 0 && !same(r[0]!, r[r.length - 1]!)) {
    problems.push(`${label}: not closed (first position ${fmt(r[0]!)} != last ${fmt(r[r.length - 1]!)})`);
  }
  if (problems.length === 0 && dedupe(r).length < 4) {
    problems.push(`${label}: fewer than 4 distinct consecutive positions (collapsed ring)`);
  }
  return problems;
}

/**
 * Problems of a GeoJSON Polygon or MultiPolygon, as human-readable messages naming the
 * polygon and ring, e.g. "polygon 2, ring 0: self-intersection near 119.4213, 32.4011".
 * Empty array = valid.
 */
export function polygonProblems(geometry: unknown): string[] {
  if (typeof geometry !== "object" || geometry === null) return ["not a geometry object"];
  const g = geometry as { type?: unknown; coordinates?: unknown };
  let polygons: unknown[];
  if (g.type === "Polygon") polygons = [g.coordinates];
  else if (g.type === "MultiPolygon") {
    if (!Array.isArray(g.coordinates)) return ["MultiPolygon: coordinates is not an array"];
    polygons = g.coordinates;
  } else return [`geometry type ${JSON.stringify(g.type)} is not Polygon or MultiPolygon`];
  if (polygons.length === 0) return ["no polygons (empty coordinates)"];

  const multi = g.type === "MultiPolygon";
  const problems: string[] = [];
  const goodRings: { label: string; ring: LngLat[] }[] = [];
  polygons.forEach((poly, pi) => {
    const pLabel = multi ? `polygon ${pi}` : "polygon";
    if (!Array.isArray(poly) || poly.length === 0) {
      problems.push(`${pLabel}: no rings`);
      return;
    }
    poly.forEach((ring, ri) => {
      const label = `${pLabel}, ring ${ri}`;
      const structural = ringStructureProblems(ring, label);
      if (structural.length > 0) {
        problems.push(...structural);
        return;
      }
      const clean = dedupe(ring as LngLat[]);
      const messages = ringSelfHits(clean).map(
        (h) => `${label}: self-intersection${h.kind === "touch" ? " (touch)" : ""} near ${fmt(h.at)}`,
      );
      problems.push(...new Set(messages));
      goodRings.push({ label, ring: clean });
    });
  });

  // Rings (of one polygon or different parts) must not cross; touching is allowed.
  if (goodRings.length > 1) {
    const segs = goodRings.flatMap((r, k) => segmentsOf(r.ring, k));
    let count = 0;
    sweepPairs(segs, (s, t) => {
      if (s.ring === t.ring) return true;
      const h = segmentHit(s.a, s.b, t.a, t.b);
      if (h && h.kind === "cross") {
        const [x, y] = s.ring < t.ring ? [s, t] : [t, s];
        problems.push(`${goodRings[x.ring]!.label} crosses ${goodRings[y.ring]!.label} near ${fmt(h.at)}`);
        count++;
      }
      return count < MAX_MESSAGES_PER_RING;
    });
  }
  return problems;
}

/** Walks any nested GeoJSON coordinates array, calling `visit` with each position and its path. */
function walkPositions(coords: unknown, path: number[], visit: (p: unknown, path: number[]) => boolean): boolean {
  if (!Array.isArray(coords)) return true;
  if (coords.length > 0 && !Array.isArray(coords[0])) return visit(coords, path);
  for (let k = 0; k < coords.length; k++) {
    if (!walkPositions(coords[k], [...path, k], visit)) return false;
  }
  return true;
}

function pathLabel(type: unknown, path: number[]): string {
  if (type === "Polygon" && path.length === 2) return `ring ${path[0]}, position ${path[1]}`;
  if (type === "MultiPolygon" && path.length === 3) {
    return `polygon ${path[0]}, ring ${path[1]}, position ${path[2]}`;
  }
  if (type === "Point") return "position";
  return `position ${path.join(".")}`;
}

/**
 * The first few positions (at most `limit`) of a GeoJSON geometry that lie outside
 * `bounds` = [west, south, east, north] (degrees), each as a message.
 */
export function positionsOutside(geometry: unknown, bounds: Bounds, limit = 5): string[] {
  const [w, s, e, n] = bounds;
  const out: string[] = [];
  if (typeof geometry !== "object" || geometry === null) return out;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  walkPositions(g.coordinates, [], (p, path) => {
    if (!Array.isArray(p)) return true;
    const [x, y] = p as unknown[];
    if (!isFiniteNumber(x) || !isFiniteNumber(y)) return true; // polygonProblems reports these
    if (x < w || x > e || y < s || y > n) {
      out.push(`${pathLabel(g.type, path)}: ${x}, ${y} is outside the bounds [${w}, ${s}, ${e}, ${n}]`);
    }
    return out.length < limit;
  });
  return out;
}
