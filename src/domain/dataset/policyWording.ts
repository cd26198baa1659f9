import type { Bilingual, Dataset, Department } from "./schema.ts";

// The check behind `npm run validate -- --policy FILE`: every string the data presents as the
// policy's own words must occur in the policy's text exactly as written. The policy's text is
// never part of the repository; the maintainer passes their copy. Pure: the caller reads files.
//
// What counts as the policy's own words (a "quote") is a fixed list of fields, each a Chinese
// string copied from the document:
// - evidence: `tiers[].evidence`, `assignments[].evidence`, `citywide[].evidence` and
//   `citywide[].moreEvidence[].evidence`, `participation.evidence`;
// - names: `industries[].name.zh`, `programmes[].name.zh`, `support[].name.zh`,
//   `departments[].name.zh`;
// - list items: `industries[].subDirections[].zh`, `.products[].zh`, `.aims[].zh`;
//   `programmes[].platforms[].zh`, `.fundingChannels[].zh`; `support[].measures[].zh`;
//   `targets[].items[].text.zh`;
// - each responsibility list as the document writes it: the departments' names joined by 、,
//   then 等 when the list ends with it, then 按职责分工负责, then (when `leadCount` splits the
//   list) "," and the remaining names joined by 、; this pins order, 等 and the split.
// Everything else is the project's own words and is not checked: descriptions, summaries,
// notes, tier names (labels such as 重点培育的未来产业), every `en`, area and site names.

/** One string the data quotes from the policy, and where it sits. */
export interface PolicyQuote {
  file: string;
  record: string;
  field: string;
  kind: "evidence" | "quote";
  text: string;
}

/** The phrase that closes every responsibility list of 三 and 四 in the document. */
const RESPONSIBILITY_PHRASE = "按职责分工负责";

/**
 * What is normalised, and why it is safe: a byte-order mark, and line breaks with the spaces
 * around them (a copy saved from a web page or a PDF may wrap a paragraph anywhere; the document
 * itself breaks lines only between paragraphs, and no quote spans two paragraphs). Nothing else:
 * the document writes ASCII parentheses, commas and colons (各县(市、区), 〔重点布局:…〕) and the
 * data does the same, so full- and half-width forms are NOT folded together; a quote written
 * with the other form is reported as missing.
 */
export function normalisePolicyText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, "");
}

/** The responsibility list of a programme or safeguard, written as the document writes it. */
export function responsibilityText(departments: readonly Department[], listEndsWithEtc: boolean, leadCount?: number): string {
  const names = departments.map((d) => d.name.zh);
  const lead = names.slice(0, leadCount ?? names.length);
  const rest = names.slice(lead.length);
  return lead.join("、") + (listEndsWithEtc ? "等" : "") + RESPONSIBILITY_PHRASE + (rest.length ? "," + rest.join("、") : "");
}

/** Every quote of the dataset, in file order. */
export function policyQuotes(dataset: Dataset): PolicyQuote[] {
  const out: PolicyQuote[] = [];
  const add = (file: string, record: string, field: string, text: string, kind: PolicyQuote["kind"] = "quote") =>
    out.push({ file, record, field, kind, text });
  const list = (file: string, record: string, field: string, items: readonly Bilingual[] | undefined) =>
    items?.forEach((item, i) => add(file, record, `${field}[${i}].zh`, item.zh));
  const byId = new Map(dataset.departments.map((d) => [d.id, d]));
  const departments = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);

  for (const tier of dataset.tiers) add("industries.json", `tiers: ${tier.id}`, "evidence", tier.evidence, "evidence");
  for (const industry of dataset.industries) {
    const record = `industries: ${industry.id}`;
    add("industries.json", record, "name.zh", industry.name.zh);
    list("industries.json", record, "subDirections", industry.subDirections);
    list("industries.json", record, "products", industry.products);
    list("industries.json", record, "aims", industry.aims);
  }
  dataset.assignments.forEach((a, i) =>
    add("assignments.json", `assignments[${i}] (${a.industry} → ${a.area})`, "evidence", a.evidence, "evidence"),
  );
  dataset.citywide.forEach((c, i) => {
    const record = `citywide[${i}] (${c.industry})`;
    add("assignments.json", record, "evidence", c.evidence, "evidence");
    c.moreEvidence?.forEach((m, j) => add("assignments.json", record, `moreEvidence[${j}].evidence`, m.evidence, "evidence"));
  });
  for (const d of dataset.departments) add("departments.json", d.id, "name.zh", d.name.zh);
  add("programmes.json", "participation", "evidence", dataset.participation.evidence, "evidence");
  for (const p of dataset.programmes) {
    const record = `programmes: ${p.id}`;
    add("programmes.json", record, "name.zh", p.name.zh);
    add("programmes.json", record, "departments", responsibilityText(departments(p.departments), p.listEndsWithEtc, p.leadCount));
    p.platforms?.forEach((pl, i) => add("programmes.json", record, `platforms[${i}].zh`, pl.zh));
    list("programmes.json", record, "fundingChannels", p.fundingChannels);
  }
  for (const year of dataset.targets) {
    for (const item of year.items) add("targets.json", `items: ${item.id}`, "text.zh", item.text.zh);
  }
  for (const s of dataset.support) {
    add("support.json", s.id, "name.zh", s.name.zh);
    list("support.json", s.id, "measures", s.measures);
    add("support.json", s.id, "departments", responsibilityText(departments(s.departments), s.listEndsWithEtc));
  }
  return out;
}

export interface PolicyWordingResult {
  /** How many quotes were looked for. */
  checked: number;
  /** The quotes not found verbatim in the policy's text. */
  missing: PolicyQuote[];
}

/** Looks for every quote of the dataset in the policy's text (normalised as documented above). */
export function checkPolicyWording(dataset: Dataset, policyText: string): PolicyWordingResult {
  const text = normalisePolicyText(policyText);
  const quotes = policyQuotes(dataset);
  return { checked: quotes.length, missing: quotes.filter((q) => !text.includes(q.text)) };
}

/** One report line, in the validator's `file › record › field: reason` form. */
export function formatMissingQuote(q: PolicyQuote): string {
  const what = q.kind === "evidence" ? "evidence" : "quoted text";
  return `${q.file} › ${q.record} › ${q.field}: ${what} not found verbatim in the policy: “${q.text}”`;
}
