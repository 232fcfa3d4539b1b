/** Converts Timeloop files in the worker and loads the result as the design. */
import type { EngineClient } from '../../../worker/client.js';
import type { TimeloopFile } from '../../../worker/protocol.js';
import type { ExplorerStore } from '../../store/store.js';
import { recentWithShown } from '../../store/sync.js';
import { BUNDLED_FILES } from '../examples/bundle.js';

export const IMPORT_SHOWN_NOTICE = 'Showing the converted Timeloop design. Your previous design is saved in Recent.';

/** Returns true when the converted spec was loaded; the design it replaces goes to Recent. */
export async function importTimeloop(
  store: ExplorerStore,
  client: Pick<EngineClient, 'convertTimeloop'>,
  files: readonly TimeloopFile[],
  bundled: Readonly<Record<string, string>> = BUNDLED_FILES,
): Promise<boolean> {
  if (files.length === 0) return false;
  const outcome = await client.convertTimeloop(files);
  const actions = store.getState();
  if (outcome.status !== 'ok') {
    if (outcome.status === 'crashed' || outcome.status === 'failed') actions.addNotice(`Timeloop import failed: ${outcome.message}`);
    return false;
  }
  const { yaml, report, errors } = outcome.value;
  if (yaml === null || report === null) {
    actions.setImportErrors(errors);
    return false;
  }
  const kept = recentWithShown(store, bundled);
  actions.loadImportedDesign(yaml, { report, sources: files.map((f) => f.path) });
  if (kept !== actions.recentDesigns) {
    actions.setRecentDesigns(kept);
    actions.addNotice(IMPORT_SHOWN_NOTICE);
  }
  return true;
}

/** Reads browser File objects as Timeloop input files, keyed by their names. */
export async function readTimeloopFiles(files: readonly File[]): Promise<TimeloopFile[]> {
  return Promise.all(files.map(async (file) => ({ path: file.webkitRelativePath || file.name, text: await file.text() })));
}
