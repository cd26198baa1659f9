import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Map as MapLibreMap } from "maplibre-gl";
import { RenderedAreas, viewportBoxes } from "../../../src/map/renderedAreas";

type Box = [[number, number], [number, number]];

// A stand-in for MapLibre: places drawn as screen rectangles (CSS px), found by the boxes
// they meet, as queryRenderedFeatures finds the features whose geometry meets the query.
function fakeMap(places: { id: string; box: Box; layer: string }[]) {
  const camera = { zoom: 4, lng: 105, lat: 35 };
  const queries: (Box | "whole")[] = [];
  const meets = (a: Box, b: Box) => a[0][0] <= b[1][0] && b[0][0] <= a[1][0] && a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
  const whole: Box = [
    [0, 0],
    [800, 600],
  ];
  const map = {
    getCenter: () => ({ lng: camera.lng, lat: camera.lat }),
    getZoom: () => camera.zoom,
    getBearing: () => 0,
    getPitch: () => 0,
    getContainer: () => ({ clientWidth: 800, clientHeight: 600 }),
    queryRenderedFeatures: (a: Box | { layers: string[] }, b?: { layers: string[] }) => {
      const box = b ? (a as Box) : whole;
      const { layers } = b ?? (a as { layers: string[] });
      queries.push(b ? box : "whole");
      return places.filter((p) => layers.includes(p.layer) && meets(p.box, box)).map((p) => ({ properties: { id: p.id } }));
    },
  };
  return { map: map as unknown as MapLibreMap, camera, queries };
}

const places = [
  {
    id: "inside",
    box: [
      [10, 10],
      [40, 40],
    ] as Box,
    layer: "fill",
  },
  // across the grid's inner lines (at x = 200, 400, 600 and y = 150, 300, 450)
  {
    id: "across",
    box: [
      [190, 140],
      [410, 310],
    ] as Box,
    layer: "fill",
  },
  // touching the last column and row only
  {
    id: "corner",
    box: [
      [790, 590],
      [900, 700],
    ] as Box,
    layer: "fill",
  },
  {
    id: "off-screen",
    box: [
      [900, 700],
      [950, 750],
    ] as Box,
    layer: "fill",
  },
  {
    id: "hidden-layer",
    box: [
      [10, 10],
      [40, 40],
    ] as Box,
    layer: "pattern",
  },
];

describe("the areas drawn in the viewport", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("splits the viewport into boxes that cover it edge to edge", () => {
    const boxes = viewportBoxes(800, 600, 4);
    expect(boxes).toHaveLength(16);
    expect(boxes[0]).toEqual([
      [0, 0],
      [200, 150],
    ]);
    expect(boxes[15]).toEqual([
      [600, 450],
      [800, 600],
    ]);
    // each box starts where its left and upper neighbours end: no gap, and the whole is covered
    const area = boxes.reduce((sum, [[x0, y0], [x1, y1]]) => sum + (x1 - x0) * (y1 - y0), 0);
    expect(area).toBe(800 * 600);
    for (const [i, box] of boxes.entries()) {
      if (i % 4) expect(box[0][0]).toBe(boxes[i - 1]![1][0]);
      if (i >= 4) expect(box[0][1]).toBe(boxes[i - 4]![1][1]);
    }
  });

  it("gives the same places box by box, a task each, as one query of the whole viewport", () => {
    const whole = fakeMap(places);
    const once: string[][] = [];
    new RenderedAreas(whole.map).update(["fill"], 1, false, (ids) => once.push([...ids].sort()));
    expect(once).toEqual([["across", "corner", "inside"]]);

    const split = fakeMap(places);
    const written: string[][] = [];
    new RenderedAreas(split.map).update(["fill"], 1, true, (ids) => written.push([...ids].sort()));
    // nothing in the idle's own task: the boxes come one task at a time
    expect(split.queries).toHaveLength(0);
    vi.advanceTimersToNextTimer();
    expect(split.queries).toHaveLength(1);
    vi.runAllTimers();
    expect(split.queries).toHaveLength(16);
    expect(written).toEqual(once);
  });

  it("asks box by box in the page's idle moments where the browser has them", () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal("requestIdleCallback", (task: () => void, options: { timeout: number }) => {
      expect(options.timeout).toBeGreaterThan(0); // a long pan has no idle moment: the boxes still come
      idle.push(task);
    });
    try {
      const { map, queries } = fakeMap(places);
      const written: string[][] = [];
      new RenderedAreas(map).update(["fill"], 1, true, (ids) => written.push([...ids].sort()));
      vi.runAllTimers();
      expect(queries).toHaveLength(0);
      while (idle.length) idle.shift()!();
      expect(queries).toHaveLength(16);
      expect(written).toEqual([["across", "corner", "inside"]]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("answers again without asking MapLibre until the camera, the layers or the data change", () => {
    const { map, camera, queries } = fakeMap(places);
    const record = new RenderedAreas(map);
    const written: string[][] = [];
    const write = (ids: readonly string[]) => written.push([...ids].sort());
    record.update(["fill"], 1, false, write);
    record.update(["fill"], 1, false, write);
    expect(queries).toHaveLength(1);
    expect(written).toHaveLength(2);
    record.update(["fill", "pattern"], 1, false, write);
    expect(written.at(-1)).toEqual(["across", "corner", "hidden-layer", "inside"]);
    record.update(["fill", "pattern"], 2, false, write);
    camera.zoom = 5;
    record.update(["fill", "pattern"], 2, false, write);
    expect(queries).toHaveLength(4);
  });

  it("drops a split query whose camera moved before its last box, and answers for the new camera", () => {
    const { map, camera, queries } = fakeMap(places);
    const record = new RenderedAreas(map);
    const written: string[][] = [];
    const write = (ids: readonly string[]) => written.push([...ids].sort());
    record.update(["fill"], 1, true, write);
    vi.advanceTimersToNextTimer();
    // a second idle for the same view while the boxes are under way starts nothing new
    record.update(["fill"], 1, true, write);
    camera.lng = 110;
    vi.runAllTimers();
    expect(written).toHaveLength(0);
    expect(queries).toHaveLength(1);
    record.update(["fill"], 1, true, write);
    vi.runAllTimers();
    expect(written).toHaveLength(1);
    expect(queries).toHaveLength(17);
  });
});
