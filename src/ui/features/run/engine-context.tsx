/** Makes the engine client available to panels (run buttons, cancel). */
import { createContext, useContext, type ReactNode } from 'react';
import type { EngineClient } from '../../../worker/client.js';

const EngineContext = createContext<EngineClient | null>(null);

export function EngineProvider(props: { client: EngineClient; children: ReactNode }) {
  return <EngineContext.Provider value={props.client}>{props.children}</EngineContext.Provider>;
}

export function useEngineClient(): EngineClient {
  const client = useContext(EngineContext);
  if (client === null) throw new Error('useEngineClient used outside <EngineProvider>');
  return client;
}
