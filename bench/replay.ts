/**
 * Captured Jira answers, replayed in-process: a recording transport writes every answer's body to
 * a file (keyed by the request: method, path and body), and a replaying transport serves those
 * files back to the same client, without HTTP. The loader benchmark (`loader.ts`) reads a board
 * through the real client and loader against the replay, one body at a time from disk, as from
 * the network.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { JiraRequest, Transport } from '../src/jira/types';

/** The request's identity: the same request made again asks for the same answer. */
export function requestKey(request: JiraRequest): string {
  return `${request.method} ${request.path}\n${request.body === undefined ? '' : JSON.stringify(request.body)}`;
}

const Index = z.record(z.string(), z.object({ file: z.string(), status: z.number(), bytes: z.number() }));
type Index = z.infer<typeof Index>;

export interface Recording {
  readonly transport: Transport;
  /** Writes the index of what was recorded; returns the number of answers and their bytes. */
  finish(): { answers: number; bytes: number };
}

/** Wraps `inner`, writing each answer's body into `dir`. */
export function recordingTransport(inner: Transport, dir: string): Recording {
  mkdirSync(dir, { recursive: true });
  const index: Index = {};
  let n = 0;
  let bytes = 0;
  return {
    transport: async (request) => {
      const response = await inner(request);
      const text = await response.text();
      const file = `${String(n++).padStart(5, '0')}.json`;
      writeFileSync(join(dir, file), text);
      const size = Buffer.byteLength(text);
      bytes += size;
      index[requestKey(request)] = { file, status: response.status, bytes: size };
      return { status: response.status, headers: response.headers, text: async () => text };
    },
    finish: () => {
      writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
      return { answers: Object.keys(index).length, bytes };
    },
  };
}

export interface Replay {
  readonly transport: Transport;
  /** The files served so far, in the order their bodies were read. */
  readonly served: string[];
  /** CPU microseconds spent reading bodies from disk (the "network"; not the loader's). */
  readCpuMicros(): number;
}

/** Serves the answers recorded in `dir`; `onBody` runs after each body is read. */
export function replayTransport(dir: string, onBody: () => void = () => undefined): Replay {
  const index = Index.parse(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
  const served: string[] = [];
  let readCpu = 0;
  return {
    served,
    readCpuMicros: () => readCpu,
    transport: async (request) => {
      const entry = index[requestKey(request)];
      if (!entry) throw new Error(`no recorded answer for ${request.method} ${request.path}`);
      return {
        status: entry.status,
        headers: { get: () => null },
        text: async () => {
          const c = process.cpuUsage();
          const text = readFileSync(join(dir, entry.file), 'utf8');
          const d = process.cpuUsage(c);
          readCpu += d.user + d.system;
          served.push(entry.file);
          onBody();
          return text;
        },
      };
    },
  };
}
