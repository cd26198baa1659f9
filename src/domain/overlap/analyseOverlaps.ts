import { findings } from "./findings";
import { findPairs, zoneContainment } from "./pairs";
import { prepare } from "./prepare";
import type { AreaLoad, OverlapAnalysis, OverlapInput } from "./types";
import { industrySpreads, overlapsByIndustry } from "./unions";

// The planners' overlap analysis (issue 5): pure, Turf only, run once per dataset or draft
// change (in a worker: src/state/runOverlapAnalysis.ts), never per filter click. Four steps,
// each in its own module with the reasons for its shortcuts:
// - prepare.ts: every area measured once, the members of each industry;
// - pairs.ts: the pairs sharing an industry (boxes first, so a 3,000-area set stays
//   feasible), with intersection.ts clipping both shapes to their boxes' overlap before
//   Turf's intersect; and each zone's counties;
// - unions.ts: each industry's ground counted once, mostly without a Turf union;
// - findings.ts: the three kinds of finding on one ranking scale.

export function analyseOverlaps(input: OverlapInput): OverlapAnalysis {
  const started = performance.now();
  const prepared = prepare(input);
  const { pairs, omittedDisjointPairs } = findPairs(prepared);
  const overlaps = overlapsByIndustry(pairs);
  const industries = industrySpreads(prepared, overlaps);
  const areas: AreaLoad[] = prepared.areas.map((a) => ({ area: a.id, industries: [...a.industries] }));
  const containment = zoneContainment(prepared.areas);
  const ranked = findings(pairs, industries, overlaps, prepared.areas);

  const result: OverlapAnalysis = { industries, pairs, areas, containment, findings: ranked, tookMs: 0 };
  if (omittedDisjointPairs !== undefined) result.omittedDisjointPairs = omittedDisjointPairs;
  result.tookMs = performance.now() - started;
  return result;
}
