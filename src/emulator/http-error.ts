/** An answer in Jira's error shape: `{"errorMessages": [...], "errors": {...}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: readonly string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.name = 'HttpError';
  }

  body(): { errorMessages: readonly string[]; errors: Record<string, string> } {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

export const badRequest = (message: string) => new HttpError(400, [message]);
export const notFound = (message: string) => new HttpError(404, [message]);

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const BOARD_NOT_FOUND = 'Board does not exist or you do not have permission to see it.';
export const BAD_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';
