/** AccelForge's file lookup: the current file's directory first, then the include dirs. */
import type { FileSystem } from '../../io/file-system.js';
import { globSegmentToRegExp, hasGlobMagic, isAbsolute, joinPath, normalizePath } from '../../io/paths.js';

/** All existing paths matching an absolute pattern whose segments may hold `*`, `?`, `[..]`. */
export function globPaths(fs: FileSystem, pattern: string): string[] {
  const normalized = normalizePath(pattern);
  if (!hasGlobMagic(normalized)) return fs.exists(normalized) ? [normalized] : [];
  // Walk from the folder above the first glob segment: a confined file system refuses the
  // folders above a design's root, which a walk from `/` would visit.
  const segments = normalized.split('/').filter((s) => s !== '');
  const firstMagic = segments.findIndex(hasGlobMagic);
  let current = [`/${segments.slice(0, firstMagic).join('/')}`];
  for (const segment of segments.slice(firstMagic)) {
    const next: string[] = [];
    for (const dir of current) {
      if (!hasGlobMagic(segment)) {
        const candidate = joinPath(dir, segment);
        if (fs.exists(candidate)) next.push(candidate);
        continue;
      }
      if (!fs.isDirectory(dir)) continue;
      const re = globSegmentToRegExp(segment);
      for (const name of fs.list(dir)) if (re.test(name)) next.push(joinPath(dir, name));
    }
    current = next;
  }
  return current;
}

function candidates(path: string, currentDir: string, includeDirs: readonly string[]): string[] {
  if (isAbsolute(path)) return [normalizePath(path)];
  return [currentDir, ...includeDirs].map((dir) => joinPath(dir, path));
}

export interface PathSearch {
  found: string[];
  searched: string[];
}

/** First existing candidate (no globbing), as a real path. */
export function findPath(fs: FileSystem, path: string, currentDir: string, includeDirs: readonly string[]): PathSearch {
  const searched = candidates(path, currentDir, includeDirs);
  const hit = searched.find((candidate) => fs.exists(candidate));
  return { found: hit ? [fs.realPath(hit)] : [], searched };
}

/** Glob matches in every candidate directory, deduplicated by real path. */
export function findPaths(fs: FileSystem, path: string, currentDir: string, includeDirs: readonly string[]): PathSearch {
  const searched = candidates(path, currentDir, includeDirs);
  const found: string[] = [];
  for (const candidate of searched) {
    for (const match of globPaths(fs, candidate)) {
      const real = fs.realPath(match);
      if (!found.includes(real)) found.push(real);
    }
  }
  return { found, searched };
}
