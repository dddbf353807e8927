/**
 * What the Forge platform tells a resolver about where it was called from, parsed by zod. Only
 * the fields the app reads are named; everything else passes through untouched.
 */
import { z } from 'zod';
import { formatZodError } from '../domain/config';
import { GadgetSettingsSchema } from '../shared/schemas';
import type { GadgetSettings } from '../shared/protocol';

export const ForgeContext = z
  .object({
    accountId: z.string().min(1).optional(),
    cloudId: z.string().optional(),
    moduleKey: z.string().optional(),
    localId: z.string().optional(),
    /** The app's Marketplace license, as Forge sends it (absent for free, development and staging installs); judged by license.ts. */
    license: z.unknown().optional(),
    extension: z
      .object({
        type: z.string().optional(),
        /** A dashboard gadget's saved edit-mode settings (what `view.submit` sent). */
        gadgetConfiguration: z.unknown().optional(),
        gadget: z.object({ id: z.union([z.string(), z.number()]) }).passthrough().optional(),
        dashboard: z.object({ id: z.union([z.string(), z.number()]) }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();
export type ForgeContext = z.infer<typeof ForgeContext>;

export type SavedSettings =
  | { kind: 'none' }
  | { kind: 'invalid'; problem: string }
  | { kind: 'ok'; settings: GadgetSettings };

/** The gadget's saved settings; Jira hands an unconfigured gadget an empty object. */
export function savedGadgetSettings(context: ForgeContext): SavedSettings {
  const raw = context.extension?.gadgetConfiguration;
  if (raw === undefined || raw === null) return { kind: 'none' };
  if (typeof raw === 'object' && Object.keys(raw).length === 0) return { kind: 'none' };
  const parsed = GadgetSettingsSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', problem: formatZodError(parsed.error).join('; ') };
  return { kind: 'ok', settings: parsed.data };
}
