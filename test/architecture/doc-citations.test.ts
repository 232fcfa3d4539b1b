/**
 * Code cites only the project's own docs: every `docs/X.md` a source, test, script or bench file
 * names exists, every `§N` it cites is a numbered heading of that doc (or of an issue, `issue 13
 * §7`), every `docs/X.md, "Title"` is a heading there, and nothing points at notes outside the
 * repository (`../shared/docs/...`), which a clone cannot read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DOCS = join(ROOT, 'docs');
const SCANNED = ['src', 'test', 'scripts', 'bench'];
/** Fixtures are copies of other projects' files; this file holds bad citations on purpose. */
const SKIPPED = [join(ROOT, 'test/fixtures'), join(ROOT, 'test/architecture/doc-citations.test.ts')];
const CODE = /\.(ts|tsx|js|mjs|cjs|py|sh)$/;

function codeFiles(dir: string): string[] {
  if (SKIPPED.includes(dir) || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (SKIPPED.includes(path) || entry.name === 'node_modules') return [];
    if (entry.isDirectory()) return codeFiles(path);
    return CODE.test(entry.name) ? [path] : [];
  });
}

interface Doc {
  /** Section numbers of the numbered headings (`## 5.`, `### 5.5 ...` give 5 and 5.5). */
  readonly sections: ReadonlySet<string>;
  readonly headings: readonly string[];
}

function readDoc(name: string): Doc | null {
  const path = join(DOCS, name);
  if (!existsSync(path)) return null;
  const headings = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, ''));
  const sections = new Set(headings.flatMap((h) => /^(\d+(?:\.\d+)*)[. ]/.exec(h)?.[1] ?? []));
  return { sections, headings };
}

const SECTION = String.raw`\d+(?:\.\d+)*(?:[-–]\d+(?:\.\d+)*)?`;
const CITATION = new RegExp(String.raw`(docs/[\w-]+\.md|issue \d+) (§${SECTION}(?:, §${SECTION})*)`, 'g');
const TITLED = /(docs\/[\w-]+\.md), "([^"]+)"/g;
const DOC_PATH = /(?<![\w/.-])docs\/([\w-]+\.md)\b/g;
const BARE_DOC = /(?<![\w/.<-])([\w-]+\.md)\b/g;

/**
 * Problems with the citations in one file's text. Comment lines are joined first, so a citation
 * broken across lines (`issue 13\n * §7`) reads as one.
 */
export function citationProblems(text: string, docOf: (name: string) => Doc | null = readDoc): string[] {
  const joined = text.replace(/\n[ \t]*(?:\*(?!\/)|\/\/|#)[ \t]?/g, ' ');
  const problems: string[] = [];
  // Reference data under ../shared (AccelForge's examples, the Timeloop corpus) is optional input
  // that tests skip without; a document there is a citation a clone cannot follow.
  if (/shared\/docs\/|shared\/[\w./-]*\.md\b/.test(joined)) problems.push('points outside the repository (shared/docs)');
  for (const [, name] of joined.matchAll(DOC_PATH)) {
    if (!docOf(name!)) problems.push(`docs/${name} does not exist`);
  }
  for (const [, name] of joined.matchAll(BARE_DOC)) {
    if (name !== 'README.md' && !docOf(name!)) problems.push(`${name} is not a doc in docs/`);
  }
  for (const [, path, title] of joined.matchAll(TITLED)) {
    const doc = docOf(path!.slice('docs/'.length));
    if (doc && !doc.headings.some((h) => h.includes(title!))) problems.push(`${path} has no heading "${title}"`);
  }
  let rest = joined;
  for (const match of joined.matchAll(CITATION)) {
    rest = rest.replace(match[0], '');
    if (match[1]!.startsWith('issue')) continue;
    const doc = docOf(match[1]!.slice('docs/'.length));
    const cited = match[2]!.match(/\d+(?:\.\d+)*/g) ?? [];
    for (const section of cited) {
      if (doc && !doc.sections.has(section)) problems.push(`${match[1]} has no section §${section}`);
    }
  }
  const orphans = rest.match(/.{0,40}§\S*/g) ?? [];
  for (const orphan of orphans) problems.push(`a § that names no in-repo doc: "${orphan.trim()}"`);
  return problems;
}

describe('doc citations', () => {
  it('checks real citations (the checker itself)', () => {
    expect(citationProblems('// see docs/model.md §2.4 and docs/mapper.md §5.5')).toEqual([]);
    expect(citationProblems('/** (docs/spec-format.md §5.7, §5.8) and docs/mapper.md §2.5–2.7 */')).toEqual([]);
    expect(citationProblems('/** issue 13\n * §7, docs/model.md, "Copy Einsums" */')).toEqual([]);
    expect(citationProblems('// ../shared/docs/mapper.md §7.4')).toContain('points outside the repository (shared/docs)');
    expect(citationProblems('// see /work/shared/notes/model.md')).toContain('points outside the repository (shared/docs)');
    expect(citationProblems('// mapper.md §5.5')).toContain('a § that names no in-repo doc: "// mapper.md §5.5"');
    expect(citationProblems('// spec-format §4.7')).toContain('a § that names no in-repo doc: "// spec-format §4.7"');
    expect(citationProblems('// (§4.7)')).toContain('a § that names no in-repo doc: "// (§4.7)"');
    expect(citationProblems('// docs/model.md §99')).toEqual(['docs/model.md has no section §99']);
    expect(citationProblems('// docs/mapper.md §2.5–2.99')).toEqual(['docs/mapper.md has no section §2.99']);
    expect(citationProblems('// docs/nowhere.md')).toEqual(['docs/nowhere.md does not exist']);
    expect(citationProblems('// timeloop-format.md')).toEqual(['timeloop-format.md is not a doc in docs/']);
    expect(citationProblems('// docs/model.md, "No Such Section"')).toEqual(['docs/model.md has no heading "No Such Section"']);
  });

  it('finds the docs and the files', () => {
    expect(readDoc('model.md')?.sections.has('10.2')).toBe(true);
    expect(readDoc('mapper.md')?.sections.has('5.5')).toBe(true);
    expect(readDoc('spec-format.md')?.sections.has('7.2')).toBe(true);
    expect(SCANNED.flatMap((dir) => codeFiles(join(ROOT, dir))).length).toBeGreaterThan(300);
  });

  it.each(SCANNED)('every citation in %s/ names an in-repo doc and one of its sections', (dir) => {
    const problems = codeFiles(join(ROOT, dir)).flatMap((file) =>
      citationProblems(readFileSync(file, 'utf8')).map((p) => `${relative(ROOT, file)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});
