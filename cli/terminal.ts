/**
 * Terminal output: aligned tables and a progress bar on stderr. Plain text
 * when stderr is not a terminal (CI logs), so nothing is redrawn there.
 */

/**
 * Text safe to print on a terminal: control characters (other than line
 * breaks and tabs) are shown as `\u001b`-style escapes. Messages quote the
 * audited input (a JSON parse error shows a snippet, an account id comes from
 * the file), and an escape sequence in it must not drive the terminal.
 *
 * @example
 * printable('bad \u001b[2J token'); // 'bad \\u001b[2J token'
 */
export function printable(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this function's job.
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Renders rows as an aligned table; numbers are right-aligned. */
export function renderTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[], numeric: boolean[]) =>
    row
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'));
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(cells[0] ?? [], numeric), rule, ...cells.slice(1).map((row) => line(row, numeric))].join('\n');
}

export interface ProgressReporter {
  update(label: string, done: number, total: number, detail: string): void;
  finish(): void;
}

/**
 * A progress bar redrawn at most ten times a second on a terminal; on
 * anything else, one line per quarter so CI logs stay short.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  let lastDraw = 0;
  let lastQuarter = -1;
  let drawn = false;
  return {
    update(label, done, total, detail) {
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      if (stream.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 100 && fraction < 1) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(
          `\r${label.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${detail}\x1b[K`,
        );
        drawn = true;
      } else {
        const quarter = Math.floor(fraction * 4);
        if (quarter === lastQuarter || total < 20 * 1024 * 1024) return;
        lastQuarter = quarter;
        stream.write(`${label}: ${(fraction * 100).toFixed(0)}% ${detail}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
