/** File tabs over the spec editor; the last tab holds the mapper settings form. */
import { useMemo } from 'react';
import { SpecEditor } from '../../editor/SpecEditor.js';
import { normalizeFilePath } from '../../editor/markers.js';
import { useExplorer } from '../../store/context.js';
import { MAPPER_TAB } from '../../store/spec-slice.js';
import { Tabs, type TabItem } from '../../widgets/Tabs.js';
import { FileDropTarget } from '../files/FileDropTarget.js';
import { baseName, detectSpecRole } from '../files/spec-role.js';
import { MapperSettingsForm } from '../mapper-settings/MapperSettingsForm.js';

export function EditorPanel() {
  const { specFiles, files, checkErrors, activeFile, setActiveFile } = useExplorer((s) => ({
    specFiles: s.specFiles,
    files: s.files,
    checkErrors: s.checkErrors,
    activeFile: s.activeFile,
    setActiveFile: s.setActiveFile,
  }));
  const tabs = useMemo(
    () => fileTabs(specFiles, files, checkErrors.map((e) => e.pos?.file ?? '')),
    [specFiles, files, checkErrors],
  );
  const items: TabItem[] = [...tabs, { id: MAPPER_TAB, label: 'mapper settings' }];
  const showForm = activeFile === MAPPER_TAB || !tabs.some((t) => t.id === activeFile);
  return (
    <FileDropTarget>
      <div className="editor-panel">
        <Tabs items={items} active={showForm ? MAPPER_TAB : activeFile} onSelect={setActiveFile} label="Spec files" />
        <SpecEditor hidden={showForm} />
        {showForm ? <MapperSettingsForm /> : null}
      </div>
    </FileDropTarget>
  );
}

function fileTabs(specFiles: readonly string[], files: Readonly<Record<string, string>>, errorFiles: string[]): TabItem[] {
  const counts = new Map<string, number>();
  for (const file of errorFiles) counts.set(normalizeFilePath(file), (counts.get(normalizeFilePath(file)) ?? 0) + 1);
  return specFiles.map((path) => {
    const role = detectSpecRole(files[path] ?? '');
    return {
      id: path,
      label: role === 'other' ? baseName(path) : `${role} · ${baseName(path)}`,
      title: path,
      badge: counts.get(path) ?? 0,
    };
  });
}
