// Starts a sizing worker thread from its TypeScript source (tsx compiles it on the fly), so the
// pool works under `tsx` (the CLI and benchmarks) and under Vitest alike.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
