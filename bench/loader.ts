/**
 * The real loader (`loadBoards`, and through it `readIssues`, the client and its zod schemas) on
 * one board, in a process of its own, against recorded answers replayed in-process (no HTTP): each
 * body is read from disk when the client asks for it, as from the network. Prints one JSON line:
 * the loader's CPU (less the reading of bodies), the peak RSS, and, side by side in the same
 * process, the CPU of `JSON.parse` of the very same bodies. The loader's own calls of JSON.parse
 * are counted too (JSON.parse is wrapped in this process only), to say how much of it they are.
 * Last, the floor of reading those bodies the way the project requires (the client's cut, parse
 * and zod schemas, step by step, nothing prepared): what no loader through zod can go below.
 *
 * Run by `run.ts` as `node --expose-gc dist/bench/loader.js <dir of recorded answers>`.
 */
import { createJiraClient } from '../src/jira/client';
import { loadBoards } from '../src/services/board-data';
import { loaderRequest } from './loader-request';
import { readAndParseCpu, readingFloorCpu, replayTransport } from './replay';

const dir = process.argv[2];
if (!dir) throw new Error('usage: loader.js <dir>');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const micros = (c: NodeJS.CpuUsage) => c.user + c.system;

/** RSS after each body (process.memoryUsage.rss() is cheap; the full memoryUsage() is not). */
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

/** JSON.parse as the loader calls it, counted (CPU) so the line can say how much of the loader it is. */
let inLoaderParse = 0;
let countParse = false;
const jsonParse = JSON.parse;
JSON.parse = function countedParse(text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown): unknown {
  if (!countParse) return jsonParse(text, reviver);
  const c = process.cpuUsage();
  try {
    return jsonParse(text, reviver);
  } finally {
    inLoaderParse += micros(process.cpuUsage(c));
  }
};

async function main(): Promise<void> {
  gc();
  const baseline = process.memoryUsage();
  const replay = replayTransport(dir as string, sample);
  const client = createJiraClient(replay.transport);
  countParse = true;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let loaded: Awaited<ReturnType<typeof loadBoards>> | null = await loadBoards(client, loaderRequest());
  const wallMs = performance.now() - t0;
  const totalCpu = micros(process.cpuUsage(c0));
  countParse = false;
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const issues = loaded.issues.size;
  const stats = client.stats();
  loaded = null;
  gc();
  // The bodies' reading (the replay's stand-in for the network) is not the loader's: measured
  // again on its own and taken off. Then JSON.parse alone of the same bodies, side by side.
  const { readMicros, parseMicros, bytes } = readAndParseCpu(replay);
  // And the floor of reading the same bodies the required way (cut, parse, zod), before preparing.
  const floor = readingFloorCpu(replay);
  process.stdout.write(
    `${JSON.stringify({
      issues,
      requests: stats.requests,
      histories: stats.histories,
      bodies: replay.served.length,
      bytes,
      wallMs,
      loaderCpuMs: (totalCpu - readMicros) / 1000,
      inLoaderParseCpuMs: inLoaderParse / 1000,
      readCpuMs: readMicros / 1000,
      parseCpuMs: parseMicros / 1000,
      floorCutCpuMs: floor.cutMicros / 1000,
      floorParseCpuMs: floor.parseMicros / 1000,
      floorZodCpuMs: floor.zodMicros / 1000,
      baselineRss: baseline.rss,
      peakRss,
      maxRss,
    })}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
