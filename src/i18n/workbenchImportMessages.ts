import type { WorkbenchMessageKey } from "../domain/workbench/messages";

// Strings of the workbench's imports and checks (spreadsheets of sites, outlines, ids), the
// "workbenchImport" namespace, added by the workbench when it loads (addMessages). The pure
// code returns a key and its parameters (src/domain/workbench/messages.ts); column names
// come from src/domain/workbench/sheetFields.ts. The Chinese uses ASCII punctuation in the
// "row · column: reason" pattern, as the workbench's contract writes it.
/** The i18next namespace these strings live in: keys are written `t("workbenchImport:key")`. */
export const ns = "workbenchImport";

type Messages = Record<WorkbenchMessageKey | "rowProblem" | "rowProblemWholeRow", string>;

export const zh = {
  rowProblem: "第 {{row}} 行 · {{column}}:{{reason}}",
  rowProblemWholeRow: "第 {{row}} 行:{{reason}}",

  idPattern: "编号“{{id}}”须为小写字母、数字和连字符,如 eco-tech-city",
  idTaken: "编号“{{id}}”已被使用",

  required: "必填,不能为空",
  notANumber: "不是数字",
  outOfRange: "须在 {{min}} 到 {{max}} 之间",
  outsideBounds: "换算为 WGS84 后在数据范围({{min}} 至 {{max}})之外",
  notADate: "“{{value}}”不是日期(应写作 YYYY-MM-DD)",
  notAUrl: "“{{value}}”不是网址(应以 http:// 或 https:// 开头)",
  unknownStatus: "“{{value}}”不是状态(已认定先导园区、候选或相关站点)",
  unknownPrecision: "“{{value}}”不是位置精度(精确、乡镇或无)",
  unknownIndustry: "没有名为“{{value}}”的产业",
  unknownArea: "没有名为“{{value}}”的区域",
  unknownUnit: "“{{value}}”不是面积单位(亩、公顷或平方公里)",
  unknownConfidence: "“{{value}}”不是可信度(高、中或低)",
  notPositive: "须大于 0",
  designationNeedsSource: "已认定先导园区须有一条来源,写明标题、日期,以及来源链接或文号",
  designationDateNotDesignated: "只有已认定先导园区才有认定日期",
  precisionNoneWithCoordinates: "位置精度为“无”,却填了坐标",
  englishMissing: "英文为空,暂用中文(请补上英文)",
  schema: "{{field}}:{{reason}}",
  noData: "表格中除标题行外没有数据",
  unmappedRequired: "必填列“{{field}}”尚未对应到表格中的列",
  duplicateColumn: "“{{field}}”对应了不止一列",

  outlineUnreadable: "无法读取该文件:{{reason}}",
  outlineNoPolygon: "文件中没有面(Polygon 或 MultiPolygon)",
  outlineInvalid: "边界无效:{{reason}}",
  outlineOutsideBounds: "边界超出数据范围:{{reason}}",
  outlineNeedsApproximate: "须说明该边界是否为示意范围(approximate)",
  outlineNeedsSource: "须写明边界的来源",
  outlineNeedsDate: "须写明边界的日期(YYYY-MM-DD)",
  outlineNeedsLicence: "须写明边界的许可或使用条件",
} satisfies Messages;

export const en = {
  rowProblem: "row {{row}} · {{column}}: {{reason}}",
  rowProblemWholeRow: "row {{row}}: {{reason}}",

  idPattern: "the id “{{id}}” must be lower-case letters, digits and hyphens, such as eco-tech-city",
  idTaken: "the id “{{id}}” is already taken",

  required: "required, must not be empty",
  notANumber: "not a number",
  outOfRange: "must be between {{min}} and {{max}}",
  outsideBounds: "outside the dataset's bounds ({{min}} to {{max}}) once converted to WGS84",
  notADate: "“{{value}}” is not a date (write it YYYY-MM-DD)",
  notAUrl: "“{{value}}” is not a web address (it must start with http:// or https://)",
  unknownStatus: "“{{value}}” is not a status (Designated pilot park, Candidate or Related site)",
  unknownPrecision: "“{{value}}” is not a position precision (exact, town or none)",
  unknownIndustry: "no industry is called “{{value}}”",
  unknownArea: "no area is called “{{value}}”",
  unknownUnit: "“{{value}}” is not a unit of size (mu, ha or km²)",
  unknownConfidence: "“{{value}}” is not a confidence (high, medium or low)",
  notPositive: "must be greater than 0",
  designationNeedsSource: "a designated pilot park needs a source with a title, a date, and a source URL or a document number",
  designationDateNotDesignated: "only a designated pilot park has a designation date",
  precisionNoneWithCoordinates: "the position precision is “none”, but coordinates are given",
  englishMissing: "empty: the Chinese stands in for now (please add the English)",
  schema: "{{field}}: {{reason}}",
  noData: "the sheet has no rows below its header",
  unmappedRequired: "the required column “{{field}}” is not matched to a column of the sheet",
  duplicateColumn: "“{{field}}” is matched to more than one column",

  outlineUnreadable: "the file cannot be read: {{reason}}",
  outlineNoPolygon: "the file holds no polygon (Polygon or MultiPolygon)",
  outlineInvalid: "invalid outline: {{reason}}",
  outlineOutsideBounds: "the outline leaves the dataset's bounds: {{reason}}",
  outlineNeedsApproximate: "say whether the outline is schematic (approximate)",
  outlineNeedsSource: "name the outline's source",
  outlineNeedsDate: "give the outline's date (YYYY-MM-DD)",
  outlineNeedsLicence: "give the outline's licence or terms of use",
} satisfies Messages;
