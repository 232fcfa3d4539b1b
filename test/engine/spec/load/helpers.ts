import { expect } from 'vitest';
import type { SpecError } from '../../../../src/engine/base/errors.js';
import { MemoryFileSystem } from '../../../../src/engine/io/memory-file-system.js';
import { loadSpecFiles, type LoadedSpec, type LoadOptions } from '../../../../src/engine/spec/load/index.js';

/** Loads `main.yaml` (or `paths`) from an in-memory tree rooted at /spec. */
export function loadMemory(
  files: Record<string, string>,
  options: Partial<LoadOptions> & { paths?: string[] } = {},
): ReturnType<typeof loadSpecFiles> {
  const fs = new MemoryFileSystem(files, '/spec');
  return loadSpecFiles(options.paths ?? ['main.yaml'], { fs, ...options });
}

export function loadOk(files: Record<string, string>, options: Partial<LoadOptions> & { paths?: string[] } = {}): LoadedSpec {
  const result = loadMemory(files, options);
  if (!result.ok) throw new Error(`expected success, got: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export function loadError(files: Record<string, string>, options: Partial<LoadOptions> & { paths?: string[] } = {}): SpecError {
  const result = loadMemory(files, options);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}

/** The rendered+parsed root of a single-file spec. */
export function rootOf(text: string, jinjaData: Record<string, unknown> = {}): Record<string, unknown> {
  return loadOk({ 'main.yaml': text }, { jinjaData }).root;
}
