/**
 * Every example of the library renders to the same text as the committed golden files
 * (test/fixtures/load/example-renders), position markers included. Regenerate them with
 * `UPDATE_RENDERS=1 npx vitest run test/engine/spec/load/example-renders.test.ts` and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { caseFileName, libraryRenderCases, renderCase } from './example-renders.js';

const capture = vi.hoisted((): string[] => []);

vi.mock('../../../../src/engine/spec/load/render-file.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/engine/spec/load/render-file.js')>();
  return {
    ...original,
    renderFile: (...args: Parameters<typeof original.renderFile>) => {
      const text = original.renderFile(...args);
      capture.push(text);
      return text;
    },
  };
});

const GOLDEN = join(import.meta.dirname, '../../../fixtures/load/example-renders');
const update = process.env.UPDATE_RENDERS === '1';

describe('example library renders', () => {
  const cases = libraryRenderCases();

  it('covers every example preset and the Jinja fixtures', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, test) => {
    const text = renderCase(test, capture);
    const file = join(GOLDEN, caseFileName(test));
    if (update) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, text);
      return;
    }
    expect(existsSync(file), `missing golden file ${file}`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
