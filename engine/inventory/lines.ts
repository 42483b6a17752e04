/**
 * Splits a byte stream into lines, a chunk's worth at a time. Node's readline
 * decodes through a StringDecoder and a line-break regex and resolves one
 * promise per line; scanning the bytes for `\n` and handing back every line
 * of a chunk at once reads an NDJSON inventory about twice as fast.
 */
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * @example
 * for await (const batch of readLineBatches(createReadStream(path))) for (const line of batch) JSON.parse(line);
 */
export async function* readLineBatches(input: AsyncIterable<Buffer>): AsyncGenerator<string[]> {
  let carry: Buffer | null = null;
  for await (const chunk of input) {
    const buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
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
    carry = start < buffer.length ? buffer.subarray(start) : null;
    if (lines.length > 0) yield lines;
  }
  if (carry && carry.length > 0) {
    const end = carry[carry.length - 1] === CARRIAGE_RETURN ? carry.length - 1 : carry.length;
    yield [carry.toString('utf8', 0, end)];
  }
}
