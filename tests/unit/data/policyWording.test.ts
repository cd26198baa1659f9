import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { shippedDataset } from "./loadShipped";
import { programmeFacts } from "../../../src/domain/areaFacts";
import {
  checkPolicyWording,
  formatMissingQuote,
  normalisePolicyText,
  policyQuotes,
  responsibilityText,
} from "../../../src/domain/dataset/policyWording";
import type { Dataset } from "../../../src/domain/dataset/schema";

// Pins each string an audit of data/ against the policy corrected or added: the expected
// strings are literals, copied from the policy, so a drift back fails here even where no
// copy of the policy is at hand (`npm run validate -- --policy FILE` checks them all against it).
const dataset = shippedDataset();
const industry = (id: string) => dataset.industries.find((i) => i.id === id)!;
const zh = (items: readonly { zh: string }[] | undefined) => (items ?? []).map((i) => i.zh);
const en = (items: readonly { en: string }[] | undefined) => (items ?? []).map((i) => i.en);
const programme = (id: string) => dataset.programmes.find((p) => p.id === id)!;
const support = (id: string) => dataset.support.find((s) => s.id === id)!;

describe("the data's policy wording", () => {
  it("cites the 4 extended fields with the sentence of 二(二) and, separately, the preamble of 二", () => {
    for (const id of ["hydrogen", "frontier-biomedicine", "pv-storage", "frontier-materials"]) {
      const c = dataset.citywide.find((x) => x.industry === id)!;
      expect([c.section, c.evidence]).toEqual(["二(二)", "氢能、前沿生物医药、新型光伏储能和前沿新材料等领域"]);
      expect(c.moreEvidence).toEqual([{ section: "二", evidence: "延伸发展氢能、前沿生物医药、新型光伏储能、前沿新材料等重点领域" }]);
    }
  });

  it("keeps 三(一)'s structure: 等 closes the three bureaus, the counties and zones follow", () => {
    const facts = programmeFacts(dataset, programme("technology-sources"));
    expect(facts.lead.map((d) => d.name.zh)).toEqual(["市发改委", "市科技局", "市工信局"]);
    expect(facts.alsoResponsible.map((d) => d.name.zh)).toEqual(["各县(市、区)人民政府", "功能区管委会"]);
    expect(programme("technology-sources").listEndsWithEtc).toBe(true);
    expect(responsibilityText(facts.departments, true, programme("technology-sources").leadCount)).toBe(
      "市发改委、市科技局、市工信局等按职责分工负责,各县(市、区)人民政府、功能区管委会",
    );
    // the other six programmes are one list each, closed by 等
    for (const p of dataset.programmes.filter((x) => x.id !== "technology-sources")) {
      expect(p.leadCount, p.id).toBeUndefined();
      expect(programmeFacts(dataset, p).alsoResponsible, p.id).toEqual([]);
    }
  });

  it("writes hydrogen's sub-directions as 二(二) does", () => {
    expect(zh(industry("hydrogen").subDirections)).toEqual([
      "高端制氢装备",
      "高压气态和低温液态氢能储输",
      "大功率长寿命氢燃料电池电堆及其核心材料",
    ]);
  });

  it("writes the metaverse's products as 二(一)2 does, with the English kept faithful", () => {
    const products = industry("metaverse").products;
    expect(zh(products)[0]).toBe("Pancake(多镜片折叠光路方案)透镜系统");
    expect(zh(products)[4]).toBe("基于VCSEL芯片新型3D传感技术");
    expect(products[9]).toEqual({ zh: "操作系统编译器、数据库、中间件", en: "Operating systems and compilers, databases, middleware" });
  });

  it("follows the metaverse paragraph's own structure, with no invented groups", () => {
    const subs = industry("metaverse").subDirections;
    expect(zh(subs)).toEqual([
      "研发制造",
      "传感技术",
      "基础软件",
      "核心软件",
      "形成涵盖算力、运力、存力基础、大数据算法应用的软件产品矩阵",
      "实施“人工智能+”行动",
      "加快人工智能在制造、能源、医疗、金融等领域的推广",
      "拓展工业元宇宙、消费元宇宙、文旅元宇宙、教育元宇宙、医疗元宇宙、治理元宇宙等场景应用",
    ]);
    expect(zh(subs)).not.toContain("光学与显示器件");
    expect(zh(subs)).not.toContain("传感与交互技术");
    // 文旅 is culture and tourism, in the list and in the description
    expect(subs[7]!.en).toContain("culture and tourism");
    expect(industry("metaverse").description.en).toContain("culture and tourism");
    expect(en(subs).join(" ")).not.toMatch(/(?<!culture and )tourism/);
  });

  it("writes PV and storage's cells as 新型高效电池技术, never 太阳能, and keeps the aim of 二(二)", () => {
    const pv = industry("pv-storage");
    expect(zh(pv.subDirections)).toEqual(["固态电池", "新型高效电池技术"]);
    expect(pv.description.zh).toContain("新型高效电池技术");
    expect(JSON.stringify(pv)).not.toContain("太阳能");
    expect(zh(pv.aims)).toEqual(["提升电池能量密度和安全性"]);
  });

  it("writes CCUS's products and aims as 二(一)3 does, coupling included", () => {
    const ccus = industry("ccus");
    expect(zh(ccus.products)).toEqual([
      "新一代低成本、低能耗碳捕集技术",
      "二氧化碳规模化利用技术",
      "二氧化碳捕集利用与封存(CCUS)技术研发和示范应用",
      "系统集成耦合与优化",
    ]);
    expect(ccus.products[3]!.en).toBe("System integration, coupling and optimisation");
    expect(zh(ccus.aims)).toEqual([
      "支持针对二氧化碳低成本捕集技术开展基础性科学研究",
      "加快推动新一代低成本、低能耗碳捕集技术在能源系统、工业领域得到规模化、商业化应用",
    ]);
    expect(ccus.aims![1]!.en).toMatch(/commercial/);
  });

  it("keeps the low-altitude economy's core, speciality and chains (二(一)1)", () => {
    const lae = industry("low-altitude-economy");
    expect(zh(lae.aims)).toEqual([
      "以整机集成项目为核心",
      "夯实“材料链”和“配套链”",
      "以低空科创制造为核心、以低空检验测试为特色的产业体系",
    ]);
    expect(zh(lae.products)).toContain("5G、北斗定位导航");
  });

  it("keeps 生态主导 (ecosystem-leading) in the 2030 enterprise target", () => {
    const item = dataset.targets.find((t) => t.year === 2030)!.items.find((i) => i.id === "enterprises-2030")!;
    expect(item.text.zh).toBe("培育一批具有生态主导、引领发展的骨干企业");
    expect(item.text.en).toContain("ecosystem-leading");
  });

  it("records the funding of 三(二): government money, private capital, funds and loans", () => {
    expect(zh(programme("pilot-incubation").fundingChannels)).toEqual([
      "加大政府对未来产业技术中试孵化的资金支持力度",
      "引导社会资本投入,形成多元化的投融资体系",
      "设立科技创新基金、提供贷款优惠",
    ]);
  });

  it("records the funding channels of 三(五), the angel fund's purpose and the fund of funds", () => {
    const channels = programme("factor-support").fundingChannels!;
    expect(zh(channels)).toEqual([
      "在省战略性新兴产业母基金集群中,争取未来产业天使基金落地,帮助支持种子期、初创期科技型企业发展壮大",
      "鼓励战略性新兴产业基金依法合规投资未来产业",
      "吸引带动商业银行、公募私募等社会资本投入",
      "知识产权质押融资",
      "首贷投放",
    ]);
    expect(channels[0]!.en).toContain("funds of funds");
    expect(channels[0]!.en).toMatch(/seed-stage and start-up/);
  });

  it("records the measures of 四(一)–(三) in the document's words, with what was left out", () => {
    expect(zh(support("organisation").measures)).toEqual([
      "市委、市政府的统一领导、产业集群挂钩市领导的牵头指导",
      "发挥“613”产业体系挂钩联系机制作用",
      "针对各产业集群和产业链衍生出的重点未来产业发展方向制定行动计划,细化年度工作任务",
      "积极向上争取国家和省级资源",
      "加强市区协同、部门联动、国资担当",
      "统筹区域布局和要素保障,解决跨区域、跨领域和跨部门重大问题",
      "借助产业政策首席专家、技术咨询专家等高参,为全市未来产业发展提供外脑支持",
    ]);
    expect(zh(support("policy").measures)[0]).toBe("按照重点突出、错位支持的原则");
    expect(zh(support("atmosphere").measures)).toEqual(
      expect.arrayContaining(["鼓励支持企业进入新兴领域发展", "加强场景建设,加大试点应用、创新示范案例总结和经验推广力度"]),
    );
  });
});

// A small policy text of our own, shaped like the real one (ASCII parentheses and commas,
// 〔…〕 brackets), so the checker is tested without the policy's text in the repository.
const MINI_POLICY = [
  "二、发展方向",
  "重点培育低空经济等3个未来产业。",
  "1.低空经济。以整机集成项目为核心,支持有人机、无人机等产品。〔重点布局:甲区、乙市〕",
  "〔市发改委、市科技局等按职责分工负责,各县(市、区)人民政府〕",
].join("\n");

function miniDataset(): Dataset {
  const base = structuredClone(dataset) as Dataset;
  return {
    ...base,
    tiers: [{ id: "key", section: "二(一)", name: { zh: "项目自拟的层级名", en: "A label of our own" }, evidence: "重点培育低空经济等3个未来产业" }],
    industries: [
      {
        id: "low-altitude-economy",
        tier: "key",
        section: "二(一)1",
        name: { zh: "低空经济", en: "Low-altitude economy" },
        description: { zh: "项目自己的话,不检查。", en: "Own words." },
        subDirections: [],
        products: [
          { zh: "有人机", en: "Crewed aircraft" },
          { zh: "无人机", en: "Drones" },
        ],
        aims: [{ zh: "以整机集成项目为核心", en: "Integration projects at the core" }],
      },
    ],
    assignments: [{ industry: "low-altitude-economy", area: "gaoyou", section: "二(一)1", evidence: "〔重点布局:甲区、乙市〕" }],
    citywide: [],
    departments: base.departments.filter((d) => ["ndrc", "science", "county-governments"].includes(d.id)),
    participation: { ...base.participation, evidence: "二、发展方向" },
    programmes: [
      {
        id: "technology-sources",
        section: "三(一)",
        name: { zh: "低空经济", en: "A name found in the text" },
        summary: { zh: "自拟", en: "Own words" },
        departments: ["ndrc", "science", "county-governments"],
        leadCount: 2,
        listEndsWithEtc: true,
      },
    ],
    targets: [],
    support: [],
  };
}

describe("checkPolicyWording", () => {
  it("finds every quote of a dataset in a text that has them all, split lead list included", () => {
    const result = checkPolicyWording(miniDataset(), MINI_POLICY);
    expect(result.missing.map(formatMissingQuote)).toEqual([]);
    expect(result.checked).toBe(policyQuotes(miniDataset()).length);
    expect(policyQuotes(miniDataset()).map((q) => q.text)).toContain("市发改委、市科技局等按职责分工负责,各县(市、区)人民政府");
  });

  it("reports each quote not in the text, as file › record › field, and leaves own words alone", () => {
    const data = miniDataset();
    data.industries[0]!.products[1] = { zh: "无人驾驶航空器", en: "Drones" };
    data.assignments[0]!.evidence = "〔重点布局:甲区、丙县〕";
    data.programmes[0]!.leadCount = undefined; // the 等 would then close all three: not the document's list
    data.tiers[0]!.name.zh = "完全不在原文中的标签";
    expect(checkPolicyWording(data, MINI_POLICY).missing.map(formatMissingQuote)).toEqual([
      "industries.json › industries: low-altitude-economy › products[1].zh: quoted text not found verbatim in the policy: “无人驾驶航空器”",
      "assignments.json › assignments[0] (low-altitude-economy → gaoyou) › evidence: evidence not found verbatim in the policy: “〔重点布局:甲区、丙县〕”",
      "programmes.json › programmes: technology-sources › departments: quoted text not found verbatim in the policy: “市发改委、市科技局、各县(市、区)人民政府等按职责分工负责”",
    ]);
  });

  it("reads across the line breaks of a wrapped copy, but never folds full-width into ASCII parentheses", () => {
    const wrapped = MINI_POLICY.replace("支持有人机、", "支持有人\r\n   机、").replace("以整机", "\uFEFF以整机");
    expect(normalisePolicyText("甲\r\n  乙\n丙")).toBe("甲乙丙");
    expect(checkPolicyWording(miniDataset(), wrapped).missing).toEqual([]);
    const fullWidth = MINI_POLICY.replace("各县(市、区)", "各县\uFF08市、区\uFF09");
    expect(checkPolicyWording(miniDataset(), fullWidth).missing.map((q) => q.field)).toEqual(["name.zh", "departments"]);
  });
});

describe("npm run validate -- --policy FILE", () => {
  const script = resolve(import.meta.dirname, "../../../scripts/data/validate.ts");
  const tsx = resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");
  const run = (policy: string) => {
    const file = join(mkdtempSync(join(tmpdir(), "policy-")), "policy.txt");
    writeFileSync(file, policy);
    try {
      return { status: 0, out: execFileSync(tsx, [script, "--policy", file], { encoding: "utf8", stdio: "pipe" }) };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, out: e.stdout + e.stderr };
    }
  };
  // A stand-in text made of the shipped data's own quotes: exercises the exit codes, not the wording.
  const allQuotes = policyQuotes(dataset).map((q) => q.text);

  it("exits 0 when every quote is found", () => {
    const { status, out } = run(allQuotes.join("\n\n"));
    expect(out).toContain(`all ${allQuotes.length} quoted strings found verbatim`);
    expect(status).toBe(0);
  }, 30_000);

  it("exits non-zero naming each quote not found", () => {
    const { status, out } = run(allQuotes.filter((q) => q !== "基于VCSEL芯片新型3D传感技术").join("\n\n"));
    expect(status).not.toBe(0);
    expect(out).toContain(`1 of ${allQuotes.length} quoted strings not found verbatim`);
    expect(out).toContain("industries.json › industries: metaverse › products[4].zh: quoted text not found verbatim in the policy: “基于VCSEL芯片新型3D传感技术”");
  }, 30_000);
});
