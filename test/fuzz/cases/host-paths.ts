/**
 * A design reads only its own files (issue 13 §2). Through the CLI's own verbs on disk, with a
 * temporary folder as the design root and a canary file in a folder beside it: absolute paths,
 * `..`, symbolic links, devices and folders must each be refused with an error naming
 * `--allow-read`, and the canary must never appear in any output. In memory (the page), the
 * same paths are simply not there.
 */
import type { Expected, FuzzCase, Mutation } from '../harness/case-types.js';
import { CANARY } from '../harness/classify.js';

const NAME_LINE = '- name: Matmul{{i}}';

function refused(at: string, also: RegExp = /allow-read/i): Expected {
  return { error: { messageIncludes: also, pos: { file: 'workload.yaml', at, col: 'any' }, hintPresent: true } };
}

/** One edit of the simple example's workload, checked through the CLI on disk. */
function onDisk(name: string, mutation: Mutation, expect: Expected, extra: Partial<FuzzCase> = {}): FuzzCase {
  return { name: `host path: ${name}`, base: 'simple', via: 'cli', ops: ['check'], mutations: [mutation], expect, ...extra };
}

/** The Einsum names of the simple example get `call`'s output appended, where `check` prints them. */
function inName(name: string, call: string, expect: Expected = refused(call), extra: Partial<FuzzCase> = {}): FuzzCase {
  return onDisk(name, { file: 'workload.yaml', find: NAME_LINE, replace: `- name: Matmul{{i}}{{ ${call} }}` }, expect, extra);
}

/** A statement on the first line of the workload file. */
function firstLine(name: string, statement: string, expect: Expected = refused(statement)): FuzzCase {
  return onDisk(name, { file: 'workload.yaml', prepend: `${statement}\n` }, expect);
}

const text = (path: string): string => `include_text("${path}")`;

export const HOST_PATH_CASES: readonly FuzzCase[] = [
  inName('include_text of an absolute path outside the root', text('$OUTSIDE/canary.txt')),
  inName('include_text of ../ outside the root', text('../outside/canary.txt')),
  inName('include_text of sub/../../ outside the root', text('sub/../../outside/canary.txt')),
  inName('include_text of /etc/passwd', text('/etc/passwd')),
  inName('include_text of //etc/./passwd', text('//etc/./passwd')),
  inName('include_text of /proc/self/environ', text('/proc/self/environ')),
  inName('include_text of /dev/zero', text('/dev/zero'), refused(text('/dev/zero'), /allow-read|device/i)),
  inName('include_text of a folder', text('.'), refused(text('.'), /folder|directory/i)),
  {
    ...inName('include_text through a symlink to outside', text('link.txt'), refused(text('link.txt'), /allow-read|outside|link/i)),
    // The link sits inside the root and points at the canary beside it.
    mutations: [
      { file: 'link.txt', create: '@symlink ../outside/canary.txt' },
      { file: 'workload.yaml', find: NAME_LINE, replace: `- name: Matmul{{i}}{{ ${text('link.txt')} }}` },
    ],
  },
  inName('path_exists probes outside the root', 'path_exists("$OUTSIDE/canary.txt")'),
  inName('find_paths lists outside the root', 'find_paths("../outside/*") | join("_")', refused('find_paths')),
  inName('find_path of /etc/passwd', 'find_path("/etc/passwd")'),
  firstLine('include of a YAML file outside the root', '{% set X = include("../outside/canary.yaml") %}'),
  firstLine('include_all outside the root', '{% set X = include_all("$OUTSIDE/*.yaml") %}'),
  firstLine('add_to_path("/") then a relative read', '{{ add_to_path("/") }}{% set X = include_text("etc/passwd") %}', refused('add_to_path')),
  firstLine('add_to_path outside then a relative read', '{{ add_to_path("$OUTSIDE") }}{% set X = include_text("canary.txt") %}', refused('add_to_path')),
  onDisk('!include outside the root', { file: 'workload.yaml', append: '\nvariables: !include ../outside/canary.yaml\n' }, refused('!include')),
  // No mapping: the Einsums are renamed, and a mapping must name each one.
  inName('--allow-read lets the canary folder in', text('$OUTSIDE/canary.txt'), { ok: true, outputIncludes: [CANARY] }, {
    base: 'simple-unmapped',
    cliArgs: ['--allow-read', '$OUTSIDE'],
  }),
  // In memory (the page and the worker) nothing outside the design exists.
  {
    name: 'host path: in memory, include_text of /etc/passwd',
    base: 'simple',
    mutations: [{ file: 'workload.yaml', find: NAME_LINE, replace: `- name: Matmul{{i}}{{ ${text('/etc/passwd')} }}` }],
    expect: { error: { messageIncludes: /not found|allow-read/i, pos: { at: 'include_text', col: 'any' }, hintPresent: true } },
  },
  {
    name: 'host path: in memory, !include ../../etc/passwd',
    base: 'simple',
    mutations: [{ file: 'workload.yaml', append: '\nvariables: !include ../../etc/passwd\n' }],
    expect: { error: { messageIncludes: /not found|allow-read/i, pos: { at: '!include', col: 'any' }, hintPresent: true } },
  },
];
