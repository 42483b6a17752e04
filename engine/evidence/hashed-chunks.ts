/**
 * The part every evidence file writer shares: collect text and bytes, hand
 * them on as one Buffer per chunk, and keep the file's SHA-256 and size as
 * they pass, so no store ever re-reads what it wrote.
 */
import { createHash, type Hash } from 'node:crypto';

export class HashedChunks {
  private readonly hash: Hash = createHash('sha256');
  private parts: (string | Uint8Array)[] = [];
  private holdsBytes = false;
  /** Characters and bytes pending (a lower bound of the encoded size). */
  pending = 0;
  /** Bytes taken so far. */
  bytes = 0;

  push(data: string | Uint8Array): void {
    this.parts.push(data);
    this.pending += data.length;
    if (typeof data !== 'string') this.holdsBytes = true;
  }

  /**
   * Everything pending as one Buffer, hashed and counted.
   *
   * @example
   * const chunks = new HashedChunks(); chunks.push('a\n'); stream.write(chunks.take()); chunks.digest();
   */
  take(): Buffer {
    // One allocation for a run of text; bytes (a copied input, an encoded
    // batch) are joined as they are, and a lone run of bytes is not copied.
    const [only] = this.parts;
    const chunk =
      this.parts.length === 1 && only !== undefined && typeof only !== 'string'
        ? Buffer.from(only.buffer, only.byteOffset, only.byteLength)
        : this.holdsBytes
          ? Buffer.concat(this.parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)))
          : Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.holdsBytes = false;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    return chunk;
  }

  /** Hex SHA-256 of everything taken; call once, at close. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
