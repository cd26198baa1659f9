import type { OverlapAnalysis, OverlapInput } from "../domain/overlap/types";
import type { OverlapReply } from "./overlapWorker";

// Runs the overlap analysis in a Web Worker (one, created on first use), so the Turf work
// never blocks the page. Where there is no Worker (jsdom, node) or the worker cannot start,
// it runs here instead; Turf is imported lazily either way, so it stays out of the first view.

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { input: OverlapInput; resolve: (a: OverlapAnalysis) => void; reject: (e: Error) => void }>();

async function analyseHere(input: OverlapInput): Promise<OverlapAnalysis> {
  const { analyseOverlaps } = await import("../domain/overlap/analyseOverlaps");
  return analyseOverlaps(input);
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === "undefined") return (worker = null);
  try {
    worker = new Worker(new URL("./overlapWorker.ts", import.meta.url), { type: "module" });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (event: MessageEvent<OverlapReply>) => {
    const reply = event.data;
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if ("error" in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.analysis);
  };
  // A worker that fails to load (or dies): stop using it and finish its jobs here.
  worker.onerror = (event) => {
    event.preventDefault();
    worker?.terminate();
    worker = null;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) analyseHere(job.input).then(job.resolve, job.reject);
  };
  return worker;
}

/** The overlap analysis of `input`, computed off the main thread where a worker is available. */
export function runOverlapAnalysis(input: OverlapInput): Promise<OverlapAnalysis> {
  const w = getWorker();
  if (!w) return analyseHere(input);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { input, resolve, reject });
    w.postMessage({ id, input });
  });
}
