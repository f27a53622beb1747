/** One line of the bench table. */
export interface Row {
  group: string;
  name: string;
  value: string;
  budget?: string;
  ratio?: string;
  /** Pass/fail against the budget; absent where no budget applies. */
  ok?: boolean;
  numbers?: Record<string, number>;
}

export function printTable(rows: readonly Row[]): void {
  const columns = ['name', 'value', 'budget', 'ratio', 'status'] as const;
  const cells = (row: Row) => [row.name, row.value, row.budget ?? '', row.ratio ?? '', row.ok === undefined ? '' : row.ok ? 'ok' : 'OVER BUDGET'];
  const widths = columns.map((_, index) => Math.max(columns[index]!.length, ...rows.map((row) => cells(row)[index]!.length)));
  const line = (values: readonly string[]) => values.map((value, index) => value.padEnd(widths[index]!)).join('  ').trimEnd();
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      console.log(`\n${group}\n${line(columns)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
    }
    console.log(line(cells(row)));
  }
}
