/**
 * Monaco hover and completion for spec YAML, answered by the engine worker's 'assist' lane so
 * typing never waits on it. Each request waits a moment first and is dropped once Monaco cancels it.
 */
import type { AssistCompletion, AssistItem } from '../../engine/index.js';
import type { AssistCursor, CallOutcome } from '../../worker/client.js';
import type { Monaco } from './monaco.js';

/** The engine calls the providers make (an EngineClient, or a stand-in in tests). */
export interface AssistSource {
  hover(cursor: AssistCursor): Promise<CallOutcome<string | null>>;
  complete(cursor: AssistCursor): Promise<CallOutcome<AssistCompletion>>;
}

/** A cancellation token, structurally Monaco's. */
export interface Cancellable {
  readonly isCancellationRequested: boolean;
}

export const ASSIST_DELAY_MS = 60;

/** Waits `ms`, then says whether the request is still wanted. */
export function stillWanted(token: Cancellable, ms = ASSIST_DELAY_MS): Promise<boolean> {
  return new Promise((resolve) => setTimeout(() => resolve(!token.isCancellationRequested), ms));
}

/** Asks `source` after the delay; null when cancelled, failed or empty. */
export async function askAssist<T>(
  token: Cancellable,
  ask: () => Promise<CallOutcome<T>>,
  ms = ASSIST_DELAY_MS,
): Promise<T | null> {
  if (!(await stillWanted(token, ms))) return null;
  const outcome = await ask();
  if (token.isCancellationRequested || outcome.status !== 'ok') return null;
  return outcome.value;
}

type ItemKinds = Monaco['languages']['CompletionItemKind'];

function itemKind(kinds: ItemKinds, kind: AssistItem['kind']): number {
  switch (kind) {
    case 'field':
      return kinds.Property;
    case 'tag':
      return kinds.TypeParameter;
    case 'class':
      return kinds.Class;
    case 'component':
      return kinds.Module;
    case 'einsum':
      return kinds.Function;
    default:
      return kinds.Variable;
  }
}

/** Registers both providers for 'yaml'; dispose the result to remove them. */
export function registerAssistProviders(monaco: Monaco, source: AssistSource): { dispose(): void } {
  const hover = monaco.languages.registerHoverProvider('yaml', {
    provideHover: async (model, position, token) => {
      const cursor = { text: model.getValue(), line: position.lineNumber, col: position.column };
      const markdown = await askAssist(token, () => source.hover(cursor));
      if (markdown === null) return null;
      const word = model.getWordAtPosition(position);
      const range = word
        ? new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn)
        : new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column);
      return { contents: [{ value: markdown }], range };
    },
  });
  const completion = monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: ['!'],
    provideCompletionItems: async (model, position, _context, token) => {
      const cursor = { text: model.getValue(), line: position.lineNumber, col: position.column };
      const answer = await askAssist(token, () => source.complete(cursor));
      if (answer === null) return { suggestions: [] };
      const range = new monaco.Range(position.lineNumber, answer.from, position.lineNumber, position.column);
      const kinds = monaco.languages.CompletionItemKind;
      const suggestions = answer.items.map((item, i) => ({
        label: item.label,
        kind: itemKind(kinds, item.kind),
        insertText: item.insertText,
        range,
        sortText: String(i).padStart(4, '0'),
        ...(item.detail ? { detail: item.detail } : {}),
        ...(item.documentation ? { documentation: { value: item.documentation } } : {}),
      }));
      return { suggestions };
    },
  });
  return {
    dispose() {
      hover.dispose();
      completion.dispose();
    },
  };
}
