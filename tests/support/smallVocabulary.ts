import type { UrlVocabulary } from "../../src/domain/url/urlState";

/** A small id vocabulary (a few areas, one site, industries of every tier) for URL and embed tests. */
export const SMALL_VOCABULARY: UrlVocabulary = {
  areaIds: ["guangling", "hanjiang", "etdz", "eco-tech-city"],
  siteIds: ["aviation-valley"],
  industries: [
    { id: "low-altitude-economy", tier: "key" },
    { id: "metaverse", tier: "key" },
    { id: "ccus", tier: "key" },
    { id: "hydrogen", tier: "extended" },
    { id: "humanoid-robots", tier: "exploratory" },
  ],
};
