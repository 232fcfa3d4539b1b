/** Tag errors point at the tag itself, whatever stands between it and the mapping it tags. */
import { describe, expect, it } from 'vitest';
import { checkSpec, MemoryFileSystem } from '../../../src/engine/index.js';

function firstError(text: string) {
  const result = checkSpec({ fs: new MemoryFileSystem({ '/spec.yaml': text }), specFiles: ['/spec.yaml'], variables: {} });
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors[0]!;
}

describe('tag positions', () => {
  it.each([
    ['a block mapping', 'arch:\n  nodes:\n  - !Memroy\n    name: Buf\n    size: 8\n', 3, 5],
    ['an anchored block mapping', 'arch:\n  nodes:\n  - !Memroy &buf\n    name: Buf\n    size: 8\n', 3, 5],
    ['a commented block mapping', 'arch:\n  nodes:\n  - !Memroy   # the buffer\n    name: Buf\n    size: 8\n', 3, 5],
    ['a tag on its own line', 'arch:\n  nodes:\n  -\n    !Memroy\n    name: Buf\n    size: 8\n', 4, 5],
    ['a flow mapping', 'arch:\n  nodes:\n  - !Memroy {name: Buf, size: 8}\n', 3, 5],
    ['a tag on a scalar', 'arch:\n  nodes:\n  - !Memory\n    name: Buf\n    size: !Memory 8\n', 5, 11],
  ])('%s', (_what, text, line, col) => {
    const error = firstError(text);
    expect(error.message).toMatch(/Memroy|!Memory/);
    expect(error.pos).toMatchObject({ line, col });
  });
});
