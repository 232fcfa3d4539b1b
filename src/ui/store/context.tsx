/** React access to the store: one store per app instance, provided at the root. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ExplorerState } from './state.js';
import type { ExplorerStore } from './store.js';

const StoreContext = createContext<ExplorerStore | null>(null);

export function ExplorerProvider(props: { store: ExplorerStore; children: ReactNode }) {
  return <StoreContext.Provider value={props.store}>{props.children}</StoreContext.Provider>;
}

export function useExplorerStore(): ExplorerStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useExplorer used outside <ExplorerProvider>');
  return store;
}

/** Subscribes to a slice of state; object/array results are compared shallowly. */
export function useExplorer<T>(selector: (state: ExplorerState) => T): T {
  return useStore(useExplorerStore(), useShallow(selector));
}
