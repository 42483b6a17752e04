import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ScratchFile } from '../../engine/scratch-file.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('Class: ScratchFile', () => {
  const work = join(tmpdir(), `scratch-file-${process.pid}`);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('reads back each span and everything in order, and leaves nothing behind once closed', async () => {
    // Prepare
    const scratch = new ScratchFile('probe');
    const big = Buffer.alloc((1 << 20) + 5, 0x61);
    // Act
    const first = scratch.append('é→ first');
    const second = scratch.append(big);
    const third = scratch.append(Buffer.from('third'));
    const secondAgain = scratch.read(second);
    const chunks: Buffer[] = [];
    for await (const chunk of scratch.chunks()) chunks.push(chunk);
    const path = scratch.path;
    scratch.close();
    scratch.close();
    // Assess
    expect(second).toEqual({ offset: first.length, length: big.length });
    expect(third).toEqual({ offset: first.length + big.length, length: 5 });
    expect(secondAgain.equals(big)).toBe(true);
    expect(chunks.map((chunk) => chunk.length)).toEqual([1 << 20, first.length + big.length + 5 - (1 << 20)]);
    const everything = Buffer.concat([Buffer.from('é→ first'), big, Buffer.from('third')]);
    expect(Buffer.concat(chunks).equals(everything)).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(dirname(path))).toBe(false);
  });

  it.runIf(process.platform !== 'win32')(
    'names the file and the system reason when the file system refuses a write',
    async () => {
      // Prepare: a child whose files may not exceed 64 KiB (ulimit -f), as a full disk would refuse more.
      await mkdir(work, { recursive: true });
      const script = join(work, 'append-too-much.ts');
      await writeFile(
        script,
        [
          `import { ScratchFile } from ${JSON.stringify(join(ROOT, 'engine', 'scratch-file.ts'))};`,
          `const scratch = new ScratchFile('probe');`,
          'try {',
          '  scratch.append(Buffer.alloc(1 << 20));',
          `  console.log('written');`,
          '} catch (error) {',
          "  console.log(error.name + ': ' + error.message);",
          '} finally {',
          '  scratch.close();',
          '}',
        ].join('\n'),
      );
      // Act
      const { stdout } = await promisify(execFile)(
        'bash',
        ['-c', `ulimit -f 64 && exec "${process.execPath}" --import tsx "${script}"`],
        { cwd: ROOT },
      );
      // Assess
      expect(stdout.trim()).toMatch(
        /^ScratchFileError: cannot write .*probe\.scratch \(EFBIG: file too large, write\)$/,
      );
    },
  );
});
