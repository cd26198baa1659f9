import { kml } from "@tmcw/togeojson";
import getShapefile from "shpjs";
import type { WorkbenchMessage } from "./messages.ts";
import { polygonOf, readGeoJson, type OutlineGeometry } from "./outline.ts";

// The outline readers that need a library: KML (@tmcw/togeojson) and zipped shapefiles
// (shpjs, with proj4 for a .prj). Loaded only when a maintainer imports an outline; ESLint
// refuses a static import of this module or of its libraries anywhere else.

export type OutlineFormat = "geojson" | "kml" | "shapefile";

/** Parses XML text into a Document: the browser's DOMParser unless one is handed in (node has none). */
export type ParseXml = (text: string) => Parameters<typeof kml>[0];

const browserParseXml: ParseXml = (text) => {
  if (typeof DOMParser === "undefined") throw new Error("no DOMParser in this environment");
  return new DOMParser().parseFromString(text, "application/xml");
};

/** The format a file name says it is in, or null. */
export function outlineFormatOf(fileName: string): OutlineFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".geojson") || lower.endsWith(".json")) return "geojson";
  if (lower.endsWith(".kml")) return "kml";
  if (lower.endsWith(".zip")) return "shapefile";
  return null;
}

/** The outline in a file (in whatever coordinate system it was written: convert it with outlineToWgs84), or why it cannot be read. */
export async function readOutlineFile(
  bytes: ArrayBuffer | Uint8Array,
  format: OutlineFormat,
  parseXml: ParseXml = browserParseXml,
): Promise<{ geometry: OutlineGeometry } | { problem: WorkbenchMessage }> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    if (format === "geojson") return readGeoJson(new TextDecoder().decode(data));
    const geojson = format === "kml" ? kml(readXml(new TextDecoder().decode(data), parseXml)) : await getShapefile(data);
    const geometry = polygonOf(
      Array.isArray(geojson) ? { type: "FeatureCollection", features: geojson.flatMap((layer) => layer.features) } : geojson,
    );
    return geometry ? { geometry } : { problem: { key: "outlineNoPolygon" } };
  } catch (error) {
    return { problem: { key: "outlineUnreadable", params: { reason: error instanceof Error ? error.message : String(error) } } };
  }
}

function readXml(text: string, parseXml: ParseXml): Parameters<typeof kml>[0] {
  const doc = parseXml(text);
  // A DOMParser reports bad XML as a document holding a <parsererror>, not as an exception.
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(error.textContent?.trim() || "not well-formed XML");
  return doc;
}
