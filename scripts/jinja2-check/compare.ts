/**
 * Cross-checks our template renderer against Python's Jinja2 on the example library: every case
 * of test/engine/spec/load/example-renders.ts whose load succeeds must render its top-level file
 * to the same text (markers removed) as Jinja2 does. Needs `python3 -c "import jinja2"`.
 * Run: npx tsx scripts/jinja2-check/compare.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseFileName, libraryRenderCases } from '../../test/engine/spec/load/example-renders.js';

const GOLDEN = join(import.meta.dirname, '../../test/fixtures/load/example-renders');

/** The last render of a successful load in a golden file (the top-level file), markers removed. */
function ourTopLevelText(golden: string): string | undefined {
  if (!golden.endsWith('--- ok\n')) return undefined;
  const renders = golden.slice(0, -'--- ok\n'.length).split(/--- render \d+\n/);
  return renders[renders.length - 1]!.replace(/«[^»]*»/g, '').slice(0, -1);
}

// Caller-passed functions cannot cross to Python; those cases are left out.
const cases = libraryRenderCases().filter((c) => !Object.values(c.data).some((v) => typeof v === 'function'));
const input = JSON.stringify(cases.map((c) => ({ name: c.name, path: join(c.root, c.path), data: c.data })));
const output = execFileSync('python3', [join(import.meta.dirname, 'render-with-jinja2.py')], { input, encoding: 'utf8' });
const jinja2 = new Map(output.trim().split('\n').map((line) => {
  const row = JSON.parse(line) as { name: string; text?: string; error?: string };
  return [row.name, row] as const;
}));

let same = 0;
let different = 0;
for (const test of cases) {
  const ours = ourTopLevelText(readFileSync(join(GOLDEN, caseFileName(test)), 'utf8'));
  const theirs = jinja2.get(test.name);
  if (ours === undefined || theirs?.text === undefined) continue;
  if (ours === theirs.text) same++;
  else {
    different++;
    console.log(`DIFFERENT: ${test.name}`);
  }
}
console.log(`${same} same, ${different} different (cases whose load fails are not compared)`);
process.exitCode = different > 0 ? 1 : 0;
