import type { MultiPolygon, Polygon, Position } from "geojson";
import type { AreaFeature, Meta, OutlineProvenance } from "../dataset/schema.ts";
import { polygonProblems, positionsOutside } from "../geometry/polygonProblems.ts";
import { polygonCoordinatesToWgs84, round7, type CrsId } from "./coordinates.ts";
import type { WorkbenchMessage } from "./messages.ts";

// An official outline replacing a zone's schematic extent or a county's boundary: read from
// a file (GeoJSON here; KML and zipped shapefiles in outlineFiles.ts, loaded when needed),
// converted to WGS84 from the system the maintainer chose, and checked by the project's
// polygon rules, the dataset's bounds, and the provenance every replacement must carry.

export type OutlineGeometry = Polygon | MultiPolygon;

/** A proposed change of one area's outline, as the workbench collects it. */
export interface OutlineChange {
  geometry: OutlineGeometry | null;
  /** Whether the new outline is still schematic: asked, never assumed. */
  approximate?: boolean;
  provenance?: Partial<OutlineProvenance>;
}

export interface OutlineProblem {
  field: "geometry" | "approximate" | "provenance.source" | "provenance.date" | "provenance.licence";
  message: WorkbenchMessage;
}

/** The polygons of any GeoJSON value (geometry, feature or collection) as one Polygon or MultiPolygon, 2-D, or null if it has none. */
export function polygonOf(geojson: unknown): OutlineGeometry | null {
  const polygons: Position[][][] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const g = node as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown; geometries?: unknown };
    if (g.type === "FeatureCollection" && Array.isArray(g.features)) g.features.forEach(visit);
    else if (g.type === "Feature") visit(g.geometry);
    else if (g.type === "GeometryCollection" && Array.isArray(g.geometries)) g.geometries.forEach(visit);
    else if (g.type === "Polygon" && Array.isArray(g.coordinates)) polygons.push(g.coordinates as Position[][]);
    else if (g.type === "MultiPolygon" && Array.isArray(g.coordinates)) polygons.push(...(g.coordinates as Position[][][]));
  };
  visit(geojson);
  if (polygons.length === 0) return null;
  // Altitudes (KML writes them) mean nothing on this map; rings run as RFC 7946 says, and
  // positions are kept to 1e-7° (about a centimetre), which also drops the last-digit noise
  // of a shapefile's reprojection: the same outline read from any format is the same geometry.
  const flat = polygons.map((rings) =>
    rings.map((ring, i) =>
      orient(
        ring.map((p) => [round7(p[0]!), round7(p[1]!)]),
        i === 0,
      ),
    ),
  );
  return flat.length === 1 ? { type: "Polygon", coordinates: flat[0]! } : { type: "MultiPolygon", coordinates: flat };
}

/** The ring counter-clockwise when it is an outer ring, clockwise when a hole (RFC 7946). */
function orient(ring: Position[], outer: boolean): Position[] {
  let twiceArea = 0;
  for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  const counterClockwise = twiceArea > 0;
  return counterClockwise === outer ? ring : [...ring].reverse();
}

/** A GeoJSON file's outline, or why it cannot be read. */
export function readGeoJson(text: string): { geometry: OutlineGeometry } | { problem: WorkbenchMessage } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    return { problem: { key: "outlineUnreadable", params: { reason: (error as Error).message } } };
  }
  const geometry = polygonOf(value);
  return geometry ? { geometry } : { problem: { key: "outlineNoPolygon" } };
}

/** The outline in WGS84, from the coordinate system the file was written in. */
export function outlineToWgs84(geometry: OutlineGeometry, crs: CrsId): OutlineGeometry {
  if (crs === "WGS84") return geometry;
  const rounded = (node: unknown): unknown => (typeof node === "number" ? round7(node) : Array.isArray(node) ? node.map(rounded) : node);
  return { ...geometry, coordinates: rounded(polygonCoordinatesToWgs84(geometry.coordinates, crs)) } as OutlineGeometry;
}

/** Everything that stops the change from being published: polygon rules, bounds, the approximate flag, the provenance. */
export function outlineChangeProblems(change: OutlineChange, bounds: Meta["bounds"]): OutlineProblem[] {
  const problems: OutlineProblem[] = [];
  if (!change.geometry) problems.push({ field: "geometry", message: { key: "outlineNoPolygon" } });
  else {
    for (const reason of polygonProblems(change.geometry))
      problems.push({ field: "geometry", message: { key: "outlineInvalid", params: { reason } } });
    for (const reason of positionsOutside(change.geometry, bounds))
      problems.push({ field: "geometry", message: { key: "outlineOutsideBounds", params: { reason } } });
  }
  if (typeof change.approximate !== "boolean") problems.push({ field: "approximate", message: { key: "outlineNeedsApproximate" } });
  const { source, date, licence } = change.provenance ?? {};
  if (!source?.trim()) problems.push({ field: "provenance.source", message: { key: "outlineNeedsSource" } });
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push({ field: "provenance.date", message: { key: "outlineNeedsDate" } });
  if (!licence?.trim()) problems.push({ field: "provenance.licence", message: { key: "outlineNeedsLicence" } });
  return problems;
}

/**
 * The area's feature with the new outline, its approximate flag and its provenance; the
 * other properties of the feature it replaces are kept (a county's carry names and codes).
 * Only for a change without problems.
 */
export function replacedFeature(
  areaId: string,
  change: Required<Pick<OutlineChange, "approximate">> & { geometry: OutlineGeometry; provenance: OutlineProvenance },
  previous?: AreaFeature,
): AreaFeature {
  return {
    type: "Feature",
    ...(previous?.id !== undefined ? { id: previous.id } : {}),
    properties: { ...previous?.properties, id: areaId, approximate: change.approximate, provenance: change.provenance },
    geometry: change.geometry,
  };
}
