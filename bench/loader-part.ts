/**
 * The loader line of `npm run bench`: a board's answers recorded from the emulator (over HTTP,
 * as the client asks for them), then replayed to the real loader in a process of its own
 * (`loader.ts`), which prints its CPU against `JSON.parse` of the same bodies and its peak RSS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator/server';
import { emulatorTransport } from '../src/emulator/acting-as';
import { createJiraClient } from '../src/jira/client';
import { loadBoards } from '../src/services/board-data';
import { LOADER_NOW, loaderRequest } from './loader-request';
import { recordingTransport } from './replay';
import { BENCH_APP, siteDataOf } from './site-data';
import { syntheticSite } from './synthetic';

export interface LoaderMeasure {
  issues: number;
  requests: number;
  histories: number;
  bodies: number;
  bytes: number;
  wallMs: number;
  loaderCpuMs: number;
  parseCpuMs: number;
  baselineRss: number;
  peakRss: number;
  maxRss: number;
  inLoaderParseCpuMs: number;
  readCpuMs: number;
  /** The floor of reading the same bodies through the client's cut, `JSON.parse` and zod schemas. */
  floorCutCpuMs: number;
  floorParseCpuMs: number;
  floorZodCpuMs: number;
}

/** Records what the loader reads of a one-board site of `issues` issues into `dir`. */
export async function recordBoard(dir: string, issues: number, histories: number): Promise<{ answers: number; bytes: number }> {
  const site = siteDataOf(syntheticSite({ boards: 1, issuesPerBoard: issues, sprintsPerBoard: 10, historiesPerIssue: histories, now: LOADER_NOW }));
  const server = await startEmulator(site, { now: () => LOADER_NOW });
  try {
    const recording = recordingTransport(emulatorTransport(server.url, BENCH_APP), dir);
    await loadBoards(createJiraClient(recording.transport), loaderRequest());
    return recording.finish();
  } finally {
    await server.close();
  }
}

/** Replays `dir` to the loader in a child process (`loader.js`) and returns what it measured. */
export async function replayLoader(dir: string, extraArgs: readonly string[] = []): Promise<LoaderMeasure> {
  const child = spawn(process.execPath, ['--expose-gc', ...extraArgs, join(__dirname, 'loader.js'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the loader benchmark exited with code ${String(code)}`);
  return JSON.parse(out.trim()) as LoaderMeasure;
}

/**
 * The heap flags AWS Lambda's Node.js runtime starts a function of `memoryMb` with (its bootstrap:
 * a tenth of the memory for the young generation, half of that per semi-space, the rest for the
 * old generation). Forge functions run on AWS Lambda, 512 MB by default. Node started without
 * them sizes its heap from the machine's memory (gigabytes here), and V8 then lets garbage grow
 * to about four times the live heap before a full collection; within 512 MB it collects sooner.
 */
export function lambdaHeapFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memoryMb - newSpace}`];
}

export const FORGE_FUNCTION_MB = 512;

/**
 * Records a board, replays it to the loader twice (as this machine starts Node, then with the heap
 * a 512 MB Lambda function gets), and removes the recording.
 */
export async function measureLoader(issues: number, histories: number): Promise<LoaderMeasure & { recordedBytes: number; lambda: LoaderMeasure }> {
  const dir = mkdtempSync(join(tmpdir(), 'gov-bench-loader-'));
  try {
    const recorded = await recordBoard(dir, issues, histories);
    const measured = await replayLoader(dir);
    const lambda = await replayLoader(dir, lambdaHeapFlags(FORGE_FUNCTION_MB));
    return { ...measured, recordedBytes: recorded.bytes, lambda };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
