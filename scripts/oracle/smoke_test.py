#!/usr/bin/env python3
"""Post-install smoke test: import AccelForge, run its mapper once and check one
known figure.

Simple arch, two 64x64x64 matmuls: every action costs 1, so the optimum bypasses
the GlobalBuffer; energy 17,235,968 and latency 524,288 (see
regression_reference.json and docs/mapper.md §7.2)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_case import run  # noqa: E402

EXPECTED = {"energy": 17235968.0, "latency": 524288.0}

result = run({"arch": "simple", "workload": "basic/matmuls",
              "vars": {"N_EINSUMS": 2, "M": 64, "KN": 64}, "fused": True, "metric": "EDP"})
for name, want in EXPECTED.items():
    got = result[name]
    if abs(got - want) > 1e-9 * want:
        sys.exit(f"smoke test FAILED: {name} {got} != {want}")
print(f"smoke test ok: energy {result['energy']:.0f}, latency {result['latency']:.0f}, "
      f"{result['runtime_s']} s")
