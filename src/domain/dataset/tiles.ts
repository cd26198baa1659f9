import type { Dataset } from "./schema";

/**
 * The dataset with its tile, archive and overlap addresses made absolute against the address
 * dataset.json came from (they are written relative to it, so a published folder can move;
 * MapLibre's worker needs absolute ones). The `{z}/{x}/{y}` placeholders stay as written.
 */
export function withAbsoluteTileUrls(dataset: Dataset, datasetUrl: string): Dataset {
  const tiles = dataset.tiles;
  if (!tiles) return dataset;
  const absolute = (path: string) => new URL(path, datasetUrl).href.replace(/%7B/g, "{").replace(/%7D/g, "}");
  return {
    ...dataset,
    tiles: {
      ...tiles,
      url: absolute(tiles.url),
      ...(tiles.pmtiles ? { pmtiles: absolute(tiles.pmtiles) } : {}),
      ...(tiles.overlap ? { overlap: absolute(tiles.overlap) } : {}),
      ...(tiles.overlapGround ? { overlapGround: absolute(tiles.overlapGround) } : {}),
    },
  };
}
