import { analyseOverlaps } from "../domain/overlap/analyseOverlaps";
import type { OverlapInput } from "../domain/overlap/types";

// The overlap analysis off the main thread (docs/performance.md: Turf work over 50 ms runs in a
// worker). Messages: { id, input } in; { id, analysis } or { id, error } out.

export interface OverlapRequest {
  id: number;
  input: OverlapInput;
}
export type OverlapReply = { id: number; analysis: ReturnType<typeof analyseOverlaps> } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<OverlapRequest>) => {
  const { id, input } = event.data;
  let reply: OverlapReply;
  try {
    reply = { id, analysis: analyseOverlaps(input) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
