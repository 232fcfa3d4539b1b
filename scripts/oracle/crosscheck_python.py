#!/usr/bin/env python3
"""Re-run fixture cases under another Python (e.g. an unpatched AccelForge in a
Python 3.12 venv) and compare with the figures already in the fixtures. This checks
that patch_py311.py changed syntax only, not results.

Usage: crosscheck_python.py PYTHON SUBSTRING [SUBSTRING ...] [--timeout S]
  Runs every fixture case whose key contains one of the SUBSTRINGs.
Writes test/fixtures/oracle/python_crosscheck.json.
"""
import argparse
import json
import subprocess
import time

from generate_regression_check import agreement
from oracle_runner import FIXTURES, HERE, load_fixture, save_fixture

SOURCES = ("regression_check.json", "cases.json")


def fixture_cases():
    for name in SOURCES:
        data = load_fixture(FIXTURES / name)
        for key, entry in data["cases"].items():
            yield key, entry


def case_of(key, entry):
    """Rebuild the run_case.py input from a fixture key and entry."""
    from generate_regression_check import case_from_key
    case = case_from_key(key) if "workload_path" not in entry else None
    if case is None:
        arch, _w, variables, fused = key.split("|")
        pairs = [kv.split("=", 1) for kv in variables.split(",") if kv]
        from generate_regression_check import parse_value
        case = {"arch": arch, "workload": entry["workload_path"],
                "vars": {k: parse_value(v) for k, v in pairs}, "fused": fused == "fused"}
    case["metric"] = entry.get("metric", "EDP")
    case.pop("key", None)
    return case


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("python")
    ap.add_argument("filters", nargs="+")
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args()
    path = FIXTURES / "python_crosscheck.json"
    out = load_fixture(path)
    out.setdefault("meta", {})["purpose"] = (
        "same cases run by an unpatched AccelForge under another Python; "
        "max_rel_diff compares with the patched-3.11 fixture figures")
    for key, entry in fixture_cases():
        if not any(f in key for f in args.filters):
            continue
        version = subprocess.run([args.python, "--version"], capture_output=True,
                                 text=True).stdout.strip()
        t0 = time.perf_counter()
        proc = subprocess.run([args.python, str(HERE / "run_case.py"),
                               json.dumps(case_of(key, entry))],
                              capture_output=True, text=True, timeout=args.timeout)
        lines = [l for l in proc.stdout.splitlines() if l.startswith("ORACLE_RESULT ")]
        if not lines:
            print(f"{key}: failed: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        result = json.loads(lines[0][len("ORACLE_RESULT "):])
        a = agreement(result, entry)
        out["cases"][key] = {"python": version, "energy": result["energy"],
                             "latency": result["latency"], "runtime_s": result["runtime_s"],
                             "wall_s": round(time.perf_counter() - t0, 3), "agreement": a}
        print(f"{key} [{version}]: max rel diff vs patched 3.11 {a['max_rel_diff']:.2e}")
        save_fixture(path, out)


if __name__ == "__main__":
    main()
