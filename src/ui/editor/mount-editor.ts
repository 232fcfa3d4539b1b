/**
 * Binds a Monaco editor to the store: one model per spec file, edits flow into the store, store
 * changes (example switch, dropped file, restored link) flow into the models, and check errors
 * become markers on the right model.
 */
import type { ExplorerState } from '../store/state.js';
import type { ExplorerStore } from '../store/store.js';
import { registerAssistProviders, type AssistSource } from './assist-providers.js';
import { specErrorsToMarkers } from './markers.js';
import type { Monaco } from './monaco.js';

type Editor = ReturnType<Monaco['editor']['create']>;
type Model = NonNullable<ReturnType<Editor['getModel']>>;

export const MARKER_OWNER = 'accelforge';

function modelUri(monaco: Monaco, path: string) {
  return monaco.Uri.from({ scheme: 'inmemory', authority: 'design', path: `/${path}` });
}

/** `assist` answers hovers and completions; without it the editor has neither. */
export function mountEditor(monaco: Monaco, host: HTMLElement, store: ExplorerStore, assist?: AssistSource): () => void {
  const providers = assist ? registerAssistProviders(monaco, assist) : null;
  const editor = monaco.editor.create(host, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    tabSize: 2,
    insertSpaces: true,
    scrollBeyondLastLine: false,
    renderWhitespace: 'none',
    glyphMargin: true,
    fixedOverflowWidgets: true,
  });
  const models = new Map<string, Model>();
  const viewStates = new Map<string, ReturnType<Editor['saveViewState']>>();

  const syncModels = (state: ExplorerState) => {
    for (const [path, text] of Object.entries(state.files)) {
      const model = models.get(path);
      if (model === undefined) {
        const created = monaco.editor.createModel(text, 'yaml', modelUri(monaco, path));
        created.onDidChangeContent(() => {
          const value = created.getValue();
          if (store.getState().files[path] !== value) store.getState().setFileText(path, value);
        });
        models.set(path, created);
      } else if (model.getValue() !== text) {
        // Its own undo step: one Ctrl+Z reverts this change alone, never the user's typing with it.
        model.pushStackElement();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        model.pushStackElement();
      }
    }
    for (const [path, model] of models) {
      if (state.files[path] !== undefined) continue;
      model.dispose();
      models.delete(path);
    }
  };

  const showActive = (state: ExplorerState) => {
    const model = models.get(state.activeFile);
    const current = editor.getModel();
    if (model === undefined || model === current) return;
    const currentPath = [...models].find(([, m]) => m === current)?.[0];
    if (currentPath !== undefined) viewStates.set(currentPath, editor.saveViewState());
    editor.setModel(model);
    const saved = viewStates.get(state.activeFile);
    if (saved) editor.restoreViewState(saved);
  };

  const applyMarkers = (state: ExplorerState) => {
    for (const [path, model] of models) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, specErrorsToMarkers([...state.checkErrors, ...state.runErrors], path, model.getValue()));
    }
  };

  const reveal = (state: ExplorerState) => {
    const target = state.editorReveal;
    if (target === null || !models.has(target.file)) return;
    showActive(state);
    editor.revealLineInCenter(target.line);
    editor.setPosition({ lineNumber: target.line, column: target.col });
    editor.focus();
  };

  const initial = store.getState();
  syncModels(initial);
  showActive(initial);
  applyMarkers(initial);
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.files !== prev.files) syncModels(state);
    if (state.activeFile !== prev.activeFile || state.files !== prev.files) showActive(state);
    if (state.checkErrors !== prev.checkErrors || state.runErrors !== prev.runErrors) applyMarkers(state);
    if (state.editorReveal !== prev.editorReveal) reveal(state);
  });
  return () => {
    providers?.dispose();
    unsubscribe();
    editor.dispose();
    for (const model of models.values()) model.dispose();
  };
}
