// The footer of the map picture: the policy's title, the legend (a swatch and name per
// industry, and the stripes swatch, painted from the map's own stripe pixels), the
// sources and the schematic-map notice, laid out in lines that wrap to the picture's width.

import { stripePattern } from "../../draw/patterns";
import { wrap } from "./wrapText";

export interface MapImageTexts {
  /** Policy title and date, first line of the footer. */
  title: string;
  legendHeading: string;
  legend: { colour: string; name: string }[];
  /** "Stripes: every industry laid out there", with the colours its swatch shows. */
  stripes: string;
  stripeColours: string[];
  attribution: string;
  notice: string;
}

const PAD = 14;
const INK = "#1d1d1b";
const MUTED = "#5f5b53";
/** The stripe width of the legend's stripes swatch, in CSS pixels. */
const STRIPE = 4;

export interface FooterLayout {
  /** The picture's width and the footer's top, in CSS pixels. */
  width: number;
  top: number;
  /** The page's font family. */
  family: string;
  /** Device pixels per CSS pixel of the picture (the stripes are painted at device pixels). */
  ratio: number;
  /** False: only lay the footer out, to learn its height. */
  draw: boolean;
}

/** Draws (or, with `draw` false, only lays out) the footer from `top`; returns its height. */
export function drawFooter(ctx: CanvasRenderingContext2D, texts: MapImageTexts, { width, top, family, ratio, draw }: FooterLayout): number {
  const inner = width - 2 * PAD;
  let y = top + PAD;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";

  const paragraph = (text: string, font: string, colour: string, lineHeight: number) => {
    ctx.font = font;
    for (const line of wrap(ctx, text, inner)) {
      if (draw) {
        ctx.fillStyle = colour;
        ctx.fillText(line, PAD, y + lineHeight / 2);
      }
      y += lineHeight;
    }
  };

  paragraph(texts.title, `700 14px ${family}`, INK, 20);
  y += 4;

  // legend: heading, a swatch and name per key industry, then the stripes swatch
  const rowHeight = 20;
  const swatch = 12;
  let x = PAD;
  const place = (itemWidth: number) => {
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      y += rowHeight;
    }
    const at = x;
    x += itemWidth + 14;
    return at;
  };
  ctx.font = `600 12px ${family}`;
  const heading = `${texts.legendHeading}:`;
  const hx = place(ctx.measureText(heading).width);
  if (draw) {
    ctx.fillStyle = MUTED;
    ctx.fillText(heading, hx, y + rowHeight / 2);
  }
  ctx.font = `400 12px ${family}`;
  const item = (name: string, paint: (x: number, y: number) => void) => {
    const at = place(swatch + 5 + ctx.measureText(name).width);
    if (!draw) return;
    paint(at, y + (rowHeight - swatch) / 2);
    ctx.fillStyle = INK;
    ctx.fillText(name, at + swatch + 5, y + rowHeight / 2);
  };
  for (const entry of texts.legend) {
    item(entry.name, (sx, sy) => {
      ctx.fillStyle = entry.colour;
      ctx.fillRect(sx, sy, swatch, swatch);
    });
  }
  item(texts.stripes, (sx, sy) => {
    const colours = texts.stripeColours.length ? texts.stripeColours : [INK];
    paintStripes(ctx, colours, sx, sy, swatch, ratio);
  });
  y += rowHeight + 4;

  paragraph(texts.attribution, `400 11px ${family}`, MUTED, 16);
  paragraph(texts.notice, `600 11px ${family}`, INK, 16);
  y += PAD - 4;
  return y - top;
}

/**
 * The stripes swatch: a `side`-pixel square at (x, y) filled with the map's stripe tile
 * (src/draw/patterns.ts), painted at device pixels so the stripes stay sharp.
 */
function paintStripes(ctx: CanvasRenderingContext2D, colours: readonly string[], x: number, y: number, side: number, ratio: number): void {
  const image = stripePattern(colours, Math.max(1, Math.round(STRIPE * ratio)), 1);
  const tile = document.createElement("canvas");
  tile.width = image.width;
  tile.height = image.height;
  const tileCtx = tile.getContext("2d");
  if (!tileCtx) return;
  const pixels = tileCtx.createImageData(image.width, image.height);
  pixels.data.set(image.data);
  tileCtx.putImageData(pixels, 0, 0);
  const pattern = ctx.createPattern(tile, "repeat");
  if (!pattern) return;
  // The tile is anchored at the swatch's corner, one tile pixel to one device pixel.
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(1 / ratio, 1 / ratio);
  ctx.fillStyle = pattern;
  ctx.fillRect(0, 0, side * ratio, side * ratio);
  ctx.restore();
}
