/**
 * Large hygiene and defect reports go to an async consumer through a Forge queue (`@forge/events`):
 * a consumer may run 900 s where a resolver has 25 s. The queue and consumer are declared in
 * manifest.yml; the event carries only the job's id, the job document in KVS holds the rest.
 */
import { Queue } from '@forge/events';
import { z } from 'zod';
import { runJob, type ReportQueue } from '../services/report-jobs';

export const REPORT_QUEUE_KEY = 'governance-reports';

export function forgeReportQueue(): ReportQueue {
  const queue = new Queue({ key: REPORT_QUEUE_KEY });
  return {
    async push(jobId) {
      await queue.push({ body: { jobId } });
    },
  };
}

const ReportEvent = z.object({ body: z.object({ jobId: z.string().uuid() }).passthrough() }).passthrough();

/** The consumer's body, with its dependencies injected (tests run it over the emulator). */
export function reportConsumer(deps: Parameters<typeof runJob>[0]): (event: unknown) => Promise<void> {
  return async (event) => {
    const parsed = ReportEvent.safeParse(event);
    // A malformed event is dropped: retrying it cannot make it readable.
    if (!parsed.success) return;
    await runJob(deps, parsed.data.body.jobId);
  };
}
