// `npx tsx scripts/bench/domain-scale.ts`: the domain-work figure of `npm run bench` alone
// (no build, no browser), with the per-step table.
import { domainPerChange } from "./figures/domainPerChange.ts";
import { figureLine } from "./types.ts";

const result = await domainPerChange.run(undefined as never);
for (const f of result.figures) console.log(figureLine(f));
for (const note of result.notes) console.log(note);
for (const [name, steps] of Object.entries(result.details) as [string, { name: string; median: number; max: number }[]][]) {
  console.log(`\n${name}:`);
  for (const s of steps) console.log(`  ${s.median.toFixed(2).padStart(8)} ${s.max.toFixed(2).padStart(8)}  ${s.name}`);
}
