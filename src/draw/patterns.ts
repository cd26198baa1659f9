// The map's fill patterns as raw RGBA pixels: the map hands them to `map.addImage`, and the
// share picture paints the same stripes in its legend swatch, so the two cannot drift
// apart. Pure: no DOM, no canvas, no imports (src/draw is read by src/map and src/ui).

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Diagonal stripes of equal width, one per colour. Generated at run time so an area with
 * several industries shows every one of them, in any combination, without shipping
 * sprite files.
 */
export function stripePattern(colours: readonly string[], stripeWidth = 6, alpha = 0.88): PatternImage {
  const rgb = colours.map(hexToRgb);
  // The tile repeats seamlessly when its side is a multiple of the full stripe cycle.
  const size = stripeWidth * rgb.length * Math.max(1, Math.ceil(24 / (stripeWidth * rgb.length)));
  const data = new Uint8Array(size * size * 4);
  const a = Math.round(alpha * 255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const band = Math.floor(((x + y) % size) / stripeWidth) % rgb.length;
      const [r, g, b] = rgb[band]!;
      const o = (y * size + x) * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = a;
    }
  }
  return { width: size, height: size, data };
}

/** Thin dark diagonal hatching on transparency: marks overlap ground over any fill. */
export function hatchPattern(size = 16, colour = "#b0003a"): PatternImage {
  const [r, g, b] = hexToRgb(colour);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 4;
      const on = (x - y + size) % 8 < 2;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = on ? 230 : 40;
    }
  }
  return { width: size, height: size, data };
}
