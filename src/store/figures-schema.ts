/** Board figure rows as stored (`BoardFigures`), parsed by zod when read back. */
import { z } from 'zod';
import { HygieneRuleId } from '../domain/config';
import type { BoardFigures } from '../domain/figures';

const Tag = z.object({
  id: z.string(),
  key: z.string(),
  projectKey: z.string(),
  projectId: z.string(),
  security: z.string().nullable(),
  products: z.array(z.string()),
  channels: z.array(z.string()),
  segments: z.array(z.string()),
  summary: z.string().nullable(),
  assignee: z.string().nullable(),
  assigneeName: z.string().nullable(),
  open: z.boolean(),
  defect: z.boolean(),
  deletedStatuses: z.array(z.string()),
});
const Head = z.object({
  boardId: z.number(),
  sprintId: z.number(),
  name: z.string(),
  state: z.enum(['closed', 'active']),
  shared: z.boolean(),
  start: z.number(),
  end: z.number(),
});
const Member = z.object({
  key: z.string(),
  flags: z.number().int(),
  ps: z.number(),
  pe: z.number(),
  pr: z.number(),
  invalidEstimate: z.literal(true).optional(),
  unmappedStatus: z.string().optional(),
});
const Defect = z.object({
  id: z.string(),
  key: z.string(),
  project: z.string(),
  number: z.number(),
  open: z.boolean(),
  resolvedAt: z.number().nullable(),
  priority: z.string().nullable(),
  priorityId: z.string().nullable(),
  targetPriorityId: z.string().nullable(),
  targetHours: z.number().nullable(),
  elapsedHours: z.number(),
  outcome: z.enum(['met', 'breached', 'atRisk', 'onTrack', 'noSla']),
});
const Hygiene = z.object({ id: z.string(), key: z.string(), rules: z.array(HygieneRuleId) });
const ScannedNow = Hygiene.extend({ invalidEstimate: z.literal(true).optional() });

export const BoardFiguresDoc: z.ZodType<BoardFigures> = z.object({
  boardId: z.number(),
  asOf: z.number(),
  resolvedSince: z.number(),
  closedSprints: z.number(),
  tags: z.array(Tag),
  sprints: z.array(z.object({ head: Head, rows: z.array(Member) })),
  defects: z.array(Defect),
  hygiene: z.array(ScannedNow),
  hygieneBefore: z.array(Hygiene).nullable(),
});
