// The source columns a scorecard reads, and the typed views of each that the SQL needs. A column
// is read once into two raw views (`num`: a finite number from a number-typed cell; `text`: the
// trimmed text of a text cell, NULL when blank or a missing-value token), then parsed strictly
// into the views the methods and conditions ask for (number, date, boolean), as the engine does.

import { commentText, type Dialect, booleanTextSql, quoteIdent, textCellSql } from './dialect';

export type ParsedView = 'number' | 'date' | 'bool';

export interface SourceColumn {
  /** The column's name in the source table. */
  name: string;
  /** 1-based position among the columns the scorecard reads, for the SQL names `c<k>_…`. */
  index: number;
  views: Set<ParsedView>;
}

export class ColumnRegistry {
  readonly columns: SourceColumn[] = [];
  private readonly byName = new Map<string, SourceColumn>();

  constructor(private readonly d: Dialect) {}

  column(name: string, where: string): SourceColumn {
    let col = this.byName.get(name);
    if (!col) {
      quoteIdent(name, where); // refuses names SQL cannot hold, naming where the name came from
      col = { name, index: this.columns.length + 1, views: new Set() };
      this.columns.push(col);
      this.byName.set(name, col);
    }
    return col;
  }

  /** The raw number view: finite numbers of number-typed cells. */
  num(col: SourceColumn): string {
    return quoteIdent(`c${col.index}_num`, 'column');
  }

  /** The raw text view: trimmed text of text cells, NULL when missing. */
  text(col: SourceColumn): string {
    return quoteIdent(`c${col.index}_text`, 'column');
  }

  /** A parsed view, registered so that the `typed` CTE computes it. */
  view(col: SourceColumn, view: ParsedView): string {
    col.views.add(view);
    return quoteIdent(`c${col.index}_${view}`, 'column');
  }

  /** Select-list lines of the `inputs` CTE (reading `src`, with the whitespace set in `k.ws`). */
  inputLines(): string[] {
    const lines: string[] = [];
    for (const col of this.columns) {
      const ref = `src.${quoteIdent(col.name, 'column')}`;
      lines.push(`-- c${col.index}: column ${commentText(JSON.stringify(col.name))}`);
      lines.push(`${this.d.numberCell(ref)} AS ${this.num(col)},`);
      lines.push(`${textCellSql(this.d, ref, 'k.ws')} AS ${this.text(col)},`);
    }
    return lines;
  }

  /** Select-list lines of the `typed` CTE: the parsed views that were asked for. */
  typedLines(): string[] {
    const lines: string[] = [];
    for (const col of this.columns) {
      const n = this.num(col);
      const t = this.text(col);
      for (const view of ['number', 'date', 'bool'] as const) {
        if (!col.views.has(view)) continue;
        const name = quoteIdent(`c${col.index}_${view}`, 'column');
        const what = { number: 'as a number', date: 'as a date (days since 1970-01-01)', bool: 'as a boolean (1/0)' }[view];
        lines.push(`-- c${col.index} ${commentText(JSON.stringify(col.name))} ${what}`);
        if (view === 'number') lines.push(`COALESCE(${n},\n  ${indent(this.d.parseNumber(t))}) AS ${name},`);
        else if (view === 'date') lines.push(`COALESCE(${n},\n  ${indent(this.d.parseDate(t))}) AS ${name},`);
        else lines.push(`CASE WHEN ${n} = ${this.d.num(1)} THEN ${this.d.num(1)} WHEN ${n} = ${this.d.num(0)} THEN ${this.d.num(0)}\n  ELSE ${booleanTextSql(this.d, t)} END AS ${name},`);
      }
    }
    return lines;
  }
}

/** Indents every line after the first by two spaces (for nesting multi-line expressions). */
export function indent(sql: string, by = '  '): string {
  return sql.replace(/\n/g, `\n${by}`);
}
