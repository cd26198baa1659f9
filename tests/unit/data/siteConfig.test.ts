import { describe, expect, it } from "vitest";
import { readSiteConfig, localize } from "../../../src/domain/config/siteConfig";

describe("site configuration", () => {
  it("accepts every documented field", () => {
    const { config, problems } = readSiteConfig({
      title: { zh: "扬州招商地图", en: "Invest in Yangzhou" },
      allowedOrigins: ["https://invest.example.org/path"],
      tiandituKey: "0123456789abcdef0123456789abcdef",
      reviewNumber: "苏S(2025)000号",
      palette: { metaverse: "#aa3377" },
      dataUrl: "data/other.json",
    });
    expect(problems).toEqual([]);
    expect(config.allowedOrigins).toEqual(["https://invest.example.org"]);
    expect(localize(config.title, "en")).toBe("Invest in Yangzhou");
  });

  it("drops invalid fields, keeps the valid ones, and names each problem", () => {
    const { config, problems } = readSiteConfig({
      title: "Map",
      palette: { metaverse: "red" },
      allowedOrigins: ["javascript:alert(1)"],
      colour: "#fff",
    });
    expect(config).toEqual({ title: "Map" });
    expect(problems.map((p) => p.field)).toEqual(["palette.metaverse", "allowedOrigins.0", "colour"]);
    expect(problems[2]!.reason).toBe("unknown field");
  });

  it("names the contact, which moved to the data (data/contacts.json), instead of reading it", () => {
    const { config, problems } = readSiteConfig({
      title: "Map",
      contact: { name: "投资促进中心", phone: "+86 514 0000 0000", email: "invest@example.org", url: "https://example.org" },
    });
    expect(config).toEqual({ title: "Map" });
    expect(problems).toEqual([{ field: "contact", reason: "no longer read from config.json: contacts are data, in data/contacts.json (see docs/data.md)" }]);
  });

  it("treats a non-object as no configuration, with a problem", () => {
    expect(readSiteConfig([1, 2])).toEqual({ config: {}, problems: [{ field: "(file)", reason: "must be a JSON object" }] });
  });
});
