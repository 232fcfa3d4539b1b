/**
 * One vitest suite per corpus file: every case is its own test, run in the child process under
 * the per-case time limit. Cases listed in KNOWN_FAILURES run as `it.fails` until their cause is
 * fixed; the list names each cause, so a fix that lands makes the `it.fails` fail and be flipped.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_FAILURES } from '../cases/known-failures.js';
import { buildCase } from './build-job.js';
import type { FuzzCase } from './case-types.js';
import { CANARY, classify } from './classify.js';
import { CaseRunner } from './run-pool.js';

export function defineCorpus(title: string, cases: readonly FuzzCase[]): void {
  describe(`fuzz corpus: ${title}`, () => {
    const temp = mkdtempSync(join(tmpdir(), 'fuzz-'));
    const outside = join(temp, 'outside');
    const runner = new CaseRunner({ FUZZ_DESIGN_ROOT: join(temp, 'design') });
    const placeholders = { $OUTSIDE: outside, $CANARY: CANARY };

    beforeAll(() => {
      mkdirSync(outside, { recursive: true });
      // No newline, so the text fits inside a YAML scalar when a read is (rightly) allowed.
      writeFileSync(join(outside, 'canary.txt'), CANARY);
      writeFileSync(join(outside, 'canary.yaml'), `workload:\n  einsums:\n  - name: ${CANARY}\n`);
      // A listing of the outside folder (find_paths) would reveal this name.
      writeFileSync(join(outside, `${CANARY}.yaml`), 'x: 1\n');
    });
    afterAll(() => {
      runner.stop();
      rmSync(temp, { recursive: true, force: true });
    });

    for (const fuzzCase of cases) {
      // FUZZ_STRICT=1 runs known failures as plain tests, to see which ones a fix has cleared.
      const cause = process.env.FUZZ_STRICT ? undefined : KNOWN_FAILURES[fuzzCase.name];
      const test = cause ? it.fails : it;
      test(fuzzCase.name, async () => {
        const built = buildCase(fuzzCase, placeholders);
        const outcome = await runner.run(built.job);
        const problems = classify(fuzzCase, built, outcome);
        expect(problems, problems.join('\n')).toEqual([]);
      });
    }
  });
}
