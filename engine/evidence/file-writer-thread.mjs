// The evidence files' writer thread: hashes each chunk with SHA-256 and
// writes it, off the main thread, which is busy judging resources. Plain
// JavaScript with no imports of the engine, so it starts in milliseconds and
// needs no TypeScript loader. The protocol is in local-file-writer.ts.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

/** @type {Map<number, { fd: number, hash: import('node:crypto').Hash, bytes: number }>} */
const files = new Map();

/** @param {number} fd @param {Uint8Array} data */
function writeAll(fd, data) {
  let done = 0;
  while (done < data.byteLength) done += writeSync(fd, data, done, data.byteLength - done);
}

parentPort?.on('message', (message) => {
  const { type, id } = message;
  try {
    if (type === 'abandon') {
      // The bundle is being thrown away: release every file so it can be removed.
      for (const file of files.values()) closeSync(file.fd);
      files.clear();
      parentPort?.postMessage({ type: 'abandoned', id });
      return;
    }
    if (type === 'open') {
      // `wx`: never overwrite evidence that is already there.
      files.set(id, { fd: openSync(message.path, 'wx'), hash: createHash('sha256'), bytes: 0 });
      return;
    }
    const file = files.get(id);
    if (!file) throw new Error('file is not open');
    if (type === 'write') {
      file.hash.update(message.data);
      writeAll(file.fd, message.data);
      file.bytes += message.data.byteLength;
      // The memory goes back to the main thread to be filled again: freed
      // here, it would wait for this thread's rare garbage collections.
      const memory = message.data.buffer;
      parentPort?.postMessage({ type: 'written', id, bytes: message.data.byteLength, memory }, [memory]);
    } else if (type === 'close') {
      files.delete(id);
      closeSync(file.fd);
      parentPort?.postMessage({ type: 'closed', id, sha256: file.hash.digest('hex'), bytes: file.bytes });
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
});
