// Composes "the map as a picture": the WebGL canvas (a copy the map makes on request,
// handed over by the map host), the HTML labels and markers pinned on it
// (mapImageMarkers.ts), and a footer with the legend, sources and schematic-map notice
// (mapImageFooter.ts). Every piece of text is drawn with fillText: text from data stays text.

import { drawMarkers } from "./mapImageMarkers";
import { drawFooter, type MapImageTexts } from "./mapImageFooter";

export class NoMapError extends Error {
  constructor() {
    super("no map canvas to save");
    this.name = "NoMapError";
  }
}

/**
 * The map element's picture as a PNG blob, from `picture` (the map's canvas copy, see
 * src/ui/mapSnapshot.ts), with the footer of `texts` (none when null: the printed profile
 * says all of it in its own text). Throws NoMapError without a map canvas or picture.
 */
export async function composeMapImage(mapEl: HTMLElement, picture: HTMLCanvasElement | null, texts: MapImageTexts | null): Promise<Blob> {
  const source = mapEl.querySelector<HTMLCanvasElement>("canvas.maplibregl-canvas");
  if (!source) throw new NoMapError();
  const box = mapEl.getBoundingClientRect();
  const sourceBox = source.getBoundingClientRect();
  if (box.width < 1 || box.height < 1 || sourceBox.width < 1) throw new NoMapError();
  if (!picture) throw new NoMapError();
  const ratio = source.width / sourceBox.width || window.devicePixelRatio || 1;
  const width = box.width;
  const family = getComputedStyle(document.documentElement).fontFamily || "sans-serif";

  // Lay the footer out once without drawing to learn its height, then draw for real.
  const measure = document.createElement("canvas").getContext("2d");
  if (!measure) throw new Error("no 2D canvas");
  const footerHeight = texts ? drawFooter(measure, texts, { width, top: 0, family, ratio, draw: false }) : 0;

  const out = document.createElement("canvas");
  out.width = Math.round(width * ratio);
  out.height = Math.round((box.height + footerHeight) * ratio);
  const ctx = out.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  ctx.scale(ratio, ratio);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, box.height + footerHeight);

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, width, box.height);
  ctx.clip();
  ctx.drawImage(picture, sourceBox.left - box.left, sourceBox.top - box.top, sourceBox.width, sourceBox.height);
  drawMarkers(ctx, mapEl, box);
  ctx.restore();

  if (texts) {
    ctx.strokeStyle = "#dedad0";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, box.height + 0.5);
    ctx.lineTo(width, box.height + 0.5);
    ctx.stroke();
    drawFooter(ctx, texts, { width, top: box.height, family, ratio, draw: true });
  }

  return new Promise<Blob>((resolve, reject) => {
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser made no PNG"))), "image/png");
  });
}
