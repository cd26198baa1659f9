import maplibregl from "maplibre-gl";
import { Protocol } from "pmtiles";

// The PMTiles reader, only for a dataset whose tiles come as one archive (`tiles.pmtiles`):
// its own chunk, loaded by tiledAreas.ts with import(), so no other page pays for it.

let registered = false;

/** Lets MapLibre read `pmtiles://<archive url>` sources (once per page). */
export function registerPmtiles(): void {
  if (registered) return;
  registered = true;
  maplibregl.addProtocol("pmtiles", new Protocol().tilev4);
}
