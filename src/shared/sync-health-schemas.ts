/**
 * zod schemas of the "Data sync" resolvers' payloads. The backend parses with these; the UI imports
 * only the types in `sync-health-protocol.ts`.
 */
import { z } from 'zod';
import type { AddBoardsPayload, BoardIdPayload } from './sync-health-protocol';

/** Boards added in one step: as many as a gadget shows. */
export const ADD_BOARDS_MAX = 30;

const BoardId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const BoardIdPayloadSchema = z.object({ boardId: BoardId }).strict() satisfies z.ZodType<BoardIdPayload, unknown>;

export const AddBoardsPayloadSchema = z
  .object({
    boardIds: z
      .array(BoardId)
      .min(1, 'choose at least one board')
      .max(ADD_BOARDS_MAX, `choose at most ${ADD_BOARDS_MAX} boards at a time`)
      .refine((ids) => new Set(ids).size === ids.length, 'names a board twice'),
  })
  .strict() satisfies z.ZodType<AddBoardsPayload, unknown>;
