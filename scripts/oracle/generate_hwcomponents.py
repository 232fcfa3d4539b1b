#!/usr/bin/env python3
"""Reproduce tests/hwcomponents_expected.json (per-component area, leak power and
per-action energy/throughput from the installed hwcomponents models) and compare.

Usage: generate_hwcomponents.py [ARCH ...]   (default: eyeriss simba simple tpu_v4i)
Writes test/fixtures/oracle/hwcomponents_check.json.
"""
import json
import sys
import time
from pathlib import Path

from oracle_runner import FIXTURES, accelforge_version, save_fixture
from run_case import build_spec, component_costs

EXPECTED = Path("/work/shared/reference/accelforge/tests/hwcomponents_expected.json")
TOLERANCE = 1e-6  # the reference test's own relative tolerance


def compare(actual, expected, path=""):
    """Yield (path, actual, expected, rel_diff) for every number in expected."""
    if isinstance(expected, dict):
        for k, v in expected.items():
            yield from compare(actual.get(k) if isinstance(actual, dict) else None,
                               v, f"{path}.{k}" if path else k)
        return
    if actual is None:
        yield path, None, expected, float("inf")
        return
    scale = max(abs(actual), abs(expected))
    yield path, actual, expected, 0.0 if scale == 0 else abs(actual - expected) / scale


def main(arches):
    import accelforge as af
    af.set_n_parallel_jobs(1)
    expected = json.loads(EXPECTED.read_text())
    out = {"meta": {"accelforge": accelforge_version(), "python": sys.version.split()[0],
                    "workload": "basic/matmuls N_EINSUMS=2 M=64 KN=64",
                    "tolerance": TOLERANCE},
           "arches": {}}
    for arch in arches:
        t0 = time.perf_counter()
        spec = build_spec({"arch": arch, "workload": "basic/matmuls",
                           "vars": {"N_EINSUMS": 2, "M": 64, "KN": 64}})
        costs = component_costs(spec)
        diffs = list(compare(costs, expected[arch]))
        worst = max(diffs, key=lambda d: d[3])
        out["arches"][arch] = {
            "components": costs, "runtime_s": round(time.perf_counter() - t0, 3),
            "agreement": {"n_values": len(diffs), "max_rel_diff": worst[3],
                          "worst": worst[0], "within_tolerance": worst[3] <= TOLERANCE}}
        print(f"{arch}: {len(diffs)} values, max rel diff {worst[3]:.2e} at {worst[0]}")
    save_fixture(FIXTURES / "hwcomponents_check.json", out)


if __name__ == "__main__":
    main(sys.argv[1:] or ["eyeriss", "simba", "simple", "tpu_v4i"])
