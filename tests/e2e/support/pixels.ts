import { SNAPSHOT_EVENT } from "../../../src/contracts/snapshot";
import type { Page } from "playwright-core";

/** Where a lng/lat falls on a map of the given CSS size at a camera (Web Mercator, 512 px tiles). */
export function project(
  [lng, lat]: [number, number],
  camera: { zoom: number; lat: number; lng: number },
  size: { width: number; height: number },
): { x: number; y: number } {
  const world = 512 * 2 ** camera.zoom;
  const mx = (l: number) => ((l + 180) / 360) * world;
  const my = (phi: number) => {
    const r = (phi * Math.PI) / 180;
    return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * world;
  };
  return { x: size.width / 2 + mx(lng) - mx(camera.lng), y: size.height / 2 + my(lat) - my(camera.lat) };
}

export type Rgba = [number, number, number, number];

/**
 * Reads pixels (CSS coordinates) of the map's picture, asked of the map through its DOM
 * snapshot event (src/contracts/snapshot.ts: the drawing buffer is not kept between frames).
 */
export async function samplePixels(page: Page, points: { x: number; y: number }[]): Promise<Rgba[]> {
  return page.evaluate(
    ([pts, eventName]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(".maplibregl-canvas");
      const host = document.querySelector("[data-testid=map]");
      if (!canvas || !host) throw new Error("no map canvas");
      const ratio = canvas.width / canvas.clientWidth;
      let copy: HTMLCanvasElement | null = null;
      host.dispatchEvent(new CustomEvent(eventName, { detail: { take: (p: HTMLCanvasElement) => (copy = p) } }));
      if (!copy) throw new Error("the map gave no picture");
      const ctx = (copy as HTMLCanvasElement).getContext("2d")!;
      return pts.map(
        ({ x, y }) =>
          Array.from(ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data) as [number, number, number, number],
      );
    },
    [points, SNAPSHOT_EVENT] as const,
  );
}

export function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Colour distance in RGB; blended fills land near, not on, their source colour. */
export function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/**
 * Decodes an image the page can load (a data: or blob: URL, an asset) in the page and returns
 * its size with the RGBA of the given pixels, or of every pixel (row by row) without points.
 */
export async function imagePixels(
  page: Page,
  src: string,
  points?: { x: number; y: number }[],
): Promise<{ width: number; height: number; data: number[] }> {
  return page.evaluate(
    async ({ src, points }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = points
        ? points.flatMap(({ x, y }) => Array.from(ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data))
        : Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data);
      return { width: canvas.width, height: canvas.height, data };
    },
    { src, points },
  );
}
