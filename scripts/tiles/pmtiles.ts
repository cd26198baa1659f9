import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { zxyToTileId } from "pmtiles";
import type { TileCut } from "./cutTiles.ts";
import type { Bounds } from "../../src/domain/geometry/lngLat.ts";

// A PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): the
// `pmtiles` package only reads archives, and no JavaScript writer is published. One archive is
//   header (127 bytes) | root directory | JSON metadata | leaf directories | tile data,
// little-endian. Tiles are addressed by their Hilbert TileId (the package's own zxyToTileId,
// so writer and reader agree by construction), stored in TileId order (clustered), identical
// tiles once (deduplicated), and consecutive TileIds with the same bytes as one run. A
// directory is varint columns (count; TileId deltas; run lengths; lengths; offsets, 0 for
// "right after the previous entry", else offset + 1), then the internal compression. The
// header and the root directory must fit the first 16,384 bytes, which a client reads in one
// request; when the entries do not, they go to leaf directories and the root points at them.

type PmtilesCompression = "gzip" | "none";

export interface PmtilesOptions {
  /** The archive's extent, WGS84 [west, south, east, north]. */
  bounds: Bounds;
  /** [lng, lat, zoom]; default the middle of `bounds` at the cut's min zoom. */
  center?: [number, number, number];
  /** Merged into the JSON metadata (name, attribution …); `vector_layers` is filled from the cut unless given. */
  metadata?: Record<string, unknown>;
  /** The layer's attribute names and types for `vector_layers` (TileJSON 3.0 `fields`). */
  fields?: Record<string, "String" | "Number" | "Boolean">;
  /** Directories and metadata (default gzip). */
  internalCompression?: PmtilesCompression;
  /** The tiles themselves (default gzip, as a static tile folder would be served). */
  tileCompression?: PmtilesCompression;
  /** Entries per leaf directory; by default leaves are used only when the root would not fit. */
  leafSize?: number;
}

export const HEADER_BYTES = 127;
/** Header + root directory must fit in the first this-many bytes (spec §2). */
export const ROOT_LIMIT_BYTES = 16_384;
const COMPRESSION_CODE: Record<PmtilesCompression, number> = { none: 1, gzip: 2 };
const TILE_TYPE_MVT = 1;

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Unsigned LEB128; arithmetic, not bit operators, so values above 2^32 stay exact. */
function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

const compress = (bytes: Uint8Array, how: PmtilesCompression): Uint8Array => (how === "gzip" ? new Uint8Array(gzipSync(bytes)) : bytes);

/** One directory, serialized as the spec's columns, before compression. */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, n) => {
    const previous = entries[n - 1];
    pushVarint(out, n > 0 && previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** Root and leaves: the leaves chunk the entries, the root holds one entry (run length 0) per leaf. */
function directories(
  entries: Entry[],
  internal: PmtilesCompression,
  leafSize: number | undefined,
): { root: Uint8Array; leaves: Uint8Array } {
  const whole = compress(serializeDirectory(entries), internal);
  if (leafSize === undefined && HEADER_BYTES + whole.length <= ROOT_LIMIT_BYTES) return { root: whole, leaves: new Uint8Array() };
  // As the reference writers do: start with leaves of 4,096 entries and grow them until the root fits.
  for (let size = leafSize ?? 4096; ; size = Math.ceil(size * 1.2)) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += size) {
      const leaf = compress(serializeDirectory(entries.slice(start, start + size)), internal);
      rootEntries.push({ tileId: entries[start]!.tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const root = compress(serializeDirectory(rootEntries), internal);
    if (HEADER_BYTES + root.length <= ROOT_LIMIT_BYTES) return { root, leaves: concat(parts) };
    if (size >= entries.length) throw new Error("PMTiles: the root directory does not fit in 16,384 bytes even with one leaf");
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const e7 = (degrees: number) => Math.round(degrees * 1e7);

export interface PmtilesArchive {
  bytes: Uint8Array;
  /** What the header says, for a caller's report. */
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: boolean;
}

/** The cut as one PMTiles v3 archive. */
export function writePmtilesArchive(cut: TileCut, options: PmtilesOptions): PmtilesArchive {
  const internal = options.internalCompression ?? "gzip";
  const tileCompression = options.tileCompression ?? "gzip";
  const byId = [...cut.tiles].map(([key, bytes]) => {
    const [z, x, y] = key.split("/").map(Number) as [number, number, number];
    return { tileId: zxyToTileId(z, x, y), bytes };
  });
  byId.sort((a, b) => a.tileId - b.tileId);

  // Tile data in TileId order; a tile whose bytes were stored already points at them.
  const stored = new Map<string, { offset: number; length: number }>();
  const data: Uint8Array[] = [];
  let dataLength = 0;
  const entries: Entry[] = [];
  for (const { tileId, bytes } of byId) {
    const hash = createHash("sha256").update(bytes).digest("hex");
    let at = stored.get(hash);
    if (!at) {
      const body = compress(bytes, tileCompression);
      at = { offset: dataLength, length: body.length };
      stored.set(hash, at);
      data.push(body);
      dataLength += body.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === at.offset && last.tileId + last.runLength === tileId) last.runLength++;
    else entries.push({ tileId, offset: at.offset, length: at.length, runLength: 1 });
  }
  if (entries.length === 0) throw new Error("PMTiles: the cut holds no tiles (the spec forbids empty directories)");

  const { root, leaves } = directories(entries, internal, options.leafSize);
  const metadata = compress(
    new TextEncoder().encode(
      JSON.stringify({
        vector_layers: [{ id: cut.layer, fields: options.fields ?? {}, minzoom: cut.minZoom, maxzoom: cut.maxZoom }],
        ...options.metadata,
      }),
    ),
    internal,
  );

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const tileOffset = leafOffset + leaves.length;
  const [west, south, east, north] = options.bounds;
  const [centerLon, centerLat, centerZoom] = options.center ?? [(west + east) / 2, (south + north) / 2, cut.minZoom];

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode("PMTiles"), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leafOffset);
  u64(48, leaves.length);
  u64(56, tileOffset);
  u64(64, dataLength);
  const addressedTiles = entries.reduce((n, e) => n + e.runLength, 0);
  u64(72, addressedTiles);
  u64(80, entries.length);
  u64(88, stored.size);
  view.setUint8(96, 1); // clustered: data in TileId order, a repeat points back
  view.setUint8(97, COMPRESSION_CODE[internal]);
  view.setUint8(98, COMPRESSION_CODE[tileCompression]);
  view.setUint8(99, TILE_TYPE_MVT);
  view.setUint8(100, cut.minZoom);
  view.setUint8(101, cut.maxZoom);
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  view.setUint8(118, Math.round(centerZoom));
  view.setInt32(119, e7(centerLon), true);
  view.setInt32(123, e7(centerLat), true);

  return {
    bytes: concat([header, root, metadata, leaves, ...data]),
    addressedTiles,
    tileEntries: entries.length,
    tileContents: stored.size,
    leafDirectories: leaves.length > 0,
  };
}

/** The archive's bytes alone (what scripts/tiles/tiledDataset.ts writes beside the tile folder). */
export function writePmtiles(cut: TileCut, options: PmtilesOptions): Uint8Array {
  return writePmtilesArchive(cut, options).bytes;
}
