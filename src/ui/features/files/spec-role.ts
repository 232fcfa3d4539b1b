/** Which part of a spec a YAML file holds, judged by its top-level keys. */
export type SpecRole = 'arch' | 'workload' | 'mapping' | 'other';

const ROLE_KEYS: readonly (readonly [SpecRole, RegExp])[] = [
  ['arch', /^arch\s*:/m],
  ['workload', /^workload\s*:/m],
  ['mapping', /^mapping\s*:/m],
];

export function detectSpecRole(text: string): SpecRole {
  for (const [role, pattern] of ROLE_KEYS) if (pattern.test(text)) return role;
  return 'other';
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Where a dropped file goes: it replaces the spec file with the same role, else it is added. */
export function planDrop(
  name: string,
  text: string,
  specFiles: readonly string[],
  files: Readonly<Record<string, string>>,
): { replace: string | null; path: string } {
  const role = detectSpecRole(text);
  const sameRole =
    role === 'other' ? undefined : specFiles.find((p) => detectSpecRole(files[p] ?? '') === role);
  const path = `dropped/${baseName(name)}`;
  return { replace: sameRole ?? null, path };
}

export function isYamlFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}
