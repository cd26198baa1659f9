import { describe, expect, it } from "vitest";
import { shippedDataset } from "../data/loadShipped";
import { siteFormValues, siteFromForm, type SiteFormValues } from "../../../src/domain/workbench/siteForm";
import { distanceMetres, toWgs84 } from "../../../src/domain/workbench/coordinates";
import { siteSchema } from "../../../src/domain/dataset/schema";

const dataset = shippedDataset();
const pinyin = (zh: string) => (zh === "测试先导园区" ? "ce shi xian dao yuan qu" : "x");

function park(changes: Partial<SiteFormValues> = {}): SiteFormValues {
  return {
    ...siteFormValues(null),
    id: "gaoyou-test-park",
    nameZh: "测试先导园区",
    nameEn: "Test pilot park",
    status: "designated",
    industries: "low-altitude-economy",
    longitude: "119.4589",
    latitude: "32.7813",
    locationZh: "高邮市",
    locationEn: "Gaoyou",
    sourceTitle: "扬州市人民政府关于认定首批未来产业先导园区的通知",
    sourceDate: "2026-11-30",
    docNumber: "扬府发〔2026〕1号",
    ...changes,
  };
}

describe("the site form (one spreadsheet row, the import's checks)", () => {
  it("a designated park typed in GCJ-02: stored in WGS84, about 500 m away, its area proposed", () => {
    const { site, errors } = siteFromForm(park(), "GCJ02", dataset, null);
    expect(errors).toEqual([]);
    expect(site!.position.precision).toBe("exact");
    const stored = site!.position.precision === "exact" ? site!.position.coordinates : [0, 0];
    expect(stored).toEqual(toWgs84([119.4589, 32.7813], "GCJ02").map((x) => Math.round(x * 1e7) / 1e7));
    const shift = distanceMetres(stored as [number, number], [119.4589, 32.7813]);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(800);
    expect(site!.area).toBe("gaoyou");
    expect(siteSchema.safeParse(site).success).toBe(true);
  });

  it("a designated park without a URL or document number is refused at the source's fields", () => {
    const { site, errors } = siteFromForm(park({ docNumber: "" }), "WGS84", dataset, null);
    expect(site).toBeNull();
    expect(errors.map((e) => [e.field, e.message.key])).toEqual([["sourceUrl", "designationNeedsSource"]]);
  });

  it("bad numbers name their field; an empty English name is a warning", () => {
    const bad = siteFromForm(park({ longitude: "abc" }), "WGS84", dataset, null);
    expect(bad.errors.map((e) => [e.field, e.message.key])).toEqual([["longitude", "notANumber"]]);
    const warned = siteFromForm(park({ nameEn: "" }), "WGS84", dataset, null);
    expect(warned.site).not.toBeNull();
    expect(warned.warnings.map((w) => [w.field, w.message.key])).toEqual([["nameEn", "englishMissing"]]);
  });

  it("an empty id is made from the pinyin of the Chinese name when the English one is empty", () => {
    const { site } = siteFromForm(park({ id: "", nameEn: "" }), "WGS84", dataset, null, pinyin);
    expect(site!.id).toBe("ce-shi-xian-dao-yuan-qu");
  });

  it("an existing site edited keeps its id free and what the form does not show", () => {
    const old = dataset.sites.find((s) => s.sources.length > 1 && s.date)!;
    const values = siteFormValues(old);
    const { site, errors } = siteFromForm({ ...values, nameZh: `${old.name.zh}(改)` }, "WGS84", dataset, old);
    expect(errors).toEqual([]);
    expect(site).toEqual({ ...old, name: { ...old.name, zh: `${old.name.zh}(改)` } });
  });

  it("an existing site's values read back to the same site, in any coordinate system", () => {
    for (const old of dataset.sites) {
      for (const crs of ["WGS84", "GCJ02"] as const) {
        const { site } = siteFromForm(siteFormValues(old, crs), crs, dataset, old);
        if (old.position.precision === "none" || crs === "WGS84") expect(site).toEqual(old);
        else
          expect(
            distanceMetres(site!.position.precision === "none" ? [0, 0] : site!.position.coordinates, old.position.coordinates),
          ).toBeLessThan(0.05);
      }
    }
  });
});
