"""Renders spec templates with Python's Jinja2 (StrictUndefined, an {% assert %} tag and stand-ins
for AccelForge's globals as docs/design.md and the loader describe them), for compare.ts.
include() only names the include (it does not load the file): enough for the including text.
Reads a JSON list of {name, path, data} on stdin; prints one JSON line per case."""
import glob
import json
import os
import re
import sys

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension


class AssertTag(Extension):
    tags = {'assert'}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        test = parser.parse_expression()
        message = parser.parse_expression() if parser.stream.skip_if('comma') else nodes.Const(None)
        call = self.call_method('_check', [test, message, nodes.Const(lineno)])
        return nodes.CallBlock(call, [], [], []).set_lineno(lineno)

    def _check(self, test, message, lineno, caller):
        if not test:
            raise AssertionError(message or f'assertion failed on line {lineno}')
        return ''


def render(path, data, include_dirs):
    here = os.path.dirname(path)
    dirs = list(include_dirs)
    count = [0]

    def candidates(p):
        return [p] if os.path.isabs(p) else [os.path.join(here, p)] + [os.path.join(d, p) for d in dirs]

    def find_paths(p):
        found = []
        for c in candidates(p):
            for match in sorted(glob.glob(c)):
                real = os.path.realpath(match)
                if real not in found:
                    found.append(real)
        if not found:
            raise FileNotFoundError(p)
        return found

    def find_path(p):
        for c in candidates(p):
            if os.path.exists(c):
                return os.path.realpath(c)
        raise FileNotFoundError(p)

    def add_to_path(p):
        dirs.extend(f for f in find_paths(p) if f not in dirs)
        return ''

    @jinja2.pass_context
    def include(context, p, indices='', inherit_parse_data=True, **keywords):
        stem = os.path.basename(path).rsplit('.', 1)[0]
        name = re.sub(r'\W', '', f'{stem}_{count[0]}')
        count[0] += 1
        find_paths(p)
        data[name] = None
        suffix = str(indices).lstrip('.')
        return f'!include_loaded {name}' + (f'.{suffix}' if suffix else '')

    @jinja2.pass_context
    def include_text(context, p, inherit_parse_data=True, **keywords):
        child = dict(data)
        if inherit_parse_data:
            child.update({k: v for k, v in context.get_all().items() if not k.startswith('_') and not callable(v)})
        child.update(keywords)
        return '\n'.join(render(f, child, dirs) for f in find_paths(p))

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, extensions=[AssertTag])
    env.globals.update(include=include, include_all=include, include_text=include_text, add_to_path=add_to_path,
                       find_path=find_path, find_paths=find_paths, path_exists=os.path.exists, cwd=lambda: here)
    with open(path) as f:
        return env.from_string(f.read()).render(**data)


for case in json.load(sys.stdin):
    try:
        print(json.dumps({'name': case['name'], 'text': render(os.path.realpath(case['path']), dict(case['data']), [])}))
    except Exception as error:
        print(json.dumps({'name': case['name'], 'error': f'{type(error).__name__}: {error}'}))
