/**
 * The real loader (`loadBoards`, and through it `readIssues`, the client and its zod schemas) on
 * one board, in a process of its own, against recorded answers replayed in-process (no HTTP): each
 * body is read from disk when the client asks for it, as from the network. Prints one JSON line:
 * the loader's CPU (less the reading of bodies), the peak RSS, and, side by side in the same
 * process, the CPU of `JSON.parse` of the very same bodies.
 *
 * Run by `run.ts` as `node --expose-gc dist/bench/loader.js <dir of recorded answers>`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createJiraClient } from '../src/jira/client';
import { loadBoards } from '../src/services/board-data';
import { loaderRequest } from './loader-request';
import { replayTransport } from './replay';

const dir = process.argv[2];
if (!dir) throw new Error('usage: loader.js <dir>');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const micros = (c: NodeJS.CpuUsage) => c.user + c.system;

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

async function main(): Promise<void> {
  gc();
  const baseline = process.memoryUsage();
  const replay = replayTransport(dir as string, sample);
  const client = createJiraClient(replay.transport);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let loaded: Awaited<ReturnType<typeof loadBoards>> | null = await loadBoards(client, loaderRequest());
  const wallMs = performance.now() - t0;
  const loaderCpu = micros(process.cpuUsage(c0)) - replay.readCpuMicros();
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const issues = loaded.issues.size;
  const stats = client.stats();
  loaded = null;

  // The same bodies, JSON.parse alone, in the order the loader read them.
  gc();
  let parseCpu = 0;
  let bytes = 0;
  for (const file of replay.served) {
    const text = readFileSync(join(dir as string, file), 'utf8');
    bytes += Buffer.byteLength(text);
    const c = process.cpuUsage();
    JSON.parse(text);
    parseCpu += micros(process.cpuUsage(c));
  }
  process.stdout.write(
    `${JSON.stringify({ issues, requests: stats.requests, histories: stats.histories, bodies: replay.served.length, bytes, wallMs, loaderCpuMs: loaderCpu / 1000, parseCpuMs: parseCpu / 1000, baselineRss: baseline.rss, peakRss, maxRss, peakHeap })}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
