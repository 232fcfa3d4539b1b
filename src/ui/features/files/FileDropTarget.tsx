/**
 * Accepts YAML files dragged from the desktop; each replaces the spec file with the same role.
 * Timeloop inputs among them are converted together into one spec instead.
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import { useExplorerStore } from '../../store/context.js';
import { useEngineClient } from '../run/engine-context.js';
import { looksLikeTimeloop } from '../timeloop/detect.js';
import { importTimeloop } from '../timeloop/import-timeloop.js';
import { isYamlFileName, planDrop } from './spec-role.js';

export function FileDropTarget(props: { children: ReactNode }) {
  const store = useExplorerStore();
  const client = useEngineClient();
  const [over, setOver] = useState(false);

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = [...event.dataTransfer.files];
    const timeloop: { path: string; text: string }[] = [];
    for (const file of dropped) {
      if (!isYamlFileName(file.name)) {
        store.getState().addNotice(`Ignored ${file.name}: only .yaml and .yml files can be dropped.`);
        continue;
      }
      const text = await file.text();
      if (looksLikeTimeloop(text)) {
        timeloop.push({ path: file.name, text });
        continue;
      }
      const { specFiles, files, replaceSpecFile, addFile } = store.getState();
      const plan = planDrop(file.name, text, specFiles, files);
      if (plan.replace === null) addFile(plan.path, text);
      else replaceSpecFile(plan.replace, plan.path, text);
    }
    await importTimeloop(store, client, timeloop);
  };

  return (
    <div
      className={over ? 'drop-target over' : 'drop-target'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => void onDrop(event)}
    >
      {props.children}
      {over ? <div className="drop-hint">Drop YAML files (AccelForge or Timeloop) to load them</div> : null}
    </div>
  );
}
