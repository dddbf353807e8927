/**
 * What the site benchmark (`site.ts`) and its emulator process (`site-server.ts`) say to each other
 * over Node's IPC channel: requests with an id, answers with the same id. Parsed by zod on both
 * sides, as anything crossing a process boundary.
 */
import { z } from 'zod';

export const SiteSpec = z.object({
  boards: z.number().int().min(1),
  issuesPerBoard: z.number().int().min(1),
  sprintsPerBoard: z.number().int().min(2),
  historiesPerIssue: z.number().int().min(1),
  now: z.number(),
  viewers: z.number().int().min(0),
});
export type SiteSpec = z.infer<typeof SiteSpec>;

export const DaySpec = z.object({
  seed: z.number().int(),
  /** Share of the site's issues changed during the day (each once or twice). */
  issueShare: z.number().min(0).max(1),
  /** Share of the boards whose active sprint is closed (open issues moved on) and whose next one starts. */
  rolloverShare: z.number().min(0).max(1),
  /** The day starts here; changes fall in its first 21 hours. */
  from: z.number(),
});
export type DaySpec = z.infer<typeof DaySpec>;

export const ServerRequest = z.discriminatedUnion('op', [
  z.object({ id: z.number(), op: z.literal('setNow'), at: z.number() }),
  z.object({ id: z.number(), op: z.literal('scope') }),
  z.object({ id: z.number(), op: z.literal('day'), day: DaySpec }),
  z.object({ id: z.number(), op: z.literal('requests') }),
  z.object({ id: z.number(), op: z.literal('close') }),
]);
export type ServerRequest = z.infer<typeof ServerRequest>;
export type ServerOp = ServerRequest['op'];

/** Per board: issues of its kept scope, and the histories bulk fetch returns for them (replayed fields). */
export const BoardScope = z.object({ boardId: z.number(), issues: z.number(), histories: z.number() });
export type BoardScope = z.infer<typeof BoardScope>;

export const DayResult = z.object({
  changes: z.record(z.string(), z.number()),
  /** Issues updated during the day (any change, the sprint rollovers' moves included). */
  changedIssues: z.number(),
  /** Per board: its changed issues, and their complete histories in the replayed fields. */
  boards: z.array(BoardScope),
  /** Boards whose sprints changed (closed, started): each gets a sprint event. */
  sprintBoards: z.array(z.number()),
  movedToNextSprint: z.number(),
});
export type DayResult = z.infer<typeof DayResult>;

/** Requests the emulator answered since the last ask, by endpoint (`POST /rest/api/3/search/jql`). */
export const RequestSummary = z.object({ total: z.number(), byEndpoint: z.record(z.string(), z.number()) });
export type RequestSummary = z.infer<typeof RequestSummary>;

export const Ready = z.object({ kind: z.literal('ready'), url: z.string(), issues: z.number(), histories: z.number(), buildMs: z.number() });

export const ServerAnswer = z.object({ id: z.number(), ok: z.boolean(), result: z.unknown().optional(), error: z.string().optional() });
