/**
 * Captured Jira answers, replayed in-process: a recording transport writes every answer's body to
 * a file (keyed by the request: method, path and body), and a replaying transport serves those
 * files back to the same client, without HTTP. The loader benchmark (`loader.ts`) reads a board
 * through the real client and loader against the replay, one body at a time from disk, as from
 * the network.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SearchJqlPage } from '../src/domain/jira';
import { BulkChangelogAnswer } from '../src/jira/schemas';
import type { JiraRequest, Transport } from '../src/jira/types';
import { withoutMember } from '../src/jira/unread';

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
  readonly dir: string;
  /** Reads a recorded body (as the transport does). */
  readonly read: (file: string) => string;
  /** The request each recorded body answered (its method and path, then its body), by file. */
  readonly requestOf: ReadonlyMap<string, string>;
}

/**
 * Reads a recorded body into one buffer kept for every read (as a network stack reuses its
 * buffers), so the replay itself leaves no buffer per answer for the garbage collector.
 */
function bodyReader(dir: string, largest: number): (file: string) => string {
  const buffer = Buffer.allocUnsafe(Math.max(1, largest));
  return (file) => {
    const fd = openSync(join(dir, file), 'r');
    try {
      let n = 0;
      for (let r = 1; r > 0 && n < buffer.length; n += r) r = readSync(fd, buffer, n, buffer.length - n, n);
      return buffer.toString('utf8', 0, n);
    } finally {
      closeSync(fd);
    }
  };
}

/** Serves the answers recorded in `dir`; `onBody` runs after each body is read. */
export function replayTransport(dir: string, onBody: () => void = () => undefined): Replay {
  const index = Index.parse(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
  const read = bodyReader(dir, Math.max(0, ...Object.values(index).map((e) => e.bytes)));
  const served: string[] = [];
  const requestOf = new Map(Object.entries(index).map(([key, entry]) => [entry.file, key]));
  return {
    dir,
    read,
    served,
    requestOf,
    transport: async (request) => {
      const entry = index[requestKey(request)];
      if (!entry) throw new Error(`no recorded answer for ${request.method} ${request.path}`);
      return {
        status: entry.status,
        headers: { get: () => null },
        text: async () => {
          const text = read(entry.file);
          served.push(entry.file);
          onBody();
          return text;
        },
      };
    },
  };
}

const micros = (c: NodeJS.CpuUsage): number => c.user + c.system;

/**
 * CPU microseconds of reading the served bodies from disk again, in order (what the replay's
 * "network" cost the loader), and of `JSON.parse` of the same bodies, a batch at a time (each
 * batch read first, untimed).
 */
export function readAndParseCpu(replay: Replay, batch = 16): { readMicros: number; parseMicros: number; bytes: number } {
  const read = replay.read;
  let bytes = 0;
  const c = process.cpuUsage();
  for (const file of replay.served) bytes += read(file).length;
  const readMicros = micros(process.cpuUsage(c));
  let parseMicros = 0;
  for (let i = 0; i < replay.served.length; i += batch) {
    const texts = replay.served.slice(i, i + batch).map(read);
    const p = process.cpuUsage();
    for (const t of texts) JSON.parse(t);
    parseMicros += micros(process.cpuUsage(p));
  }
  return { readMicros, parseMicros, bytes };
}

/** What the standard way of reading a body must do, at the least, before the loader prepares anything. */
export interface ReadingFloor {
  /** Cutting the authors from bulk-changelog pages (`withoutMember`, as the client does). */
  cutMicros: number;
  /** `JSON.parse` of what is left: the cut bulk pages, the search pages, the other answers. */
  parseMicros: number;
  /** The client's own zod schemas on the parsed values (bulk and search pages; the few other answers are not counted). */
  zodMicros: number;
}

/**
 * The floor of any loader that reads Jira's answers the way this project requires (every answer
 * parsed and validated by zod): the served bodies, as the client receives them, cut where the
 * client cuts (`BulkChangelogAnswer`'s authors), parsed, and validated by the very schemas the
 * client uses, one body at a time (the least garbage held, so the least collection: a floor), each
 * step timed on its own. Nothing is prepared, merged or kept: what the loader does beyond this
 * floor is its own.
 */
export function readingFloorCpu(replay: Replay): ReadingFloor {
  const floor: ReadingFloor = { cutMicros: 0, parseMicros: 0, zodMicros: 0 };
  for (const file of replay.served) {
    const request = replay.requestOf.get(file) ?? '';
    const bulk = request.startsWith('POST /rest/api/3/changelog/bulkfetch');
    const schema: z.ZodType | null = bulk ? BulkChangelogAnswer : request.startsWith('POST /rest/api/3/search/jql') ? SearchJqlPage : null;
    let text = replay.read(file);
    let c = process.cpuUsage();
    if (bulk) text = withoutMember(text, 'author');
    floor.cutMicros += micros(process.cpuUsage(c));
    c = process.cpuUsage();
    const value = JSON.parse(text) as unknown;
    floor.parseMicros += micros(process.cpuUsage(c));
    c = process.cpuUsage();
    const valid = schema === null || schema.safeParse(value).success;
    floor.zodMicros += micros(process.cpuUsage(c));
    if (!valid) throw new Error(`recorded answer ${file} does not pass the client's schema`);
  }
  return floor;
}
