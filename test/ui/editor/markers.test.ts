import { describe, expect, it } from 'vitest';
import { specError } from '../../../src/engine/base/errors.js';
import { MARKER_SEVERITY_ERROR, specErrorsToMarkers } from '../../../src/ui/editor/markers.js';

const TEXT = ['arch:', '  nodes:', '  - !Memory', '    size: 4096/2', ''].join('\n');

describe('specErrorsToMarkers', () => {
  it('underlines the token at the error position and keeps path and hint', () => {
    const error = specError('arch', 'fanout must be an integer', {
      path: ['arch', 'nodes', 0, 'size'],
      pos: { file: 'arches/simple.yaml', line: 4, col: 11 },
      hint: 'use // for integer division',
    });
    expect(specErrorsToMarkers([error], 'arches/simple.yaml', TEXT)).toEqual([
      {
        severity: MARKER_SEVERITY_ERROR,
        message: 'fanout must be an integer (at arch.nodes[0].size)\nHint: use // for integer division',
        source: 'accelforge',
        code: 'arch',
        startLineNumber: 4,
        startColumn: 11,
        endLineNumber: 4,
        endColumn: 17,
      },
    ]);
  });

  it('keeps only errors positioned in the given file, matching ./ and / prefixes', () => {
    const errors = [
      specError('yaml', 'in other file', { pos: { file: 'workload.yaml', line: 1, col: 1 } }),
      specError('yaml', 'no position'),
      specError('yaml', 'here', { pos: { file: './arches/simple.yaml', line: 1, col: 1 } }),
    ];
    const markers = specErrorsToMarkers(errors, '/arches/simple.yaml', TEXT);
    expect(markers.map((m) => [m.message, m.startColumn, m.endColumn])).toEqual([['here', 1, 6]]);
  });

  it('clamps positions past the end of the text', () => {
    const error = specError('yaml', 'unexpected end', { pos: { file: 'a.yaml', line: 99, col: 40 } });
    const [marker] = specErrorsToMarkers([error], 'a.yaml', 'a: 1\nb: [');
    expect(marker).toMatchObject({ startLineNumber: 2, startColumn: 5, endLineNumber: 2, endColumn: 6 });
  });

  it('gives a one-character range on blank positions', () => {
    const error = specError('schema', 'bad indent', { pos: { file: 'a.yaml', line: 2, col: 1 } });
    const [marker] = specErrorsToMarkers([error], 'a.yaml', 'a:\n  b: 1');
    expect(marker).toMatchObject({ startColumn: 1, endColumn: 2 });
  });
});
