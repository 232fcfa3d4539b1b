/**
 * The fuzz corpus's vocabulary. A case is a base design from the example library plus one
 * mutation, and the outcome a correct engine must give. Expectations state the right answer,
 * not what the code happens to do today.
 */

/** An engine task run on the mutated design. `check` is what the editor runs on every keystroke. */
/** `sweep` runs only through the CLI; `convert` turns Timeloop files into a spec and checks it. */
export type FuzzOp = 'check' | 'evaluate' | 'components' | 'map' | 'sweep' | 'convert';

/** The mapper's own time limit in `map` jobs: it must stop well inside the case's wall-clock limit. */
export const MAP_TIME_LIMIT_SECONDS = 3;

/** Where the mutated file should be blamed: an exact line/column, or the first character of `at`. */
export type ExpectedPos =
  /** A command-line problem (a flag's value): no source position applies. */
  | { readonly commandLine: true }
  /** Several lines when more than one place is right (a missing key: the node's tag or its first field). */
  | { readonly file: string; readonly line: number | readonly number[]; readonly col?: number }
  /**
   * `at` is searched inside the replacement text (or the whole file when there is none); the
   * position is `skip` characters past its start (so `at` can carry context to be unique).
   */
  | { readonly file?: string; readonly at: string; readonly skip?: number; readonly col?: 'exact' | 'any' };

export interface ExpectedError {
  readonly kind?: string;
  /** Every listed fragment must appear in the message or its spec path (case-insensitive); or a pattern. */
  readonly messageIncludes: readonly string[] | string | RegExp;
  readonly pos: ExpectedPos;
  /** Every error in the corpus must say how to fix it. */
  readonly hintPresent: true;
}

export type Expected =
  /** `outputIncludes`: text the task's output must hold (CLI jobs print it). */
  | { readonly ok: true; readonly energy?: number; readonly outputIncludes?: readonly string[] }
  | { readonly error: ExpectedError }
  /**
   * Issue 13 allows either outcome (e.g. a tensor named `__proto__` "works or gets a clear
   * error"): a success must give the stated energy, a failure must be this clear error.
   */
  | { readonly okOrError: ExpectedError; readonly energy?: number };

/** One edit of one file: replace the first occurrence of `find`, or add text before/after it all. */
export type Mutation =
  | { readonly file: string; readonly find: string; readonly replace: string }
  | { readonly file: string; readonly prepend: string }
  | { readonly file: string; readonly append: string }
  /** A new file beside the spec (not a spec file); `@symlink TARGET` makes a symbolic link on disk. */
  | { readonly file: string; readonly create: string };

export interface FuzzCase {
  /** Unique, readable: what is wrong with the spec. */
  readonly name: string;
  /** A key of BASES (see cases/bases.ts); ignored when `files` is given. */
  readonly base?: string;
  readonly mutations?: readonly Mutation[];
  /** A whole hand-written design instead of a base: file name → text (the first one listed is read first). */
  readonly files?: Readonly<Record<string, string>>;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Defaults to check plus evaluate when the base has a mapping. */
  readonly ops?: readonly FuzzOp[];
  /** `cli`: run through the CLI's verbs on disk, with a temporary folder as the design root. */
  readonly via?: 'design' | 'cli';
  /** CLI jobs: extra arguments after the spec files (e.g. `--json`). */
  readonly cliArgs?: readonly string[];
  readonly expect: Expected;
}

/** What one engine task did, as the child process reports it. */
export interface OpOutcome {
  readonly op: FuzzOp;
  /** A SpecError list (empty when the task succeeded). */
  readonly errors: readonly {
    kind: string;
    message: string;
    hint?: string;
    /** The spec path (`arch.nodes[1].size`); the CLI prints it after the message. */
    path?: readonly (string | number)[];
    pos?: { file: string; line: number; col: number };
  }[];
  /** An exception that escaped the engine, or the child dying. */
  readonly crash?: string;
  /** Figures a successful task produced, for the nonsense checks. */
  readonly numbers?: Readonly<Record<string, number>>;
  /** Everything the task returned, flattened to text, for canary checks. */
  readonly text?: string;
}

export interface CaseOutcome {
  readonly ops: readonly OpOutcome[];
  readonly hang?: boolean;
  /** A JavaScript payload in the spec set the child's global flag. */
  readonly codeRan?: boolean;
  /** Properties the job added to Object/Array/Function.prototype (prototype pollution). */
  readonly polluted?: readonly string[];
}

/** A case made concrete: files, the spec order, and the blamed position resolved to line/col. */
export interface FuzzJob {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly specFiles: readonly string[];
  readonly variables: Readonly<Record<string, unknown>>;
  readonly ops: readonly FuzzOp[];
  readonly via: 'design' | 'cli';
  readonly cliArgs: readonly string[];
}
