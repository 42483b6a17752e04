/**
 * Splits a byte stream into lines, a chunk's worth at a time. Node's readline
 * decodes through a StringDecoder and a line-break regex and resolves one
 * promise per line; scanning the bytes for `\n` and handing back every line
 * of a chunk at once reads an NDJSON inventory about twice as fast.
 */
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The complete lines of `buffer` (a trailing `\r` dropped from each), and
 * where the unfinished rest begins. With `final`, the rest is a line too.
 */
function splitLines(buffer: Buffer, final = false): { lines: string[]; rest: number } {
  const lines: string[] = [];
  let start = 0;
  let newline = buffer.indexOf(NEWLINE, start);
  while (newline !== -1) {
    const end = newline > start && buffer[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
    // Slicing bytes at a newline never splits a UTF-8 sequence: 0x0a is never a continuation byte.
    lines.push(buffer.toString('utf8', start, end));
    start = newline + 1;
    newline = buffer.indexOf(NEWLINE, start);
  }
  if (final && start < buffer.length) {
    const end = buffer[buffer.length - 1] === CARRIAGE_RETURN ? buffer.length - 1 : buffer.length;
    lines.push(buffer.toString('utf8', start, end));
    start = buffer.length;
  }
  return { lines, rest: start };
}

/**
 * @example
 * for await (const batch of readLineBatches(createReadStream(path))) for (const line of batch) JSON.parse(line);
 */
export async function* readLineBatches(input: AsyncIterable<Buffer>): AsyncGenerator<string[]> {
  let carry: Buffer | null = null;
  for await (const chunk of input) {
    const buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const { lines, rest } = splitLines(buffer);
    carry = rest < buffer.length ? buffer.subarray(rest) : null;
    if (lines.length > 0) yield lines;
  }
  if (carry && carry.length > 0) yield splitLines(carry, true).lines;
}
