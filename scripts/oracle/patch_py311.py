#!/usr/bin/env python3
"""Rewrite Python-3.12-only syntax in installed packages so they import on 3.11.

Generic, mechanical rules only (no third-party code lives in this repo):
  1. PEP 701 f-strings: inside a replacement field, string literals that reuse
     the enclosing quote get the other quote; literals containing backslash
     escapes become ''.join(map(chr, (...))); newlines/comments are collapsed.
  2. PEP 695 generics: `class Name[T, U](Bases):` -> `class Name(Bases, Generic[T, U]):`
     with module-level `T = TypeVar("T")` declarations.
  3. 3.12-only typing names imported from `typing` (override) are imported from
     typing_extensions instead.
A file is only touched when it fails to compile; it is re-checked afterwards.
Usage: patch_py311.py PACKAGE_DIR [PACKAGE_DIR ...]  (exit 1 if anything still fails)
"""
import ast
import pathlib
import re
import sys

STRING_START = re.compile(r"(?i)(rb|br|fr|rf|b|r|u|f)?('''|\"\"\"|'|\")")
IDENT_CHAR = re.compile(r"\w")
# typing names added in 3.12; only rewritten when running an older Python.
TYPING_312_NAMES = ("override",) if sys.version_info < (3, 12) else ()


class Unsupported(Exception):
    pass


def match_string_start(src, i):
    """Return (prefix, quote) if a string literal starts at i, else None."""
    if i > 0 and IDENT_CHAR.match(src[i - 1]):
        return None
    m = STRING_START.match(src, i)
    if not m:
        return None
    return (m.group(1) or ""), m.group(2)


def skip_plain_string(src, i, prefix, quote):
    """Index just past a non-f string literal starting at i."""
    j = i + len(prefix) + len(quote)
    while j < len(src):
        if src[j] == "\\":
            j += 2
            continue
        if src.startswith(quote, j):
            return j + len(quote)
        j += 1
    raise Unsupported("unterminated string")


def other_quote(q):
    return "'" if q[0] == '"' else '"'


def chr_join(value):
    codes = ", ".join(str(ord(c)) for c in value)
    return f"''.join(map(chr, ({codes},)))".replace("'", "{OQ}")


def rewrite_literal(text, outer_q):
    """Make a plain string literal legal inside an f-string quoted with outer_q."""
    m = STRING_START.match(text)
    prefix, q = (m.group(1) or ""), m.group(2)
    body = text[len(prefix) + len(q): -len(q)]
    oq = other_quote(outer_q)
    if "\\" not in body and outer_q[0] not in text and "\n" not in body:
        return text
    if "\\" not in body and oq not in body and "\n" not in body and len(q) == 1:
        return prefix + oq + body + oq
    value = ast.literal_eval(text)
    if isinstance(value, bytes):
        raise Unsupported("bytes literal with escapes in f-string field")
    return chr_join(value).replace("{OQ}", oq)


def rewrite_expression(expr, outer_q):
    """Return a 3.11-legal version of a replacement-field expression."""
    out, i = [], 0
    while i < len(expr):
        c = expr[i]
        start = match_string_start(expr, i)
        if start:
            prefix, q = start
            if "f" in prefix.lower():
                end, inner, _ = parse_fstring(expr, i, prefix, q)
                if outer_q[0] in inner[len(prefix):] or "\\" in inner:
                    raise Unsupported("nested f-string needs quote change")
                out.append(inner)
            else:
                end = skip_plain_string(expr, i, prefix, q)
                out.append(rewrite_literal(expr[i:end], outer_q))
            i = end
            continue
        if c == "#":
            while i < len(expr) and expr[i] != "\n":
                i += 1
            continue
        if c == "\n" or c == "\\" and expr[i + 1: i + 2] == "\n":
            out.append(" ")
            i += 1 if c == "\n" else 2
            continue
        out.append(c)
        i += 1
    text = "".join(out).strip()
    return " " + text + " " if text.startswith("{") else text


def parse_field(src, i, quote):
    """Parse a replacement field starting after '{'. Returns (end, new_text)."""
    depth, j, expr_end = 0, i, None
    while j < len(src):
        start = match_string_start(src, j)
        if start:
            prefix, q = start
            if "f" in prefix.lower():
                j, _, _ = parse_fstring(src, j, prefix, q)
            else:
                j = skip_plain_string(src, j, prefix, q)
            continue
        c = src[j]
        if c == "#":
            while src[j] != "\n":
                j += 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]" or (c == "}" and depth > 0):
            depth -= 1
        elif depth == 0 and (c == "}" or (c == "!" and src[j + 1] != "=") or
                             (c == ":" and src[j + 1] != "=")):
            expr_end = j
            break
        j += 1
    if expr_end is None:
        raise Unsupported("unterminated replacement field")
    expr = rewrite_expression(src[i:expr_end], quote)
    tail, j = [], expr_end
    while j < len(src):  # conversion / format spec (may hold nested fields)
        c = src[j]
        if c == "{":
            end, nested = parse_field(src, j + 1, quote)
            tail.append("{" + nested)
            j = end
            continue
        if c == "}":
            break
        tail.append(c)
        j += 1
    return j + 1, expr + "".join(tail) + "}"


def parse_fstring(src, i, prefix, quote):
    """Parse an f-string at i. Returns (end, rewritten_text, changed)."""
    j = i + len(prefix) + len(quote)
    out = [src[i:j]]
    raw = "r" in prefix.lower()
    while j < len(src):
        if src.startswith(quote, j):
            out.append(quote)
            text = "".join(out)
            return j + len(quote), text, text != src[i:j + len(quote)]
        c = src[j]
        if c == "\\" and not raw:
            out.append(src[j:j + 2])
            j += 2
        elif src.startswith("{{", j) or src.startswith("}}", j):
            out.append(src[j:j + 2])
            j += 2
        elif c == "{":
            end, new = parse_field(src, j + 1, quote)
            out.append("{" + new)
            j = end
        else:
            out.append(c)
            j += 1
    raise Unsupported("unterminated f-string")


def rewrite_fstrings(src):
    out, i, changed = [], 0, False
    while i < len(src):
        c = src[i]
        if c == "#":
            end = src.find("\n", i)
            end = len(src) if end < 0 else end
            out.append(src[i:end])
            i = end
            continue
        start = match_string_start(src, i)
        if start:
            prefix, q = start
            if "f" in prefix.lower():
                end, text, did = parse_fstring(src, i, prefix, q)
                changed |= did
            else:
                end = skip_plain_string(src, i, prefix, q)
                text = src[i:end]
            out.append(text)
            i = end
            continue
        out.append(c)
        i += 1
    return "".join(out), changed


GENERIC_CLASS = re.compile(r"^class (\w+)\[([\w ,]+)\](?:\((.*)\))?:", re.M)


def rewrite_generic_classes(src):
    params = set()

    def repl(m):
        names = [n.strip() for n in m.group(2).split(",") if n.strip()]
        params.update(names)
        bases = [b for b in [m.group(3)] if b and b.strip()]
        bases.append(f"Generic[{', '.join(names)}]")
        return f"class {m.group(1)}({', '.join(bases)}):"

    new = GENERIC_CLASS.sub(repl, src)
    if not params:
        return src, False
    decl = "from typing import Generic, TypeVar\n"
    decl += "".join(f'{p} = TypeVar("{p}")\n' for p in sorted(params))
    # The first top-level def/class/decorator precedes every generic class and
    # follows the imports, so the TypeVars are declared in time.
    first = re.search(r"^(@|class |def )", new, re.M).start()
    return new[:first] + decl + "\n\n" + new[first:], True


def rewrite_typing_312_names(src):
    changed = False
    for name in TYPING_312_NAMES:
        block = re.search(r"^from typing import \(([^)]*)\)", src, re.M)
        if block and re.search(rf"^\s*{name},?\s*$", block.group(1), re.M):
            inner = re.sub(rf"^\s*{name},?\s*\n", "", block.group(1), flags=re.M)
            replacement = f"from typing import ({inner})\nfrom typing_extensions import {name}"
            src = src[:block.start()] + replacement + src[block.end():]
            changed = True
    return src, changed


def compiles(src, name):
    try:
        compile(src, name, "exec")
        return True
    except SyntaxError:
        return False


def patch_file(path):
    """Return 'ok', 'patched' or an error message."""
    src = path.read_text()
    if compiles(src, str(path)) and not any(
            re.search(rf"^from typing import \([^)]*\b{n}\b", src, re.M) for n in TYPING_312_NAMES):
        return "ok"
    new = src
    try:
        new, _ = rewrite_fstrings(new)
    except Unsupported as e:
        return f"f-string rewrite failed: {e}"
    new, _ = rewrite_generic_classes(new)
    new, _ = rewrite_typing_312_names(new)
    try:
        compile(new, str(path), "exec")
    except SyntaxError as e:
        return f"still fails: line {e.lineno}: {e.msg}"
    path.write_text(new)
    return "patched"


def main(dirs):
    failed = False
    for d in dirs:
        for path in sorted(pathlib.Path(d).rglob("*.py")):
            status = patch_file(path)
            if status != "ok":
                print(f"{status}: {path}")
                failed |= status != "patched"
    return 1 if failed else 0


SELF_TESTS = [
    # (3.12 source, expected 3.11 source)
    ('x = f"a {", ".join(y)} b"\n', 'x = f"a {\', \'.join(y)} b"\n'),
    ('x = f"{s.replace("\\n", "\\n\\t")}"\n',
     "x = f\"{s.replace(''.join(map(chr, (10,))), ''.join(map(chr, (10, 9,))))}\"\n"),
    ('x = (f"{\', \'.join(\n    a for a in b\n)}")\n', 'x = (f"{\', \'.join(     a for a in b )}")\n'),
    ('x = f"{d["k"]!r:>{w}}"\n', "x = f\"{d['k']!r:>{w}}\"\n"),
]


def self_test():
    for source, expected in SELF_TESTS:
        got, _ = rewrite_fstrings(source)
        assert got == expected, (source, got, expected)
        compile(got, "<self-test>", "exec")
    src = "import x\n\n\n@dataclass\nclass A[T](Base):\n    v: T\n"
    got, _ = rewrite_generic_classes(src)
    assert "class A(Base, Generic[T]):" in got and 'T = TypeVar("T")' in got, got
    compile(got, "<self-test>", "exec")
    print(f"self-test ok ({len(SELF_TESTS) + 1} rules)")
    return 0


if __name__ == "__main__":
    sys.exit(self_test() if sys.argv[1:] == ["--self-test"] else main(sys.argv[1:]))
