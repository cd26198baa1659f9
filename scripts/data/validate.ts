import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatIssue } from "../../src/domain/dataset/dataIssue.ts";
import { checkPolicyWording, formatMissingQuote } from "../../src/domain/dataset/policyWording.ts";
import { assembleDataDir } from "./readDataDir.ts";

// `npm run validate [dir]`: checks data/ (or another directory on the same schema) and
// exits 1 with one line per problem: file › record › field: reason.
// `npm run validate -- --policy FILE [dir]` also looks for every quote of the data (evidence,
// names, quoted list items, responsibility lists: src/domain/dataset/policyWording.ts) in the
// policy's plain text FILE, and exits 1 naming each one not found verbatim. The policy's text
// stays wherever the maintainer keeps it; the repository holds none.
const { values, positionals } = parseArgs({ options: { policy: { type: "string" } }, allowPositionals: true });
const dir = resolve(positionals[0] ?? "data");
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

if (values.policy !== undefined) {
  const file = resolve(values.policy);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read the policy text: ${(error as Error).message}`);
    process.exit(1);
  }
  const { checked, missing } = checkPolicyWording(dataset, text);
  if (missing.length) {
    console.error(`${file}: ${missing.length} of ${checked} quoted strings not found verbatim`);
    for (const q of missing) console.error(`  ${formatMissingQuote(q)}`);
    process.exit(1);
  }
  console.log(`${file}: all ${checked} quoted strings found verbatim`);
}
