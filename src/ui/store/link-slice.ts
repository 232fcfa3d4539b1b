/** What keeps links from destroying work: recent designs, the autosave's health, a link's pending mapper run. */
import type { ResultSet } from '../features/results/points.js';
import { findLinkPoint, type LinkPoint } from '../share/point-ref.js';
import type { RecentDesign } from './recent-designs.js';
import type { StoreSlice } from './slice.js';

/** How a link's selected point was computed; the page offers to run it again, never runs it by itself. */
export type LinkRun = 'mapper' | 'mapper-unfused';

export interface LinkData {
  /** Designs put aside when a link or a restore replaced them, newest first. */
  recentDesigns: readonly RecentDesign[];
  /** Why the last autosave failed (storage full or blocked); null while saving works. */
  autosaveProblem: string | null;
  /** The opened link selected a point of this kind of run; results are not in links. */
  linkRun: LinkRun | null;
  /** The opened link's mapper point, found by its key in the next mapper run's front. */
  linkPoint: LinkPoint | null;
}

export interface LinkActions {
  setRecentDesigns(designs: readonly RecentDesign[]): void;
  /** Records an autosave outcome; a new problem also becomes a notice. */
  setAutosaveProblem(problem: string | null): void;
  clearLinkRun(): void;
}

export const DEFAULT_LINK: LinkData = { recentDesigns: [], autosaveProblem: null, linkRun: null, linkPoint: null };

/** The selection once a run's results arrive, and what the user should know about a link's point. */
export interface PointAfterRun {
  readonly selectedPoint: number | null;
  readonly linkPoint: LinkPoint | null;
  readonly notice: string | null;
}

/**
 * A mapper run's front answers a link's pending point (by key, else the nearest point, with a
 * notice); otherwise a selection survives only if the new results still have that index.
 */
export function pointAfterRun(state: Pick<LinkData, 'linkPoint'> & { selectedPoint: number | null }, results: ResultSet | null): PointAfterRun {
  const { selectedPoint, linkPoint } = state;
  if (results === null) return { selectedPoint: null, linkPoint, notice: null };
  if (linkPoint !== null && results.source === 'mapper') {
    const found = findLinkPoint(results.points, linkPoint);
    return { selectedPoint: found.index, linkPoint: null, notice: found.notice };
  }
  const kept = selectedPoint !== null && selectedPoint < results.points.length ? selectedPoint : null;
  return { selectedPoint: kept, linkPoint, notice: null };
}

export const createLinkSlice: StoreSlice<LinkActions> = (set, get) => ({
  setRecentDesigns: (designs) => set({ recentDesigns: designs }),
  setAutosaveProblem: (problem) => {
    if (problem === get().autosaveProblem) return;
    set({ autosaveProblem: problem });
    if (problem !== null) get().addNotice(problem);
  },
  clearLinkRun: () => set({ linkRun: null }),
});
