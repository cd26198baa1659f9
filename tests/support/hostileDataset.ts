import type { Dataset } from "../../src/domain/dataset/schema";

// Text from data must stay text. These payloads turn into live markup or code wherever a
// name reaches innerHTML, an HTML attribute, a template engine or a spreadsheet formula.
const PAYLOADS = [
  `<img src=x onerror="window.__pwned=1">`,
  `"><svg onload=window.__pwned=2>`,
  `{{constructor.constructor('window.__pwned=3')()}}`,
  `=HYPERLINK("http://x")`,
] as const;

/**
 * A rotating payload first (so some names start a spreadsheet formula), the record's id (so
 * every name stays unique), then markup, so any name anywhere that reaches HTML shows it.
 */
export function hostileName(n: number, id: string): { zh: string; en: string } {
  return {
    zh: `${PAYLOADS[n % PAYLOADS.length]} ${id} ${PAYLOADS[0]}`,
    en: `${PAYLOADS[(n + 1) % PAYLOADS.length]} ${id} ${PAYLOADS[1]}`,
  };
}

/**
 * The dataset with every name the interface shows replaced by a hostile one: areas (and short
 * names), tiers, industries (and their sub-directions and products), sites, programmes,
 * departments, support, targets, the city and the policy. Returns a fresh copy.
 */
export function hostileDataset(source: Dataset): Dataset {
  const d = structuredClone(source);
  d.areas.forEach((a, n) => {
    a.name = hostileName(n, a.id);
    if (a.shortName) a.shortName = hostileName(n + 2, `${a.id}-short`);
  });
  d.tiers.forEach((t, n) => (t.name = hostileName(n, t.id)));
  d.industries.forEach((i, n) => {
    i.name = hostileName(n, i.id);
    i.description = hostileName(n + 1, `${i.id}-description`);
    i.subDirections = i.subDirections.map((_, k) => hostileName(n + k, `${i.id}-sub-${k}`));
    i.products = i.products.map((_, k) => hostileName(n + k + 1, `${i.id}-product-${k}`));
  });
  d.assignments.forEach((a, n) => (a.evidence = `${PAYLOADS[n % PAYLOADS.length]} evidence`));
  d.sites.forEach((s, n) => {
    s.name = hostileName(n, s.id);
    s.location = hostileName(n + 1, `${s.id}-location`);
  });
  d.programmes.forEach((p, n) => (p.name = hostileName(n, p.id)));
  d.departments.forEach((dep, n) => (dep.name = hostileName(n, dep.id)));
  d.support.forEach((s, n) => (s.name = hostileName(n, s.id)));
  d.targets.forEach((y) => y.items.forEach((item, n) => (item.text = hostileName(n, item.id))));
  d.meta.city.name = hostileName(0, "city");
  d.meta.policy.title = hostileName(1, "policy");
  d.meta.policy.issuer = hostileName(0, "issuer");
  return d;
}
