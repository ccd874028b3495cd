// DuckDB on a worker thread, answered synchronously: the fake BigQuery service posts statements, blocks on
// an Atomics flag, and reads the reply with receiveMessageOnPort (local/runtime/bigquery/sync-duckdb.ts).
// Plain JavaScript so Node runs it as a worker without a TypeScript loader.
import { workerData } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';

const { port, flag } = workerData;
const ready = DuckDBInstance.create(':memory:').then((db) => db.connect());

port.on('message', async (statements) => {
  let reply;
  try {
    const conn = await ready;
    let last = null;
    for (const sql of statements) last = await conn.runAndReadAll(sql);
    reply = last
      ? { columns: last.columnNames(), types: last.columnTypes().map((t) => t.toString()), rows: last.getRowsJson() }
      : { columns: [], types: [], rows: [] };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
