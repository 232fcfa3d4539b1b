/**
 * Hostile share links (issue 13 §4): a link is decoded and applied to the explorer's state, then
 * sent to the engine worker. Whatever a link holds, the state must stay plain data (strings for
 * file texts, so structured clone works) and checking it must give errors, never throw.
 */
import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { checkDesign } from '../../src/engine/index.js';
import { applySharePayload, decodeShareFragment, FRAGMENT_PREFIX } from '../../src/ui/share/codec.js';

const link = (json: string): string => FRAGMENT_PREFIX + compressToEncodedURIComponent(json);

/** Problems with what a link turns into; empty when it is refused or yields plain, checkable data. */
function linkProblems(json: string): string[] {
  const decoded = decodeShareFragment(link(json));
  if (!decoded.ok) return decoded.message ? [] : ['refused without a message'];
  const state = applySharePayload(decoded.payload, {});
  const problems: string[] = [];
  for (const [path, text] of Object.entries(state.files ?? {})) if (typeof text !== 'string') problems.push(`file ${path} holds a ${typeof text}`);
  try {
    structuredClone(state);
  } catch (error) {
    problems.push(`the state cannot be sent to the worker: ${(error as Error).message.slice(0, 80)}`);
  }
  try {
    checkDesign({ files: state.files ?? {}, specFiles: state.specFiles ?? [], variables: state.variables ?? {} });
  } catch (error) {
    problems.push(`check threw: ${(error as Error).message.slice(0, 80)}`);
  }
  return problems;
}

const CASES: Readonly<Record<string, string>> = {
  'specFiles naming Object.prototype keys': '{"v":1,"specFiles":["toString","constructor"]}',
  'files keyed __proto__': '{"v":1,"files":{"__proto__":{"a.yaml":"arch: {}"}},"specFiles":["a.yaml"]}',
  'variables keyed __proto__ and constructor': '{"v":1,"variables":{"__proto__":"x","constructor":"y"},"specFiles":[]}',
  '100,000-deep JSON': `{"v":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  'a sweep knob through __proto__': '{"v":1,"sweep":{"knobs":[{"key":"arch.__proto__.x","values":"1,2"}]}}',
  'view.activeFile __proto__': '{"v":1,"view":{"activeFile":"__proto__"}}',
};

/** Cases that fail on the current tree, with their cause (see cases/known-failures.ts). */
const KNOWN: Readonly<Record<string, string>> = {};

describe('hostile share links', () => {
  for (const [name, json] of Object.entries(CASES)) {
    const test = !process.env.FUZZ_STRICT && KNOWN[name] ? it.fails : it;
    test(name, () => {
      const problems = linkProblems(json);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
