/** POSIX path helpers, so the engine needs no Node 'path' module. */

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

export function normalizePath(path: string): string {
  const absolute = isAbsolute(path);
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  if (absolute) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

export function joinPath(...parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    out = isAbsolute(part) || out === '' ? part : `${out}/${part}`;
  }
  return normalizePath(out === '' ? '.' : out);
}

export function resolvePath(base: string, path: string): string {
  return isAbsolute(path) ? normalizePath(path) : joinPath(base, path);
}

export function dirname(path: string): string {
  const normalized = normalizePath(path);
  const slash = normalized.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return normalized.slice(0, slash);
}

export function basename(path: string): string {
  const normalized = normalizePath(path);
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

/** Shell-style glob of one path segment: `*`, `?` and `[abc]`. */
export function globSegmentToRegExp(segment: string): RegExp {
  let source = '';
  for (const ch of segment) {
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[' || ch === ']') source += ch;
    else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function hasGlobMagic(path: string): boolean {
  return /[*?[]/.test(path);
}
