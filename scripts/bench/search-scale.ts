// `npx tsx scripts/bench/search-scale.ts`: the search figures of `npm run bench` alone (no
// build, no browser).
import { searchKeystroke } from "./figures/searchKeystroke.ts";
import { statusOf } from "./types.ts";

const result = await searchKeystroke.run(undefined as never);
for (const f of result.figures) {
  const extra = Object.entries(f.extra ?? {})
    .map(([k, v]) => ` ${k}=${v}`)
    .join("");
  console.log(
    `figure: ${f.id} value=${f.value.toFixed(f.digits ?? 1)} unit=${f.unit} budget=${f.budget ?? "none"} status=${statusOf(f)}${extra}`,
  );
}
for (const note of result.notes) console.log(note);
