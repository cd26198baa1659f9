// The HTML markers pinned on the map (county seats, sites, labels), drawn onto the map
// picture where the browser shows them, with the colours and fonts the page gives them.
// Text is drawn with fillText: text from data stays text.

import { MARKER_CLASSES as M, precisionClass } from "../../contracts/markerClasses";
import { wrap } from "./wrapText";

const INK = "#1d1d1b";

/** Draws the visible seats, sites and labels of `mapEl` onto `ctx`, placed relative to `box` (the map's box). */
export function drawMarkers(ctx: CanvasRenderingContext2D, mapEl: HTMLElement, box: DOMRect): void {
  drawSeats(ctx, mapEl, box);
  drawSites(ctx, mapEl, box);
  drawLabels(ctx, mapEl, box);
}

/** The live markers of a class, shown kinds only: not the still copy over a map being framed. */
function live(mapEl: HTMLElement, name: string, more = ""): NodeListOf<HTMLElement> {
  return mapEl.querySelectorAll<HTMLElement>(`.${name}:not(.${M.kindHidden})${more}:not(.${M.cover} *)`);
}

function visible(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.visibility !== "hidden" && style.display !== "none";
}

function drawSeats(ctx: CanvasRenderingContext2D, mapEl: HTMLElement, box: DOMRect): void {
  for (const el of live(mapEl, M.seat)) {
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
  for (const el of live(mapEl, M.site)) {
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
  for (const el of live(mapEl, M.label, `:not(.${M.collided})`)) {
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
