/**
 * The edit form's values and their validation, apart from the components so the rules read in
 * one place: what the user typed becomes `GadgetSettings`, or a message per bad field.
 */
import type { Basis, GadgetContextData, GadgetSettings, RollupDimension } from '../../../src/shared/protocol';
import type { Messages } from '../i18n';

export interface BoardChoice {
  value: number;
  label: string;
}

export interface FormValues {
  boards: BoardChoice[];
  restrict: 'none' | RollupDimension;
  rollupKey: string | null;
  sprints: string;
  basis: Basis;
  /** Percent, as typed. */
  target: string;
}

export type FormErrors = Partial<Record<'boards' | 'rollupKey' | 'sprints' | 'target', string>>;

const pct = (ratio: number): string => String(Math.round(ratio * 1000) / 10);

export function initialValues(ctx: GadgetContextData, names: ReadonlyMap<number, string>): FormValues {
  const s = ctx.settings;
  return {
    boards: (s?.boardIds ?? []).map((id) => ({ value: id, label: names.get(id) ?? `#${id}` })),
    restrict: s?.rollup?.dimension ?? 'none',
    rollupKey: s?.rollup?.key ?? null,
    sprints: String(s?.sprints ?? ctx.defaults.sprints),
    basis: s?.basis ?? ctx.defaults.basis,
    target: pct(s?.target ?? ctx.defaults.target),
  };
}

export function toSettings(v: FormValues, t: Messages): { ok: true; settings: GadgetSettings } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (v.boards.length === 0) errors.boards = t.boardsRequired;
  if (v.restrict !== 'none' && !v.rollupKey) errors.rollupKey = t.restrictKeyRequired;
  const sprints = Number(v.sprints.trim());
  if (!/^\d+$/.test(v.sprints.trim()) || sprints < 1 || sprints > 20) errors.sprints = t.sprintsInvalid;
  const target = Number(v.target.trim().replace(',', '.'));
  if (v.target.trim() === '' || !Number.isFinite(target) || target <= 0 || target > 100) errors.target = t.targetInvalid;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      boardIds: v.boards.map((b) => b.value),
      rollup: v.restrict === 'none' || !v.rollupKey ? null : { dimension: v.restrict, key: v.rollupKey },
      sprints,
      basis: v.basis,
      target: Math.round(target * 10) / 1000,
    },
  };
}

export const targetPercent = pct;
