import { afterEach, describe, expect, it, vi } from "vitest";
import { drawFooter, type MapImageTexts } from "../../src/ui/share/mapImageFooter";
import { stripePattern } from "../../src/draw/patterns";

// The footer of the map picture, laid out and drawn on a recording 2D context (jsdom has
// no canvas): every text drawn as text, lines wrapped to the width, and the stripes swatch
// painted from the map's own stripe pixels.

interface Recorder {
  ctx: CanvasRenderingContext2D;
  texts: string[];
  /** The pixels put on the stripe tile. */
  tiles: Uint8ClampedArray[];
  patternFills: number;
}

/** A 2D context that records what is drawn; every character measures 7 pixels. */
function recorder(): Recorder {
  const rec: Recorder = { ctx: undefined as unknown as CanvasRenderingContext2D, texts: [], tiles: [], patternFills: 0 };
  const pattern = { setTransform() {} } as unknown as CanvasPattern;
  const base = {
    font: "",
    fillStyle: "" as string | CanvasPattern,
    textAlign: "left",
    textBaseline: "middle",
    measureText: (text: string) => ({ width: text.length * 7 }),
    fillText: (text: string) => void rec.texts.push(text),
    fillRect: () => {
      if (base.fillStyle === pattern) rec.patternFills++;
    },
    createPattern: () => pattern,
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: (image: ImageData) => void rec.tiles.push(image.data),
    save() {},
    restore() {},
    translate() {},
    scale() {},
  };
  rec.ctx = base as unknown as CanvasRenderingContext2D;
  return rec;
}

const texts: MapImageTexts = {
  title: "Guiding Opinions on Future Industries (2024-10-26)",
  legendHeading: "Key industries",
  legend: [
    { colour: "#0072B2", name: "Metaverse" },
    { colour: "#E69F00", name: "Hydrogen" },
  ],
  stripes: "Stripes: every industry laid out there",
  stripeColours: ["#0072B2", "#E69F00"],
  attribution: "Boundaries: AMap",
  notice: "Schematic map, not a survey",
};

const layout = { width: 900, top: 0, family: "sans-serif", ratio: 2, draw: true };

afterEach(() => vi.restoreAllMocks());

function withTileCanvas(rec: Recorder) {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(() => rec.ctx as unknown as RenderingContext);
}

describe("the map picture's footer", () => {
  it("draws every text as text: title, legend heading, names, stripes, sources and notice", () => {
    const rec = recorder();
    withTileCanvas(rec);
    drawFooter(rec.ctx, texts, layout);
    expect(rec.texts).toEqual([texts.title, "Key industries:", "Metaverse", "Hydrogen", texts.stripes, texts.attribution, texts.notice]);
  });

  it("paints the stripes swatch from the map's stripe pixels, at device pixels", () => {
    const rec = recorder();
    withTileCanvas(rec);
    drawFooter(rec.ctx, texts, layout);
    expect(rec.tiles).toHaveLength(1);
    expect([...rec.tiles[0]!]).toEqual([...stripePattern(texts.stripeColours, 8, 1).data]);
    expect(rec.patternFills).toBe(1);
  });

  it("lays out without drawing, to the same height it draws", () => {
    const measuring = recorder();
    const height = drawFooter(measuring.ctx, texts, { ...layout, draw: false });
    expect(measuring.texts).toEqual([]);
    const rec = recorder();
    withTileCanvas(rec);
    expect(drawFooter(rec.ctx, texts, { ...layout, top: 500 })).toBe(height);
  });

  it("wraps to a narrow picture: more lines, a taller footer", () => {
    const wide = drawFooter(recorder().ctx, texts, { ...layout, draw: false });
    const narrow = drawFooter(recorder().ctx, texts, { ...layout, width: 200, draw: false });
    expect(narrow).toBeGreaterThan(wide);
  });
});
