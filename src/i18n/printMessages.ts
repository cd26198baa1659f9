// Interface strings of the printed profile (an area's or an industry's A4 page): the "print"
// namespace, added to the app's i18n resources by the print view's chunk when it loads
// (addMessages in src/i18n/i18n.ts). The profile reuses the panels' strings for what both say.
/**
 * The i18next namespace these strings live in: keys are written `t("print:key")`.
 * @public: read through the whole module, which the view hands to addMessages (knip cannot see that).
 */
export const ns = "print";

export const zh = {
  areaProfile: "区域简介",
  industryProfile: "产业简介",
  mapAlt: "{{name}}地图",
  mapPreparing: "地图图片正在生成,请稍候再打印。",
  noMap: "此设备未显示地图,本简介不含地图。",
  mapFailed: "地图图片未能生成,本简介不含地图。",
  layoutAreas: "布局区域",
  citywide: "全市布局,政策未指定具体区域。",
  description: "产业内容",
  sources: "来源与说明",
  online: "在线查看",
  onlineHelp: "扫描二维码或打开链接,查看本简介对应的在线地图视图。",
  qrAlt: "在线视图的二维码",
  siteStatus: "{{name}}({{status}})",
} as const;

export const en: Record<keyof typeof zh, string> = {
  areaProfile: "Area profile",
  industryProfile: "Industry profile",
  mapAlt: "Map of {{name}}",
  mapPreparing: "The map picture is being prepared; print again in a moment.",
  noMap: "This device shows no map; the profile has none.",
  mapFailed: "The map picture could not be made; the profile has none.",
  layoutAreas: "Where it is laid out",
  citywide: "Laid out citywide; the policy names no area.",
  description: "What it covers",
  sources: "Sources and notes",
  online: "View online",
  onlineHelp: "Scan the QR code or open the link for the live map view of this profile.",
  qrAlt: "QR code of the live view",
  siteStatus: "{{name}} ({{status}})",
};
