/**
 * The Ski slope button's work: map the design twice (fused as it is, then unfused) with memory
 * usage as an objective. Runs on the 'run' channel, so the progress strip and Cancel work as for
 * Run mapper; the curves land in the analysis slice, the main results stay as they were.
 */
import type { DesignFiles, MapDesignResult } from '../../../engine/index.js';
import type { ExplorerStore } from '../../store/store.js';
import { pointsFromMapping } from '../results/points.js';
import { buildDesign } from '../run/design.js';
import type { RunEnv } from '../run/evaluate-run.js';
import { SKI_CURVES, type SkiCurve, type SkiCurveKind, type SkiSlopeRun } from './ski-slope-data.js';

/** A finished run as a curve; every front point can be opened later. */
export function skiCurveOf(mapped: MapDesignResult, design: DesignFiles): SkiCurve {
  const points = pointsFromMapping(mapped);
  const failed = mapped.front.length === 0;
  return {
    front: mapped.front.map((p) => ({ energy: p.energy, latency: p.latency, ...(p.usage ? { usage: p.usage } : {}) })),
    results: failed ? null : { source: 'mapper', points, defaultIndex: Math.max(0, mapped.bestIndex), design },
    seconds: mapped.stats?.seconds ?? null,
    error: failed ? (mapped.errors[0]?.message ?? 'the mapper found no mapping') : null,
  };
}

/** Maps one curve; returns the run after it, or null when a newer run or Cancel took over. */
async function mapCurve(store: ExplorerStore, env: RunEnv, run: SkiSlopeRun, kind: SkiCurveKind): Promise<SkiSlopeRun | null> {
  const running: SkiSlopeRun = { ...run, phase: kind };
  store.getState().updateSkiSlope(run, running);
  store.getState().startMapping();
  const options = { metric: 'energy', resourceUsage: true, ...(kind === 'unfused' ? { unfused: true } : {}) } as const;
  const outcome = await env.client.mapDesign(run.design, options, (event) => store.getState().applyMapEvent(event));
  const actions = store.getState();
  if (outcome.status !== 'ok') {
    const failed = outcome.status === 'crashed' || outcome.status === 'failed';
    if (failed) actions.addNotice(`Ski slope (${kind}) failed: ${outcome.message}`);
    actions.updateSkiSlope(running, { ...running, status: failed ? 'failed' : 'cancelled', phase: null });
    if (failed) actions.setRunStatus('failed');
    return null;
  }
  const next: SkiSlopeRun = { ...running, curves: { ...running.curves, [kind]: skiCurveOf(outcome.value, run.design) } };
  actions.updateSkiSlope(running, next);
  return store.getState().skiSlope === next ? next : null;
}

/** Runs both curves of the current design one after the other. */
export async function runSkiSlope(store: ExplorerStore, env: RunEnv): Promise<void> {
  const design = buildDesign(store.getState(), env.bundled, env.examples);
  let run: SkiSlopeRun | null = { status: 'running', phase: null, curves: {}, design };
  store.getState().setSkiSlope(run);
  for (const kind of SKI_CURVES) {
    run = await mapCurve(store, env, run, kind);
    if (run === null) return;
  }
  const actions = store.getState();
  const failed = SKI_CURVES.every((k) => run.curves[k]?.error !== null);
  actions.updateSkiSlope(run, { ...run, status: failed ? 'failed' : 'done', phase: null });
  // The finished run's counts stay readable in the progress drop-down.
  actions.setRunStatus(failed ? 'failed' : 'idle', actions.progress);
}

/**
 * Opens front point `index` of a curve: the curve becomes the results (unless it already is),
 * the point is selected, and the results panel evaluates its mapping on the 'point' channel.
 */
export function openSkiPoint(store: ExplorerStore, curve: SkiCurve, index: number): void {
  const actions = store.getState();
  const wanted = curve.results;
  if (wanted === null) return;
  const current = actions.results;
  const same = current !== null && current.design === wanted.design && current.points.length === wanted.points.length
    && current.points[0]?.mappingYaml === wanted.points[0]?.mappingYaml;
  if (!same) actions.setRunOutcome({ results: wanted, errors: [], message: null });
  actions.selectPoint(index);
}
