// A breakable unit: one CJK character, or a word with the spaces after it.
const UNITS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]\s*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g;

/** Greedy line breaking at spaces and between CJK characters (the map labels and the footer of the map picture). */
export function wrap(ctx: Pick<CanvasRenderingContext2D, "measureText">, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const unit of text.match(UNITS) ?? []) {
    const candidate = line + unit;
    if (line && ctx.measureText(candidate.trimEnd()).width > maxWidth) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line = candidate;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
