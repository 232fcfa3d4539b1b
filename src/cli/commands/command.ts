/** One CLI verb. `run` returns the process exit status. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: string[]): Promise<number>;
}
