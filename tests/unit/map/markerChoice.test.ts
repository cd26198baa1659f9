import { describe, expect, it } from "vitest";
import { chooseMarkers } from "../../../src/map/markerChoice";

type Place = { id: string; group: "label" | "site"; near: boolean };
const place = (id: string, group: Place["group"], near = true): Place => ({ id, group, near });

function choose(places: Place[], live: Place[], caps = { label: 2, site: 2 }, maxNew = 10) {
  const groups = { label: places.filter((p) => p.group === "label"), site: places.filter((p) => p.group === "site") };
  const r = chooseMarkers(
    groups,
    new Set(live),
    (p) => p.group,
    (p) => p.near,
    caps,
    maxNew,
  );
  return { drop: r.drop.map((p) => p.id), add: r.add.map((p) => p.id), more: r.more };
}

describe("chooseMarkers: which places' markers are in the page", () => {
  it("fills an empty page in data order, up to each group's cap", () => {
    const places = [place("a", "site"), place("b", "site"), place("c", "site"), place("x", "label")];
    expect(choose(places, [])).toEqual({ drop: [], add: ["x", "a", "b"], more: false });
  });

  it("keeps the markers in the page that are still near, though others come first in data order", () => {
    // given b and c shown, and a (first in data order) come near with a pan
    const [a, b, c] = [place("a", "site"), place("b", "site"), place("c", "site")];
    // then b and c stay, and a waits for room: nothing is swapped in mid-screen
    expect(choose([a, b, c], [b, c])).toEqual({ drop: [], add: [], more: false });
  });

  it("takes out the markers no longer near, and gives their room to the others in data order", () => {
    const [a, b, c, d] = [place("a", "site"), place("b", "site", false), place("c", "site"), place("d", "site")];
    expect(choose([a, b, c, d], [b, c])).toEqual({ drop: ["b"], add: ["a"], more: false });
  });

  it("takes out what is over a cap that has shrunk, and a hidden kind's markers (not near)", () => {
    const [a, b, c] = [place("a", "site"), place("b", "site"), place("c", "site")];
    expect(choose([a, b, c], [a, b, c], { label: 2, site: 1 })).toEqual({ drop: ["b", "c"], add: [], more: false });
  });

  it("brings at most maxNew in one pass, and says more are waiting", () => {
    const places = ["a", "b", "c", "d"].map((id) => place(id, "site"));
    expect(choose(places, [], { label: 0, site: 4 }, 2)).toEqual({ drop: [], add: ["a", "b"], more: true });
  });
});
