/**
 * Run a per-item job over many items in short-lived child processes, a batch at a time, so that
 * memory the job leaks (jsdom) dies with each child. The child is the same script, forked with the
 * parent's Node flags (so tsx keeps working) and told by an environment variable that it is a worker.
 */
import { fork } from 'node:child_process';

const WORKER_ENV = 'BENCH_BATCH_WORKER';

export interface BatchOptions {
  /** Items per child process. */
  batchSize?: number;
  /** Child processes at once. */
  jobs?: number;
  /** Called after each finished batch with the number of items done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** True in a child started by runInWorkers. */
export function isBatchWorker(): boolean {
  return process.env[WORKER_ENV] === '1' && typeof process.send === 'function';
}

/**
 * In the parent: split items into batches, run each in a fork of `script`, return all results in
 * item order. The child must call serveBatch() with the job.
 */
export async function runInWorkers<I, R>(script: string, items: I[], opts: BatchOptions = {}): Promise<R[]> {
  const size = Math.max(1, opts.batchSize ?? 100);
  const jobs = Math.max(1, opts.jobs ?? 2);
  const batches: I[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  const out: R[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const runOne = (b: number) =>
    new Promise<void>((resolve, reject) => {
      const child = fork(script, [], {
        env: { ...process.env, [WORKER_ENV]: '1' },
        execArgv: process.execArgv,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let got: R[] | null = null;
      child.on('message', (m) => {
        got = m as R[];
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        if (!got) return reject(new Error(`batch ${b} worker exited with ${code} and no results`));
        out[b] = got;
        done += batches[b].length;
        opts.onProgress?.(done, items.length);
        resolve();
      });
      child.send(batches[b]);
    });
  const lanes = Array.from({ length: Math.min(jobs, batches.length) }, async () => {
    while (next < batches.length) await runOne(next++);
  });
  await Promise.all(lanes);
  return out.flat();
}

/** In the child: receive one batch, run the job on each item, send the results and exit. */
export function serveBatch<I, R>(job: (item: I) => R | Promise<R>): void {
  process.once('message', async (batch) => {
    const results: R[] = [];
    for (const item of batch as I[]) results.push(await job(item));
    process.send?.(results, () => process.exit(0));
  });
}
