/** The corpus as a whole: big enough, every category present, names unique, known failures real. */
import { describe, expect, it } from 'vitest';
import { CORPUS } from './cases/index.js';
import { KNOWN_FAILURES } from './cases/known-failures.js';
import { buildCase } from './harness/build-job.js';

const all = Object.values(CORPUS).flat();

describe('fuzz corpus', () => {
  it('holds at least 150 cases, at least 10 per category', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    for (const [category, cases] of Object.entries(CORPUS)) expect(cases.length, category).toBeGreaterThanOrEqual(10);
  });

  it('names every case uniquely', () => {
    const names = all.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists only existing cases as known failures, each with its cause', () => {
    const names = new Set(all.map((c) => c.name));
    for (const [name, cause] of Object.entries(KNOWN_FAILURES)) {
      expect(names.has(name), name).toBe(true);
      expect(cause.length).toBeGreaterThan(10);
    }
  });

  it('builds every case: each mutation finds its text and each error its position', () => {
    for (const fuzzCase of all) expect(() => buildCase(fuzzCase, { $OUTSIDE: '/tmp/outside', $CANARY: 'C' }), fuzzCase.name).not.toThrow();
  });
});
