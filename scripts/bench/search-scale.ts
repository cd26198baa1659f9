// `npx tsx scripts/bench/search-scale.ts`: the search figures of `npm run bench` alone (no
// build, no browser).
import { searchKeystroke } from "./figures/searchKeystroke.ts";
import { figureLine } from "./types.ts";

const result = await searchKeystroke.run(undefined as never);
for (const f of result.figures) console.log(figureLine(f));
for (const note of result.notes) console.log(note);
