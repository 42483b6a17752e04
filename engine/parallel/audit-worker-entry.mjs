// A worker thread does not inherit the TypeScript loader the CLI registered
// on the main thread: it registers its own, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./audit-worker.ts');
