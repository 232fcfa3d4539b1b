/** One CLI verb as listed by `--help`; its code loads only when the verb runs (fast start-up). */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  load(): Promise<CommandRunner>;
}

/** A verb's code. `run` returns the process exit status. */
export interface CommandRunner {
  run(args: string[], usage: string): Promise<number>;
}
