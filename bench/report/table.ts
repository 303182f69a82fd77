import { describeTarget, Figure, formatValue, verdict } from './figures';

/** The results as a plain-text table, one figure per line. */
export function renderTable(figures: readonly Figure[]): string {
  const header = ['Section', 'Figure', 'Value', 'Target', 'Verdict'];
  const rows = figures.map((figure) => [figure.section, figure.name, formatValue(figure.value, figure.unit), describeTarget(figure), verdict(figure)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  const notes = figures.filter((figure) => figure.note).map((figure) => `  ${figure.section} / ${figure.name}: ${figure.note}`);
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line), ...(notes.length > 0 ? ['', 'Notes:', ...notes] : [])].join('\n');
}
