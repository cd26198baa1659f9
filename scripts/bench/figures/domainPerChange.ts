import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { assembleDataDir } from "../../data/readDataDir.ts";
import { syntheticDataset } from "../../../support/synthetic/dataset.ts";
import type { Dataset } from "../../../src/domain/dataset/schema.ts";
import { timeSession } from "../domainWork.ts";
import { median, round, type Figure, type FigureDefinition, type FigureResult } from "../types.ts";

const ROUNDS = Number(process.env.BENCH_DOMAIN_ROUNDS ?? 5);

function measure(id: string, dataset: Dataset, budget: number): { figures: Figure[]; notes: string[]; details: unknown } {
  const timings = timeSession(dataset, ROUNDS);
  const all = timings.flatMap((t) => t.ms);
  const perStep = timings.map((t) => ({ name: t.name, median: median(t.ms), max: Math.max(...t.ms) }));
  const worst = [...perStep].sort((a, b) => b.median - a.median);
  return {
    figures: [
      {
        id: `domain-per-change-${id}`,
        value: round(median(all), 2),
        unit: "ms",
        digits: 2,
        budget,
        extra: { steps: timings.length, rounds: ROUNDS },
      },
      // The slowest kind of change, by its median over the rounds: a single sample's maximum
      // on a shared machine measures the scheduler as much as the code, so it is only shown.
      {
        id: `domain-per-change-${id}-slowest-step`,
        value: round(worst[0]!.median, 2),
        unit: "ms",
        digits: 2,
        budget,
        extra: { step: JSON.stringify(worst[0]!.name), max_single_sample: round(Math.max(...all), 1) },
      },
    ],
    notes: [
      `  ${id}: slowest steps (median / max ms): ${worst
        .slice(0, 4)
        .map((s) => `${s.name} ${s.median.toFixed(1)} / ${s.max.toFixed(1)}`)
        .join("; ")}`,
    ],
    details: perStep,
  };
}

/**
 * Domain work per state change (docs/performance.md: ≤ 2 ms Yangzhou, ≤ 50 ms synthetic 3,000
 * areas / 10,000 sites): a session of 30-odd changes replayed in node (scripts/bench/
 * domainWork.ts); the median over every step of every round, and the slowest step's median.
 */
export const domainPerChange: FigureDefinition = {
  key: "domain",
  name: "domain work per state change (Yangzhou, synthetic national set)",
  async run(): Promise<FigureResult> {
    const { dataset: yangzhou, issues } = assembleDataDir(resolve(import.meta.dirname, "../../../data"));
    if (!yangzhou) throw new Error(`data/ is invalid: ${JSON.stringify(issues)}`);
    const synthetic = syntheticDataset(yangzhou);
    const a = measure("yangzhou", yangzhou, 2);
    const b = measure("synthetic", synthetic, 50);
    return {
      figures: [...a.figures, ...b.figures],
      notes: [
        ...a.notes,
        ...b.notes,
        `  synthetic set: ${synthetic.areas.length} areas, ${synthetic.sites.length} sites, ${synthetic.assignments.length} assignments; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
      ],
      details: { yangzhou: a.details, synthetic: b.details },
    };
  },
};
