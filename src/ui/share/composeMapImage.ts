// Composes "the map as a picture": the WebGL canvas (a copy the map makes on request,
// handed over by the map host), the HTML labels and markers
// pinned on it, and a footer with the legend, sources and schematic-map notice. Every
// piece of text is drawn with fillText: text from data stays text.

import { MARKER_CLASSES as M, precisionClass } from "../../contracts/markerClasses";

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

export class NoMapError extends Error {
  constructor() {
    super("no map canvas to save");
    this.name = "NoMapError";
  }
}

const PAD = 14;
const INK = "#1d1d1b";
const MUTED = "#5f5b53";

/**
 * The map element's picture as a PNG blob, from `picture` (the map's canvas copy, see
 * src/ui/mapSnapshot.ts). Throws NoMapError without a map canvas or picture.
 */
export async function composeMapImage(mapEl: HTMLElement, picture: HTMLCanvasElement | null, texts: MapImageTexts): Promise<Blob> {
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
  const footerHeight = drawFooter(measure, texts, width, 0, family, false);

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
  drawSeats(ctx, mapEl, box);
  drawSites(ctx, mapEl, box);
  drawLabels(ctx, mapEl, box);
  ctx.restore();

  ctx.strokeStyle = "#dedad0";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, box.height + 0.5);
  ctx.lineTo(width, box.height + 0.5);
  ctx.stroke();
  drawFooter(ctx, texts, width, box.height, family, true);

  return new Promise<Blob>((resolve, reject) => {
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser made no PNG"))), "image/png");
  });
}

function visible(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.visibility !== "hidden" && style.display !== "none";
}

function drawSeats(ctx: CanvasRenderingContext2D, mapEl: HTMLElement, box: DOMRect): void {
  for (const el of mapEl.querySelectorAll<HTMLElement>(`.${M.seat}:not(.${M.kindHidden})`)) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    ctx.beginPath();
    ctx.arc(r.left + r.width / 2 - box.left, r.top + r.height / 2 - box.top, r.width / 2, 0, Math.PI * 2);
    ctx.fillStyle = style.backgroundColor || INK;
    ctx.fill();
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 1.2;
    ctx.stroke();
  }
}

function drawSites(ctx: CanvasRenderingContext2D, mapEl: HTMLElement, box: DOMRect): void {
  for (const el of mapEl.querySelectorAll<HTMLElement>(`.${M.site}:not(.${M.kindHidden})`)) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const x = r.left + r.width / 2 - box.left;
    const y = r.top + r.height / 2 - box.top;
    const border = Number.parseFloat(style.borderTopWidth) || 0;
    ctx.save();
    ctx.globalAlpha = Number.parseFloat(style.opacity) || 1;
    if (el.classList.contains(precisionClass("town"))) {
      // the soft ring of a site known only to its town
      const colour = style.getPropertyValue("--site-colour").trim() || style.borderTopColor;
      ctx.beginPath();
      ctx.arc(x, y, r.width / 2 + 9, 0, Math.PI * 2);
      ctx.globalAlpha *= 0.16;
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.globalAlpha = (Number.parseFloat(style.opacity) || 1) * 0.6;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.globalAlpha = Number.parseFloat(style.opacity) || 1;
    }
    ctx.beginPath();
    ctx.arc(x, y, Math.max(1, r.width / 2 - border / 2), 0, Math.PI * 2);
    ctx.fillStyle = style.backgroundColor;
    ctx.fill();
    if (border > 0) {
      ctx.strokeStyle = style.borderTopColor;
      ctx.lineWidth = border;
      ctx.stroke();
    }
    ctx.restore();
  }
}

const TRANSPARENT = /^(transparent|rgba\(\s*0,\s*0,\s*0,\s*0\s*\))$/;

function drawLabels(ctx: CanvasRenderingContext2D, mapEl: HTMLElement, box: DOMRect): void {
  for (const el of mapEl.querySelectorAll<HTMLElement>(`.${M.label}:not(.${M.collided}):not(.${M.kindHidden})`)) {
    const text = el.textContent?.trim() ?? "";
    if (!text || !visible(el)) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const padLeft = Number.parseFloat(style.paddingLeft) || 0;
    const padRight = Number.parseFloat(style.paddingRight) || 0;
    const padTop = Number.parseFloat(style.paddingTop) || 0;
    const fontSize = Number.parseFloat(style.fontSize) || 14;
    const lineHeight = Number.parseFloat(style.lineHeight) || fontSize * 1.15;
    ctx.save();
    ctx.globalAlpha = Number.parseFloat(style.opacity) || 1;
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    if (style.letterSpacing && style.letterSpacing !== "normal" && "letterSpacing" in ctx) ctx.letterSpacing = style.letterSpacing;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    const left = r.left - box.left;
    const top = r.top - box.top;
    if (!TRANSPARENT.test(style.backgroundColor)) {
      ctx.fillStyle = style.backgroundColor;
      roundRect(ctx, left, top, r.width, r.height, Number.parseFloat(style.borderTopLeftRadius) || 0);
      ctx.fill();
    }
    const lines = wrap(ctx, text, r.width - padLeft - padRight + 2);
    const cx = left + padLeft + (r.width - padLeft - padRight) / 2;
    const halo = style.textShadow && style.textShadow !== "none" ? (firstColour(style.textShadow) ?? "#fff") : null;
    lines.forEach((line, n) => {
      const y = top + padTop + lineHeight * (n + 0.5);
      if (halo) {
        ctx.strokeStyle = halo;
        ctx.lineWidth = 3;
        ctx.lineJoin = "round";
        ctx.strokeText(line, cx, y);
      }
      ctx.fillStyle = style.color;
      ctx.fillText(line, cx, y);
    });
    ctx.restore();
  }
}

function firstColour(shadow: string): string | null {
  return /rgba?\([^)]*\)|#[0-9a-f]{3,8}\b/i.exec(shadow)?.[0] ?? null;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  if (typeof ctx.roundRect === "function") ctx.roundRect(x, y, w, h, r);
  else ctx.rect(x, y, w, h);
}

// A breakable unit: one CJK character, or a word with the spaces after it.
const UNITS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]\s*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g;

/** Greedy line breaking at spaces and between CJK characters. */
export function wrap(ctx: Pick<CanvasRenderingContext2D, "measureText">, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const unit of text.match(UNITS) ?? []) {
    const candidate = line + unit;
    if (line && ctx.measureText(candidate.trimEnd()).width > maxWidth) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line = candidate;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Draws (or, with draw false, only lays out) the footer from y; returns its height. */
function drawFooter(
  ctx: CanvasRenderingContext2D,
  texts: MapImageTexts,
  width: number,
  top: number,
  family: string,
  draw: boolean,
): number {
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
    ctx.save();
    ctx.beginPath();
    ctx.rect(sx, sy, swatch, swatch);
    ctx.clip();
    const colours = texts.stripeColours.length ? texts.stripeColours : [INK];
    const band = 4;
    for (let n = -6; n < 8; n++) {
      ctx.fillStyle = colours[((n % colours.length) + colours.length) % colours.length]!;
      ctx.beginPath();
      ctx.moveTo(sx + n * band, sy + swatch);
      ctx.lineTo(sx + n * band + band, sy + swatch);
      ctx.lineTo(sx + n * band + band + swatch, sy);
      ctx.lineTo(sx + n * band + swatch, sy);
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  });
  y += rowHeight + 4;

  paragraph(texts.attribution, `400 11px ${family}`, MUTED, 16);
  paragraph(texts.notice, `600 11px ${family}`, INK, 16);
  y += PAD - 4;
  return y - top;
}
