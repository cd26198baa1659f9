import * as XLSX from "@e965/xlsx";
import { excelSerialDate, type Cell } from "./sheetImport.ts";
import { templateNotesRows, templateRows } from "./sheetFields.ts";

// The spreadsheet library (SheetJS, its maintained build) and nothing else: this module is
// loaded only when a maintainer imports a spreadsheet or downloads the template, so the
// library stays out of every other chunk (ESLint refuses a static import of it elsewhere).

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .xlsx, .ods
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .xls

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** CSV text: UTF-8 when it is valid UTF-8 (with or without a BOM), else GB 18030, as Excel and WPS save CSV on Chinese systems. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

const isDateFormat = (format: string): boolean => (XLSX.SSF as { is_date(format: string): boolean }).is_date(format);

/**
 * The first sheet of an XLSX, XLS, ODS or CSV file as rows of cells, from cell A1 (so row i is
 * the spreadsheet's row i + 1). Dates become YYYY-MM-DD text; CSV cells stay text.
 */
export function readSheet(data: ArrayBuffer | Uint8Array): Cell[][] {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const binary = startsWith(bytes, ZIP) || startsWith(bytes, OLE);
  const book = binary ? XLSX.read(bytes, { type: "array", cellNF: true }) : XLSX.read(decodeText(bytes), { type: "string", raw: true });
  const name = book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  if (!sheet?.["!ref"]) return [];
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const range = XLSX.utils.decode_range(sheet["!ref"]);
  const rows: Cell[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: Cell[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      row.push(cellValue(cell, date1904));
    }
    rows.push(row);
  }
  return rows;
}

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!cell || cell.t === "z") return null;
  if (cell.t === "n" && typeof cell.v === "number") {
    // The 1904 date system counts from 1904-01-01, 1462 days after the 1900 system's start.
    return cell.z !== undefined && isDateFormat(String(cell.z)) ? excelSerialDate(cell.v + (date1904 ? 1462 : 0)) : cell.v;
  }
  if (cell.t === "d" && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  if (cell.t === "e") return cell.w ?? "#ERROR";
  if (typeof cell.v === "string" || typeof cell.v === "number" || typeof cell.v === "boolean") return cell.v;
  return cell.w ?? null;
}

/** The template: a sheet of sites with the bilingual headers, and a sheet of notes on each column. */
export function writeTemplate(): Uint8Array {
  const book = XLSX.utils.book_new();
  const sites = XLSX.utils.aoa_to_sheet(templateRows());
  sites["!cols"] = templateRows()[0]!.map((h) => ({ wch: Math.max(12, h.length + 4) }));
  XLSX.utils.book_append_sheet(book, sites, "站点 Sites");
  const notes = XLSX.utils.aoa_to_sheet(templateNotesRows());
  notes["!cols"] = [{ wch: 36 }, { wch: 48 }, { wch: 64 }];
  XLSX.utils.book_append_sheet(book, notes, "说明 Notes");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}
