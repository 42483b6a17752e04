/**
 * One audit worker thread. It builds the catalog and the evaluation context
 * itself (the first pass over the inventory, as the in-process run does),
 * then judges the chunks of lines the main thread sends and returns each as
 * an encoded batch, its bytes transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AuditBatcher, indexContext } from '../audit-batch.js';
import { catalogMappings, catalogRegistry } from '../catalog.js';
import { recordsOfLine } from '../inventory/read-inventory.js';
import { splitLines } from '../inventory/lines.js';
import { catalogIdentityKey, type FromWorker, type ToWorker, type WorkerSetup } from './messages.js';

const port = parentPort;
if (!port) throw new Error('audit-worker runs as a worker thread');
const setup = workerData as WorkerSetup;

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const fail = (error: unknown) =>
  post({
    type: 'error',
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
  });

try {
  const registry = catalogRegistry();
  const mappings = catalogMappings(setup.frameworks);
  const context = await indexContext(setup.source, registry);
  const batcher = new AuditBatcher({ registry, mappings, context, runId: setup.runId, evaluatedAt: setup.evaluatedAt });

  const sendBatch = (seq: number, resourcesBefore: number) => {
    const batch = batcher.take();
    // Bytes with a memory of their own move to the main thread without a
    // copy; a small batch sits in Node's shared buffer pool and is copied.
    const transfer = [batch.findings, batch.reportRows, ...Object.values(batch.auditorCsv)]
      .filter((bytes) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
      .map((bytes) => bytes.buffer as ArrayBuffer);
    post({ type: 'batch', seq, batch, resources: batcher.resourcesRead - resourcesBefore }, transfer);
  };

  port.on('message', (message: ToWorker) => {
    try {
      switch (message.type) {
        case 'chunk': {
          const before = batcher.resourcesRead;
          const { lines } = splitLines(
            Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength),
            true,
          );
          let lineNumber = message.firstLine;
          for (const line of lines) {
            for (const record of recordsOfLine(line, setup.source.path, lineNumber)) batcher.add(record);
            lineNumber++;
          }
          sendBatch(message.seq, before);
          break;
        }
        case 'accounts':
          batcher.judgeAccountsWithoutFacts(message.accountIds);
          sendBatch(message.seq, batcher.resourcesRead);
          break;
        case 'tallies':
          post({ type: 'tallies', tallies: batcher.tallies() });
          break;
      }
    } catch (error) {
      fail(error);
    }
  });
  post({ type: 'ready', catalog: catalogIdentityKey(registry, mappings) });
} catch (error) {
  fail(error);
}
