#!/usr/bin/env python3
"""The hand-sized capacity-across-fused-Einsums case, for
test/fixtures/oracle/reservation_overflow.json.

simple arch, two chained matmuls (M=16, KN=8), MainMemory actions cost 100, ENERGY,
max_fused_loops 1. With a 1000-bit GlobalBuffer, keeping both weights on chip across the
shared m loop needs 1024 bits, so AccelForge picks the next mapping; with 1500 bits it fits.

Usage (from a scratch dir): generate_reservation_case.py > reservation_overflow.json
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_case import run  # noqa: E402

KEEP = ("energy", "latency", "n_mappings", "energy_per_component")

if __name__ == "__main__":
    out = {}
    for size in (1000, 1500):
        case = {"arch": "simple", "workload": "basic/matmuls", "metric": "ENERGY", "fused": True,
                "max_fused_loops": 1,
                "vars": {"N_EINSUMS": 2, "M": 16, "KN": 8, "MainMemoryEnergy": 100, "GlobalBufferSize": size}}
        result = run(case)
        out[f"GlobalBufferSize={size}"] = {"case": case, **{k: result[k] for k in KEEP}}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    print()
