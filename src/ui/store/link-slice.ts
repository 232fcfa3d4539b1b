/** What keeps links from destroying work: recent designs, the autosave's health, a link's pending mapper run. */
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
}

export interface LinkActions {
  setRecentDesigns(designs: readonly RecentDesign[]): void;
  /** Records an autosave outcome; a new problem also becomes a notice. */
  setAutosaveProblem(problem: string | null): void;
  clearLinkRun(): void;
}

export const DEFAULT_LINK: LinkData = { recentDesigns: [], autosaveProblem: null, linkRun: null };

export const createLinkSlice: StoreSlice<LinkActions> = (set, get) => ({
  setRecentDesigns: (designs) => set({ recentDesigns: designs }),
  setAutosaveProblem: (problem) => {
    if (problem === get().autosaveProblem) return;
    set({ autosaveProblem: problem });
    if (problem !== null) get().addNotice(problem);
  },
  clearLinkRun: () => set({ linkRun: null }),
});
