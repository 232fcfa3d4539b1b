/**
 * The verbs, their one-line summaries and usage. Each verb's module (and with it the engine) is
 * imported only when the verb runs, so `--help` starts without loading the engine.
 */
import type { Command } from './command.js';

const SPEC = '[--set KEY=VALUE ...] [--allow-read DIR ...]';
const MAPPER = '[--metric energy|latency|edp | --metrics energy,latency,edp,resource_usage] [--unfused] [--time-limit SECONDS] [--memory-limit MB]';

export const COMMANDS: Readonly<Record<string, Command>> = {
  check: {
    summary: 'load and validate a spec; print its Einsums and flattened architecture paths',
    usage: `usage: accelforge-web check <spec files...> ${SPEC}`,
    load: async () => (await import('./check.js')).checkCommand,
  },
  evaluate: {
    summary: "run the analytical model on the spec's mapping; print energy, latency and breakdowns",
    usage: `usage: accelforge-web evaluate <spec files, one holding mapping:> ${SPEC} [--json]`,
    load: async () => (await import('./evaluate.js')).evaluateCommand,
  },
  map: {
    summary: 'search for the best mapping of the spec (FFM mapper) and evaluate it',
    usage: `usage: accelforge-web map <spec files> ${SPEC} ${MAPPER} [--max-fused-loops N] [--workers N (default: CPUs; 1 = in-process)] [--json]`,
    load: async () => (await import('./map.js')).mapCommand,
  },
  components: {
    summary: 'area, leak power and per-action energy, latency and throughput of each component',
    usage: `usage: accelforge-web components <spec files> ${SPEC} [--einsum NAME] [--json]`,
    load: async () => (await import('./components.js')).componentsCommand,
  },
  sweep: {
    summary: 'map the spec at every point of a one- or two-knob design-space sweep',
    usage:
      `usage: accelforge-web sweep <spec files> --vary KEY=VALUES [--vary KEY2=VALUES] ${SPEC} ${MAPPER} [--csv out.csv] [--json]\n` +
      '         [--shard K/N [--out shard-K-of-N.json]] [--shard-count N]\n' +
      '  KEY: a Jinja variable (GlobalBufferSize) or a field path (arch.nodes[name=GlobalBuffer].size)\n' +
      '  VALUES: 1,2,4 | lin:START:STOP:N | log:START:STOP:N; 32B, 64KB, 4MB are bytes, converted to bits\n' +
      '  --time-limit and --memory-limit apply to each point\n' +
      '  --shard K/N maps grid points i with i mod N = K-1 and writes them to --out; without it, a Slurm array task\n' +
      '  (SLURM_ARRAY_TASK_ID/COUNT/MIN) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, count from --shard-count\n' +
      '  or ACCELFORGE_SHARD_COUNT) chooses the shard; --shard 1/1 maps every point',
    load: async () => (await import('./sweep.js')).sweepCommand,
  },
  'sweep-merge': {
    summary: 'join the shard files of a sweep into the table, CSV and JSON of one whole run',
    usage: 'usage: accelforge-web sweep-merge <shard files...> [--csv out.csv] [--json]',
    load: async () => (await import('./sweep-merge.js')).sweepMergeCommand,
  },
  'convert-timeloop': {
    summary: 'convert Timeloop v0.4/v0.3 specs (arch, problem, mapping, constraints, ERT/ART) into one AccelForge spec',
    usage: 'usage: accelforge-web convert-timeloop <timeloop files...> -o <out.yaml> [--report <report.md>] [--allow-read DIR ...]',
    load: async () => (await import('./convert-timeloop.js')).convertTimeloopCommand,
  },
};

/** Runs a verb by name (for main and in-process tests). */
export async function runVerb(verb: string, args: string[]): Promise<number> {
  const command = COMMANDS[verb];
  if (!command) throw new Error(`unknown verb '${verb}'`);
  return (await command.load()).run(args, command.usage);
}
