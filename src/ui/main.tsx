/** React root. */
import '../worker/jitless-zod.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { startExplorer } from './bootstrap.js';
import { EngineProvider } from './features/run/engine-context.js';
import { ExplorerProvider } from './store/context.js';
import './styles.css';

const { store, client } = startExplorer();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ExplorerProvider store={store}>
      <EngineProvider client={client}>
        <App />
      </EngineProvider>
    </ExplorerProvider>
  </StrictMode>,
);
