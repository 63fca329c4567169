/**
 * A start-up failure the developer can fix: the CLI prints its message as one line and
 * exits 1, without a stack trace.
 */
export class LocalStackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalStackError';
  }
}
