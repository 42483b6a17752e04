/**
 * The part every evidence file writer shares: collect text and bytes and
 * hand them on as one Buffer per chunk. `HashedChunks` also keeps the
 * file's SHA-256 and size as they pass, so no store ever re-reads what it
 * wrote; a writer that hashes elsewhere (on its writer thread) uses
 * `PendingChunks` alone.
 */
import { createHash, type Hash } from 'node:crypto';

export class PendingChunks {
  private parts: (string | Uint8Array)[] = [];
  private holdsBytes = false;
  /** Characters and bytes pending (a lower bound of the encoded size). */
  pending = 0;

  push(data: string | Uint8Array): void {
    this.parts.push(data);
    this.pending += data.length;
    if (typeof data !== 'string') this.holdsBytes = true;
  }

  /**
   * Everything pending as one Buffer of its own.
   *
   * @example
   * const chunks = new PendingChunks(); chunks.push('a\n'); stream.write(chunks.take());
   */
  take(): Buffer {
    // One allocation for a run of text. Bytes are copied: the chunk is the
    // taker's to keep or hand to another thread, and the caller may still be
    // using what it wrote (the input being copied is also being parsed).
    const chunk = this.holdsBytes
      ? Buffer.concat(this.parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)))
      : Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.holdsBytes = false;
    return chunk;
  }
}

export class HashedChunks extends PendingChunks {
  private readonly hash: Hash = createHash('sha256');
  /** Bytes taken so far. */
  bytes = 0;

  /**
   * Everything pending as one Buffer, hashed and counted.
   *
   * @example
   * const chunks = new HashedChunks(); chunks.push('a\n'); stream.write(chunks.take()); chunks.digest();
   */
  override take(): Buffer {
    const chunk = super.take();
    this.hash.update(chunk);
    this.bytes += chunk.length;
    return chunk;
  }

  /** Hex SHA-256 of everything taken; call once, at close. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
