/** The link length check agrees with lz-string on real texts and refuses decompression bombs without building them. */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { measureLzUriLength } from '../../src/ui/share/lz-length.js';
import { repeatedCharBomb } from './lz-bomb.js';

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomText(next: () => number, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(next() * alphabet.length));
  return out;
}

describe('measureLzUriLength', () => {
  it('gives lz-string\'s exact length for random and real texts', () => {
    const next = random(7);
    const texts = [
      '',
      'a',
      readFileSync('src/examples/arches/simple.yaml', 'utf8'),
      readFileSync('test/share/v1.link.txt', 'utf8'),
      'ab'.repeat(5000),
      ...Array.from({ length: 40 }, (_, i) => randomText(next, 1 + Math.floor(next() * 3000), i % 2 === 0 ? 'ab{}: \n' : 'αβγ€𝄞abcdefghijklmnopqrstuvwxyz0123456789 \n')),
    ];
    for (const text of texts) {
      const body = compressToEncodedURIComponent(text);
      expect(decompressFromEncodedURIComponent(body)).toBe(text);
      expect(measureLzUriLength(body, 1e9)).toEqual({ kind: 'ok', length: text.length });
    }
  });

  it('stops at the cap: one over is too long, exactly at it is fine', () => {
    const body = compressToEncodedURIComponent('x'.repeat(10_000));
    expect(measureLzUriLength(body, 10_000)).toEqual({ kind: 'ok', length: 10_000 });
    expect(measureLzUriLength(body, 9_999)).toEqual({ kind: 'too-long' });
  });

  it('reads a hand-written repeated-character stream as lz-string does', () => {
    const small = repeatedCharBomb(300);
    expect(decompressFromEncodedURIComponent(small.body)).toBe('a'.repeat(small.length));
    expect(measureLzUriLength(small.body, 1e9)).toEqual({ kind: 'ok', length: small.length });
  });

  it('refuses a ~30 KB link that would expand to 100 MB, quickly and without building it', () => {
    const bomb = repeatedCharBomb(14_200);
    expect(bomb.length).toBeGreaterThan(100_000_000);
    expect(bomb.body.length).toBeLessThan(40_000);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(measureLzUriLength(bomb.body, 4_000_000)).toEqual({ kind: 'too-long' });
    // Generous "does not hang / does not build it" guards, not speed goals.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(20_000_000);
  });

  it('calls truncated or foreign text damaged where lz-string cannot decode it', () => {
    const body = compressToEncodedURIComponent('{"v":1,"files":{"a.yaml":"x: 1"}}');
    expect(decompressFromEncodedURIComponent(body.slice(0, 5))).toBeFalsy();
    expect(measureLzUriLength(body.slice(0, 5), 1e6)).toEqual({ kind: 'damaged' });
    expect(measureLzUriLength('////', 1e6).kind).not.toBe('ok');
  });
});
