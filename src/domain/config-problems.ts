/**
 * The problems of a configuration draft as people need them: where (`products[2].match.labels[0]`),
 * what (zod's English message), and the kind of problem with its limits, so that a UI can say it
 * in the viewer's language.
 */
import type { z } from 'zod';
import { formatPath } from './config';

export type ProblemDetail =
  | { code: 'too_small' | 'too_big'; origin: string; limit: number; inclusive: boolean }
  | { code: 'invalid_type'; expected: string }
  | { code: 'invalid_value'; values: string[] }
  | { code: 'unrecognized_keys'; keys: string[] }
  | { code: 'invalid_format' }
  | { code: 'custom' };

export interface ConfigProblem {
  path: string;
  message: string;
  detail?: ProblemDetail;
}

function detailOf(issue: z.core.$ZodIssue): ProblemDetail {
  switch (issue.code) {
    case 'too_small':
      return { code: 'too_small', origin: String(issue.origin), limit: Number(issue.minimum), inclusive: issue.inclusive !== false };
    case 'too_big':
      return { code: 'too_big', origin: String(issue.origin), limit: Number(issue.maximum), inclusive: issue.inclusive !== false };
    case 'invalid_type':
      return { code: 'invalid_type', expected: String(issue.expected) };
    case 'invalid_value':
      return { code: 'invalid_value', values: issue.values.map(String) };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', keys: issue.keys };
    case 'invalid_format':
      return { code: 'invalid_format' };
    default:
      return { code: 'custom' };
  }
}

/** Every problem of a failed parse, in zod's order. */
export function configProblems(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message, detail: detailOf(i) }));
}
