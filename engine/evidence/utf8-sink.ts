/**
 * Writes text and bytes straight into UTF-8 slabs of 1 MiB. The bundle's
 * text is millions of short pieces; joining them into one string and
 * encoding that copies every byte twice, and a single non-Latin-1 character
 * (an arrow in a remediation) makes the joined string two bytes a character.
 * Writing each piece into the slab encodes it once, and pieces that repeat
 * (a control's title, a requirement's cells) are encoded once and copied.
 */
export const SLAB_BYTES = 1 << 20;
/** UTF-8 needs at most three bytes for a UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Slabs back from the writer thread, ready to be filled again. Reusing them
 * bounds the memory the bundle's bytes take: a slab freed on the writer
 * thread is only released when that thread collects garbage, which it
 * rarely does (it allocates almost nothing), and at 300,000 resources such
 * slabs held some 80 MB.
 */
const spareSlabs: ArrayBuffer[] = [];
/** 16 MiB: more than the in-flight bytes of every file of a bundle together. */
const SPARE_SLABS_KEPT = 16;

/**
 * A slab of SLAB_BYTES for the caller to fill and hand on: a spare one when
 * there is one, else a new one.
 */
export function takeSlab(): Buffer {
  const spare = spareSlabs.pop();
  return spare ? Buffer.from(spare) : Buffer.allocUnsafeSlow(SLAB_BYTES);
}

/** How many slabs wait to be reused. */
export const spareSlabCount = (): number => spareSlabs.length;

/**
 * Gives back memory that nothing refers to any more (bytes the writer thread
 * wrote and returned), for `takeSlab` to hand out again. Memory of another
 * size is left to the garbage collector.
 */
export function recycleSlab(memory: ArrayBuffer): void {
  if (memory.byteLength === SLAB_BYTES && spareSlabs.length < SPARE_SLABS_KEPT) spareSlabs.push(memory);
}

export class Utf8Sink {
  private slab = takeSlab();
  private used = 0;
  private full: Buffer[] = [];
  private sealedBytes = 0;

  /** Appends text, encoded as UTF-8. */
  text(text: string): void {
    if (this.used + text.length * MAX_BYTES_PER_UNIT > this.slab.length) {
      this.seal();
      if (text.length * MAX_BYTES_PER_UNIT > this.slab.length) {
        const encoded = Buffer.from(text, 'utf8');
        this.full.push(encoded);
        this.sealedBytes += encoded.length;
        return;
      }
    }
    this.used += this.slab.write(text, this.used, 'utf8');
  }

  /** Appends bytes (already encoded text). */
  bytes(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.slab.length) {
      this.seal();
      if (bytes.length > this.slab.length) {
        this.full.push(Buffer.from(bytes));
        this.sealedBytes += bytes.length;
        return;
      }
    }
    this.slab.set(bytes, this.used);
    this.used += bytes.length;
  }

  private seal(): void {
    if (this.used === 0) return;
    this.full.push(this.slab.subarray(0, this.used));
    this.sealedBytes += this.used;
    this.slab = takeSlab();
    this.used = 0;
  }

  /** Bytes in full slabs, ready to be taken. */
  get ready(): number {
    return this.sealedBytes;
  }

  /**
   * The chunks written since the last take, as chunks the caller owns: no
   * one writes into them again. Only full slabs, unless `all`: a part-filled
   * slab handed on would carry a whole mebibyte for a few bytes.
   *
   * @example
   * const sink = new Utf8Sink(); sink.text('é'); Buffer.concat(sink.take(true)).toString(); // 'é'
   */
  take(all = false): Buffer[] {
    if (all) this.seal();
    const chunks = this.full;
    this.full = [];
    this.sealedBytes = 0;
    return chunks;
  }
}
