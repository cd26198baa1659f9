import { describe, expect, it } from "vitest";
import { stripePattern } from "../../../src/draw/patterns";

describe("stripe pattern", () => {
  it("paints every industry's colour in equal shares", () => {
    const image = stripePattern(["#0072B2", "#E69F00", "#009E73"], 4, 1);
    const counts = new Map<string, number>();
    for (let i = 0; i < image.data.length; i += 4) {
      const key = `${image.data[i]},${image.data[i + 1]},${image.data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(["0,114,178", "0,158,115", "230,159,0"].sort());
    const shares = [...counts.values()].map((n) => n / (image.width * image.height));
    for (const share of shares) expect(share).toBeCloseTo(1 / 3, 1);
  });

  it("tiles seamlessly: the side is a whole number of stripe cycles", () => {
    const image = stripePattern(["#000000", "#ffffff"], 6);
    expect(image.width % 12).toBe(0);
    expect(image.data.length).toBe(image.width * image.height * 4);
    // the pixel right of the last column continues the first column's diagonal
    const px = (x: number, y: number) => image.data[(y * image.width + x) * 4];
    expect(px(image.width - 1, 1)).toBe(px(0, 0));
  });
});
