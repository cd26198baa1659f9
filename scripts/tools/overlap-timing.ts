// `npx tsx scripts/tools/overlap-timing.ts`: how long the overlap analysis takes on the
// shipped Yangzhou data and on the synthetic 3,000-area set (median of 5 runs each), and
// the findings the real data produces. Reports only; never gates (docs/performance.md: ≤ 1 s for
// Yangzhou, in a worker wherever it exceeds 50 ms).
import { resolve } from "node:path";
import { assembleDataDir } from "../data/readDataDir.ts";
import { analyseOverlaps } from "../../src/domain/overlap/analyseOverlaps.ts";
import { overlapInputFrom } from "../../src/domain/overlap/overlapInput.ts";
import { syntheticOverlapInput } from "../../support/synthetic/overlapInput.ts";
import type { OverlapAnalysis, OverlapInput } from "../../src/domain/overlap/types.ts";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(name: string, input: OverlapInput, runs = 5): OverlapAnalysis {
  let last: OverlapAnalysis | undefined;
  const took: number[] = [];
  for (let n = 0; n < runs; n++) {
    last = analyseOverlaps(input);
    took.push(last.tookMs);
  }
  console.log(
    `${name}: ${input.areas.length} areas, ${input.assignments.length} assignments: median ${median(took).toFixed(1)} ms (runs: ${took.map((t) => t.toFixed(1)).join(", ")})`,
  );
  return last!;
}

const { dataset, issues } = assembleDataDir(resolve(import.meta.dirname, "../../data"));
if (!dataset) throw new Error(`data/ is invalid: ${JSON.stringify(issues)}`);
const real = time("Yangzhou", overlapInputFrom(dataset));
const f = (x: number) => (Math.abs(x) < 10 ? x.toFixed(3) : x.toFixed(1));
for (const finding of real.findings) {
  const figures = Object.entries(finding.figures)
    .map(([k, v]) => `${k}=${f(v)}`)
    .join(" ");
  console.log(`  ${finding.weight.toFixed(1).padStart(7)}  ${finding.id}${finding.approximate ? " (approx.)" : ""}  ${figures}`);
}
console.log("  containment:");
for (const c of real.containment)
  console.log(`    ${c.zone} in ${c.county}: ${c.km2.toFixed(2)} km², ${(c.shareOfZone * 100).toFixed(1)} % of the zone`);

const synthetic = time("synthetic", syntheticOverlapInput({ areas: 3000 }));
console.log(
  `  ${synthetic.pairs.length} overlapping pairs listed, ${synthetic.omittedDisjointPairs ?? 0} disjoint pairs not listed, ${synthetic.findings.length} findings, ${synthetic.containment.length} containment rows`,
);
