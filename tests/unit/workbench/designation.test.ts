import { describe, expect, it } from "vitest";
import { designationOf, siteSchema, type Site } from "../../../src/domain/dataset/schema";
import { shippedDataset } from "../data/loadShipped";

const base: Site = {
  id: "new-park",
  kind: "site",
  status: "designated",
  name: { zh: "新园区", en: "New Park" },
  industries: ["low-altitude-economy"],
  area: "gaoyou",
  position: { precision: "exact", coordinates: [119.45, 32.78] },
  location: { zh: "高邮", en: "Gaoyou" },
  sources: [{ title: "市政府关于认定未来产业先导园区的通知", date: "2025-06-30", docNumber: "扬府发〔2025〕12号" }],
  confidence: "high",
};

const messages = (value: unknown) => {
  const r = siteSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("a designated pilot park", () => {
  it("is valid with a source that has a title, a date and a document number, or a title, a date and a read URL", () => {
    expect(messages(base)).toEqual([]);
    expect(
      messages({ ...base, sources: [{ title: "通知", date: "2025-06-30", url: "https://www.yangzhou.gov.cn/x.html", verified: true }] }),
    ).toEqual([]);
  });

  it("is refused without such a source, naming the sources field", () => {
    const noDate = { ...base, sources: [{ title: "通知", docNumber: "扬府发〔2025〕12号" }] };
    const noAddress = { ...base, sources: [{ title: "通知", date: "2025-06-30" }] };
    // the date and the address in two different sources prove nothing together
    const split = {
      ...base,
      sources: [
        { title: "通知", date: "2025-06-30" },
        { title: "转载", url: "https://example.org/a", verified: true },
      ],
    };
    for (const site of [noDate, noAddress, split]) {
      expect(messages(site)).toEqual([
        "sources: a designated pilot park needs a source with a title, a date, and a URL or a document number (docNumber)",
      ]);
    }
  });

  it("takes its designation date from the proving source unless one is set", () => {
    expect(designationOf(base)).toEqual({ date: "2025-06-30", source: base.sources[0] });
    expect(designationOf({ ...base, designationDate: "2025-07-01" })?.date).toBe("2025-07-01");
    const later = { ...base, sources: [{ title: "报道", date: "2025-05-01" }, ...base.sources] };
    expect(designationOf(later)).toEqual({ date: "2025-06-30", source: base.sources[0] });
  });

  it("is the only kind of site with a designation date", () => {
    expect(messages({ ...base, status: "candidate", designationDate: "2025-07-01" })).toEqual([
      "designationDate: only a designated pilot park has a designation date (leave it out, or set status to designated)",
    ]);
    expect(designationOf({ ...base, status: "candidate" })).toBeNull();
  });

  it("leaves the shipped sites valid (none is designated)", () => {
    const { sites } = shippedDataset();
    for (const site of sites) expect(messages(site)).toEqual([]);
  });
});
