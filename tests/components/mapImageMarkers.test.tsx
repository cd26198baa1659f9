import { describe, expect, it } from "vitest";
import { drawMarkers } from "../../src/ui/share/mapImageMarkers";
import { MARKER_CLASSES as M } from "../../src/contracts/markerClasses";

/** A 2D context that records where circles are drawn and which texts are written. */
function recorder() {
  const arcs: number[][] = [];
  const texts: string[] = [];
  const ctx = new Proxy(
    { arcs, texts },
    {
      get: (target, name) => {
        if (name === "arc") return (x: number, y: number) => arcs.push([x, y]);
        if (name === "fillText") return (text: string) => texts.push(text);
        if (name === "measureText") return (text: string) => ({ width: text.length * 10 });
        if (name in target) return target[name as keyof typeof target];
        return () => {};
      },
      set: () => true,
    },
  );
  return { ctx: ctx as unknown as CanvasRenderingContext2D, arcs, texts };
}

function places(): string {
  return `<div class="${M.seat}"></div><div class="${M.site}"></div><div class="${M.label}">仪征市</div>`;
}

describe("the map picture's markers", () => {
  it("are the live places, not the still copy that covers a map being framed", () => {
    const mapEl = document.createElement("div");
    mapEl.innerHTML = `<div class="maplibregl-canvas-container"><div class="${M.layer}">${places()}</div></div><div class="${M.cover}"><div class="${M.layer}">${places()}</div></div>`;
    document.body.append(mapEl);
    const { ctx, arcs, texts } = recorder();
    drawMarkers(ctx, mapEl, mapEl.getBoundingClientRect());
    // one seat and one site (one circle each), one label: the copy's are not drawn again
    expect(arcs).toHaveLength(2);
    expect(texts.join("")).toBe("仪征市"); // wrapped to the box it has (none here), once
    mapEl.remove();
  });
});
