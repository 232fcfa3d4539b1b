/** "Import Timeloop": pick architecture, problem and mapping files; they are converted together. */
import { useRef } from 'react';
import { useExplorerStore } from '../../store/context.js';
import { useEngineClient } from '../run/engine-context.js';
import { importTimeloop, readTimeloopFiles } from './import-timeloop.js';

export function ImportTimeloopButton() {
  const store = useExplorerStore();
  const client = useEngineClient();
  const input = useRef<HTMLInputElement>(null);
  const onPicked = async (list: FileList | null) => {
    const files = await readTimeloopFiles([...(list ?? [])]);
    if (input.current) input.current.value = '';
    await importTimeloop(store, client, files);
  };
  return (
    <>
      <button
        type="button"
        data-testid="import-timeloop"
        title="Convert Timeloop architecture, problem, mapping and constraint files into an AccelForge spec"
        onClick={() => input.current?.click()}
      >
        Import Timeloop
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".yaml,.yml"
        hidden
        data-testid="import-timeloop-input"
        onChange={(event) => void onPicked(event.target.files)}
      />
    </>
  );
}
