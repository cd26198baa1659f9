import type { Tier } from "./dataset/schema";

// Colour-blind-safe colours per industry. The three key industries take the three most
// distinct Okabe–Ito hues; the extended tier shares a wine/rose family and the
// exploratory tier a cool indigo/teal family, so tiers read as groups in the legend.
export const INDUSTRY_COLOURS: Readonly<Record<string, string>> = {
  "low-altitude-economy": "#0072B2",
  metaverse: "#E69F00",
  ccus: "#009E73",
  hydrogen: "#882255",
  "frontier-biomedicine": "#AA4499",
  "pv-storage": "#CC6677",
  "frontier-materials": "#B8A04A",
  "third-gen-semiconductors": "#332288",
  "future-networks": "#44AA99",
  "advanced-computing": "#117733",
  "synthetic-biology": "#5EA8C8",
  "advanced-nuclear": "#777733",
  "humanoid-robots": "#661100",
};

// The same families, in order, for industries the table above does not know (another
// city's data): each tier's industries take the next colour of its family not yet in use.
const TIER_FAMILIES: Record<Tier, readonly string[]> = {
  key: ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"],
  extended: ["#882255", "#AA4499", "#CC6677", "#B8A04A", "#994455", "#DDAA33"],
  exploratory: ["#332288", "#44AA99", "#117733", "#5EA8C8", "#777733", "#661100", "#88CCEE"],
};

/** An industry's colour: the site's override first, then the built-in palette, then its tier's. */
export function industryColour(id: string, tier: Tier, overrides: Readonly<Record<string, string>> = {}): string {
  return overrides[id] ?? INDUSTRY_COLOURS[id] ?? TIER_FAMILIES[tier][0]!;
}

/**
 * Every industry's colour for one dataset, overrides applied: industries without a built-in
 * colour get distinct ones from their tier's family, in data order, so a second city's
 * stripes and legend never show two industries in one colour.
 */
export function effectivePalette(
  industries: readonly { id: string; tier: Tier }[],
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set(industries.map((i) => overrides[i.id] ?? INDUSTRY_COLOURS[i.id]).filter(Boolean));
  const next: Record<Tier, number> = { key: 0, extended: 0, exploratory: 0 };
  for (const { id, tier } of industries) {
    const known = overrides[id] ?? INDUSTRY_COLOURS[id];
    if (known) {
      out[id] = known;
      continue;
    }
    const family = TIER_FAMILIES[tier];
    let colour = family[next[tier] % family.length]!;
    // Skip colours already taken, unless the family is used up (then colours repeat).
    for (let n = 0; n < family.length && used.has(colour); n++) colour = family[++next[tier] % family.length]!;
    next[tier]++;
    used.add(colour);
    out[id] = colour;
  }
  return out;
}

export const NEUTRAL_FILL = "#e8e4da";
