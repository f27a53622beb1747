/** One line of the bench table. */
export interface Row {
  group: string;
  name: string;
  value: string;
  /** A size budget (`ok`) or a speed goal (`met`): CI fails on budgets only, since only sizes are deterministic. */
  budget?: string;
  ratio?: string;
  /** Pass/fail against the budget; absent where no budget applies. */
  ok?: boolean;
  /** Whether the row meets its goal (issue 17); absent where no goal applies. */
  met?: boolean;
  numbers?: Record<string, number>;
}

const status = (row: Row): string => {
  if (row.ok === false) return 'OVER BUDGET';
  if (row.met === false) return 'goal not met';
  if (row.ok) return 'ok';
  return row.met ? 'met' : '';
};

export function printTable(rows: readonly Row[]): void {
  const columns = ['name', 'value', 'budget / goal', 'ratio', 'status'] as const;
  const cells = (row: Row) => [row.name, row.value, row.budget ?? '', row.ratio ?? '', status(row)];
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
