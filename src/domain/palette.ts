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

const TIER_FALLBACK: Record<Tier, string> = { key: "#0072B2", extended: "#882255", exploratory: "#332288" };

/** An industry's colour: the site's override first, then the built-in palette, then its tier's. */
export function industryColour(id: string, tier: Tier, overrides: Readonly<Record<string, string>> = {}): string {
  return overrides[id] ?? INDUSTRY_COLOURS[id] ?? TIER_FALLBACK[tier];
}

export const NEUTRAL_FILL = "#e8e4da";
