import type { AppDriver } from "./app-driver";
import { builtDataset } from "./dataset";
import { distance, hexRgb, project, samplePixels } from "./pixels";

/** The colour of the planner's hatch (the focused finding's ground). */
const HATCH = hexRgb("#b0003a");

/** The bounding box of an area's drawn shape in the built dataset (lng/lat). */
function boxOf(id: string): [number, number, number, number] {
  const feature = builtDataset().geometry.features.find((f) => f.properties.id === id);
  if (!feature) throw new Error(`no geometry for ${id}`);
  const box: [number, number, number, number] = [180, 90, -180, -90];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      const [x, y] = c as [number, number];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(feature.geometry.coordinates);
  return box;
}

/** The share of pixels inside an area's projected box that are the hatch's colour, for the map at `camera`. */
export async function hatchShareIn(app: AppDriver, area: string, camera: { zoom: number; lat: number; lng: number }): Promise<number> {
  const size = (await app.page.getByTestId("map").boundingBox())!;
  const [w, s, e, n] = boxOf(area);
  const nw = project([w, n], camera, size);
  const se = project([e, s], camera, size);
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < 48; i++) {
    for (let j = 0; j < 24; j++) {
      points.push({ x: nw.x + ((i + 0.5) / 48) * (se.x - nw.x), y: nw.y + ((j + 0.5) / 24) * (se.y - nw.y) });
    }
  }
  const pixels = await samplePixels(app.page, points);
  return pixels.filter((p) => distance(p, HATCH) < 90).length / pixels.length;
}
