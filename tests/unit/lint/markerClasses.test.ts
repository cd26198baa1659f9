import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { MARKER_CLASSES, precisionClass } from "../../../src/contracts/markerClasses";

// The stylesheet cannot import the marker class names, so this checks it styles each one
// the map writes: a renamed constant without its CSS would leave places unstyled.
const css = readFileSync(resolve(import.meta.dirname, "../../../src/ui/styles.css"), "utf8");

describe("marker class names", () => {
  for (const name of [...Object.values(MARKER_CLASSES), precisionClass("town")]) {
    it(`the stylesheet styles .${name}`, () => {
      expect(css).toMatch(new RegExp(`\\.${name}(?![\\w-])`));
    });
  }
});
