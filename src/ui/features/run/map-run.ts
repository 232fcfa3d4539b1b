/** The Run mapper and Fused vs unfused buttons' work: map the design in the worker, streaming progress into the store. */
import type { DesignFiles, MapDesignResult } from '../../../engine/index.js';
import type { MapRunOptions } from '../../../worker/protocol.js';
import type { CallOutcome } from '../../../worker/client.js';
import type { ExplorerStore } from '../../store/store.js';
import { pointsFromMapping, type RunSummary } from '../results/points.js';
import { buildDesign } from './design.js';
import type { RunEnv } from './evaluate-run.js';

export const MAP_FAILED_MESSAGE = 'The mapper found no valid mapping or the spec has problems; see Problems below.';

/**
 * The run's settings: energy, latency and on-chip memory usage are the objectives (the front a
 * ski-slope plot needs), on one mapper worker per core unless the page's `?mapper-workers=N`
 * asks for another count (tests compare the one-worker front with the pool's).
 */
function mapperOptions(store: ExplorerStore): MapRunOptions {
  const { metric, maxFusedLoops, timeLimitSeconds } = store.getState().mapper;
  const workers = workersFromUrl();
  return { metric, maxFusedLoops, timeLimitSeconds, resourceUsage: true, ...(workers !== undefined ? { workers } : {}) };
}

/** `?mapper-workers=N` (1 to 8), else undefined: the worker decides from the core count. */
export function workersFromUrl(search = globalThis.location?.search ?? ''): number | undefined {
  const value = Number(new URLSearchParams(search).get('mapper-workers') ?? NaN);
  return Number.isInteger(value) && value >= 1 && value <= 8 ? value : undefined;
}

/** Runs the mapper once with progress events going into the store; null when cancelled or stale. */
async function mapWithProgress(store: ExplorerStore, env: RunEnv, design: DesignFiles, options: MapRunOptions): Promise<CallOutcome<MapDesignResult> | null> {
  store.getState().startMapping();
  const outcome = await env.client.mapDesign(design, options, (event) => store.getState().applyMapEvent(event));
  if (outcome.status === 'stale' || outcome.status === 'cancelled') return null;
  if (outcome.status === 'crashed' || outcome.status === 'failed') {
    store.getState().addNotice(`Mapper failed: ${outcome.message}`);
    store.getState().setRunStatus('failed');
    return null;
  }
  return outcome;
}

/** Stores a finished run's front (every point can be opened) or its errors. */
function storeMapped(store: ExplorerStore, design: DesignFiles, mapped: MapDesignResult, comparison?: { fused: RunSummary; unfused: RunSummary }, unfused = false): void {
  const actions = store.getState();
  if (mapped.evaluation === null) {
    actions.setRunOutcome({ results: null, errors: mapped.errors, message: MAP_FAILED_MESSAGE });
    actions.setRunStatus('failed');
    return;
  }
  const points = pointsFromMapping(mapped);
  const defaultIndex = Math.max(0, Math.min(mapped.bestIndex, points.length - 1));
  actions.setRunOutcome({ results: { source: 'mapper', points, defaultIndex, design, ...(comparison ? { comparison } : {}), ...(unfused ? { unfused } : {}) }, errors: [], message: null });
  const { stats } = mapped;
  if (stats) actions.addNotice(`Mapper: ${stats.templates} templates, ${stats.evaluated} tile shapes evaluated in ${stats.seconds.toFixed(1)} s; ${points.length} Pareto point${points.length === 1 ? '' : 's'}.`);
  // The finished run's counts stay readable in the progress drop-down.
  actions.setRunStatus('idle', actions.progress);
}

/** Maps the current design with the mapper settings of the store; `unfused` keeps every tensor in the outermost memory. */
export async function runMapper(store: ExplorerStore, env: RunEnv, unfused = false): Promise<void> {
  const design = buildDesign(store.getState(), env.bundled, env.examples);
  const outcome = await mapWithProgress(store, env, design, { ...mapperOptions(store), ...(unfused ? { unfused: true } : {}) });
  if (outcome === null || outcome.status !== 'ok') return;
  storeMapped(store, design, outcome.value, undefined, unfused);
}

/** Best energy/latency and the front of one run, for the comparison table. */
export function runSummary(mapped: MapDesignResult): RunSummary {
  const totals = mapped.evaluation?.totals;
  return {
    front: mapped.front.map((p) => ({ energy: p.energy, latency: p.latency })),
    best: totals ? { energy: totals.energy, latency: totals.latency, edp: totals.edp } : null,
    seconds: mapped.stats?.seconds ?? null,
    error: totals ? null : (mapped.errors[0]?.message ?? 'no mapping found'),
  };
}

/**
 * Maps the design fused (the mapper settings) and then unfused (every tensor backed in the
 * outermost memory); the fused run's front becomes the results, both summaries the comparison.
 */
export async function runFusedComparison(store: ExplorerStore, env: RunEnv): Promise<void> {
  const design = buildDesign(store.getState(), env.bundled, env.examples);
  const options = mapperOptions(store);
  const fused = await mapWithProgress(store, env, design, { ...options, unfused: false });
  if (fused === null || fused.status !== 'ok') return;
  const unfused = await mapWithProgress(store, env, design, { ...options, unfused: true });
  if (unfused === null || unfused.status !== 'ok') return;
  const comparison = { fused: runSummary(fused.value), unfused: runSummary(unfused.value) };
  if (fused.value.evaluation !== null) {
    storeMapped(store, design, fused.value, comparison);
    return;
  }
  // Fused failed but unfused may not have: still show the comparison, with the unfused front.
  storeMapped(store, design, unfused.value, comparison);
}
