import type { MultiPolygon, Polygon } from "geojson";
import type { Assignment, Dataset } from "../dataset/schema";
import type { OverlapInput } from "./types";

/**
 * The overlap analysis's input from a dataset: every area that has geometry (in the
 * dataset's area order), its kind and whether its shape is schematic; the published
 * assignments unless a draft's are given; the dataset's industry order.
 */
export function overlapInputFrom(
  dataset: Pick<Dataset, "areas" | "industries" | "assignments" | "geometry">,
  assignments?: Pick<Assignment, "industry" | "area">[],
): OverlapInput {
  const shapes = new Map(dataset.geometry.features.map((f) => [f.properties.id, f]));
  const areas: OverlapInput["areas"] = [];
  for (const area of dataset.areas) {
    const feature = shapes.get(area.id);
    if (!feature) continue;
    areas.push({
      id: area.id,
      kind: area.kind,
      approximate: feature.properties.approximate === true,
      geometry: feature.geometry as unknown as Polygon | MultiPolygon,
    });
  }
  return {
    areas,
    assignments: (assignments ?? dataset.assignments).map(({ industry, area }) => ({ industry, area })),
    industryOrder: dataset.industries.map((i) => i.id),
  };
}
