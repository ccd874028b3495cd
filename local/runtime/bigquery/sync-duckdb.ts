/**
 * A synchronous DuckDB for the local runtime: Apps Script's advanced services are synchronous calls, and
 * @duckdb/node-api is asynchronous, so DuckDB runs on a worker thread and each call blocks this thread on
 * an Atomics flag until the worker has answered (the pattern of synckit / make-synchronous).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export interface DuckResult {
  readonly columns: readonly string[];
  /** DuckDB type names (VARCHAR, BIGINT, DOUBLE, DATE, TIMESTAMP WITH TIME ZONE, …). */
  readonly types: readonly string[];
  /** Values as DuckDB's JSON conversion gives them: numbers, strings (BIGINT, dates), booleans, null. */
  readonly rows: readonly (readonly unknown[])[];
}

export class DuckDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuckDbError';
  }
}

const TIMEOUT_MS = 120_000;

export class SyncDuckDb {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(new URL('./duckdb-worker.mjs', import.meta.url), {
      workerData: { port: port2, flag: this.flag },
      transferList: [port2],
    });
    // A test that forgets close() must not keep the process alive.
    this.worker.unref();
    this.port = port1;
  }

  /** Runs the statements in order; returns the last one's rows. */
  run(...statements: string[]): DuckResult {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(statements);
    if (Atomics.wait(this.flag, 0, 0, TIMEOUT_MS) === 'timed-out') throw new DuckDbError('DuckDB did not answer in time');
    const reply = receiveMessageOnPort(this.port)?.message as (DuckResult & { error?: undefined }) | { error: string } | undefined;
    if (!reply) throw new DuckDbError('DuckDB sent no reply');
    if (reply.error !== undefined) throw new DuckDbError(reply.error);
    return reply as DuckResult;
  }

  close(): void {
    void this.worker.terminate();
    this.port.close();
  }
}
