import { resolve } from "node:path";
import { formatIssue } from "../../src/domain/dataset/dataIssue.ts";
import { assembleDataDir } from "./readDataDir.ts";

// `npm run validate [dir]`: checks data/ (or another directory on the same schema) and
// exits 1 with one line per problem: file › record › field: reason.
const dir = resolve(process.argv[2] ?? "data");
const { dataset, issues } = assembleDataDir(dir);
if (issues.length || !dataset) {
  console.error(`${dir}: ${issues.length} problem${issues.length === 1 ? "" : "s"} found`);
  for (const issue of issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
console.log(
  `${dir}: valid — ${dataset.areas.length} areas, ${dataset.industries.length} industries in ${dataset.tiers.length} tiers, ` +
    `${dataset.assignments.length} assignments, ${dataset.citywide.length} citywide, ${dataset.sites.length} sites, ` +
    `${dataset.programmes.length} programmes, ${dataset.geometry.features.length} shapes`,
);
