/** The CLI's exit codes; scripts and CI depend on them. */
export const EXIT = {
  ok: 0,
  /** An expectation or an invariant failed. */
  checkFailed: 1,
  /** Bad input: a scenario, a flag or a file. */
  badInput: 2,
  /** The run hit its event budget: a policy looping without progress. */
  budgetExhausted: 3,
  /** A bug in recsim itself (EX_SOFTWARE). */
  internalError: 70,
} as const;

/** Bad command-line input; the CLI prints the message alone and exits with code 2. */
export class UsageError extends Error {}
