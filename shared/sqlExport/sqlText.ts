// Text layout of the generated statement: select lists, optional lines, and the WITH clause's
// common table expressions (CTEs) in the order they are added.

export function lines(...parts: (string | string[] | false | null | undefined)[]): string[] {
  return parts.flatMap((p) => (p === false || p === null || p === undefined ? [] : Array.isArray(p) ? p : [p]));
}

export interface SelectItem {
  comment?: string[];
  sql: string;
}

/** Joins select-list items, each possibly multi-line and preceded by comment lines, with commas. */
export function selectList(items: SelectItem[], pad = '    '): string {
  return items
    .map((it, i) => {
      const head = (it.comment ?? []).map((c) => `${pad}-- ${c}\n`).join('');
      return `${head}${pad}${it.sql.replace(/\n/g, `\n${pad}`)}${i < items.length - 1 ? ',' : ''}`;
    })
    .join('\n');
}

/** The CTEs of the statement, in order, each preceded by its comment lines. */
export class CteList {
  readonly ctes: string[] = [];

  add(name: string, comment: string[], body: string): void {
    this.ctes.push(`${comment.map((c) => `-- ${c}`).join('\n')}\n${name} AS (\n${body}\n)`);
  }
}
