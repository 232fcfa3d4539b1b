#!/usr/bin/env python3
"""GlobalBuffer-size sweep on eyeriss for one 4096x4096x4096 matmul
(basic/matmuls, N_EINSUMS=1, M=4096, KN=4096): 32 log-spaced sizes from 32 B to
4 MB. Records energy, energy per compute, per-component energy, latency and
per-component area for each point (test/fixtures/oracle/sweep_eyeriss_glb.json).

Usage: generate_sweep.py [--stride K] [--offset O] [--timeout S] [--force]
  Runs points O, O+K, O+2K, ... (run a coarse pass first, fill in later).
"""
import argparse

from oracle_runner import FIXTURES, run_all

N_POINTS = 32
MIN_BYTES, MAX_BYTES = 32, 4 * 1024 * 1024
M = KN = 4096
N_COMPUTES = M * KN * KN


def size_bits(i):
    """Point i of 32 log-spaced sizes, in bits (the unit of `size` in the arch)."""
    ratio = (MAX_BYTES / MIN_BYTES) ** (i / (N_POINTS - 1))
    return int(round(MIN_BYTES * ratio * 8))


def case(i):
    bits = size_bits(i)
    return {"key": f"eyeriss|matmuls|KN={KN},M={M},N_EINSUMS=1|GlobalBuffer.size={bits}|fused",
            "arch": "eyeriss", "workload": "basic/matmuls",
            "vars": {"N_EINSUMS": 1, "M": M, "KN": KN}, "fused": True, "metric": "EDP",
            "arch_overrides": {"GlobalBuffer": {"size": bits}}, "component_costs": True,
            "point": i, "size_bits": bits}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stride", type=int, default=1)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    points = range(args.offset, N_POINTS, args.stride)
    meta = {"purpose": "eyeriss GlobalBuffer size sweep, 4096^3 matmul",
            "sizes": f"{N_POINTS} log-spaced from {MIN_BYTES} B to {MAX_BYTES} B, "
                     "stored in bits (round(bytes*8))",
            "settings": "EDP metric, max_fused_loops 1, single Einsum",
            "n_computes": N_COMPUTES}
    path = FIXTURES / "sweep_eyeriss_glb.json"
    data = run_all([case(i) for i in points], path, meta, args.timeout, args.force,
                   describe=lambda c: {"point": c["point"], "size_bits": c["size_bits"],
                                       "size_bytes": c["size_bits"] / 8})
    for entry in data["cases"].values():
        entry["energy_per_compute"] = entry["energy"] / N_COMPUTES
    from oracle_runner import save_fixture
    save_fixture(path, data)


if __name__ == "__main__":
    main()
