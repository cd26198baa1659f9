/** One precise complaint about the data: which file, which record, which field, and why. */
export interface DataIssue {
  file: string;
  record: string | null;
  field: string | null;
  reason: string;
}

export function formatIssue(issue: DataIssue): string {
  const where = [issue.file, issue.record, issue.field].filter((part) => part !== null && part !== "").join(" › ");
  return `${where}: ${issue.reason}`;
}
