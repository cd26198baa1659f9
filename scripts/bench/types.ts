import type { Browser } from "playwright-core";

/** What every figure function gets: the built site, its server, one shared browser. */
export interface BenchContext {
  root: string;
  outDir: string;
  baseUrl: string;
  browser: Browser;
  /** Built CSS file (relative to outDir) → CSS sources bundled into it. */
  cssSources: Map<string, string[]>;
}

export interface Figure {
  /** Stable, kebab-case id: what scripts key on. */
  id: string;
  value: number;
  unit: string;
  /** Upper bound from docs/performance.md; null for figures reported for context only. */
  budget: number | null;
  /** Decimals printed (the JSON keeps the number); default 1. */
  digits?: number;
  /** Extra key=value facts printed on the figure line (noise, sample count …). */
  extra?: Record<string, number | string>;
}

export interface FigureResult {
  /** Figures, each printed as one `figure:` line. */
  figures: Figure[];
  /** Human-readable lines printed under them (tables, breakdowns). */
  notes: string[];
  /** Raw material for bench-results/latest.json. */
  details: Record<string, unknown>;
}

/** One measurement: add a new figure by writing one of these and listing it in bench.ts. */
export interface FigureDefinition {
  /** Short name for BENCH_ONLY (e.g. BENCH_ONLY=map-ready,filter). */
  key: string;
  name: string;
  run: (ctx: BenchContext) => Promise<FigureResult>;
}

export type Status = "within" | "over" | "info";

export function statusOf(figure: Figure): Status {
  if (figure.budget === null) return "info";
  return figure.value <= figure.budget ? "within" : "over";
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** One figure as `npm run bench` prints it (one line, machine-readable). */
export function figureLine(figure: Figure): string {
  const extra = Object.entries(figure.extra ?? {})
    .map(([k, v]) => ` ${k}=${v}`)
    .join("");
  return `figure: ${figure.id} value=${figure.value.toFixed(figure.digits ?? 1)} unit=${figure.unit} budget=${figure.budget ?? "none"} status=${statusOf(figure)}${extra}`;
}
