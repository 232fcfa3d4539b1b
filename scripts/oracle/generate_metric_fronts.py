#!/usr/bin/env python3
"""Three-metric fronts (ENERGY | LATENCY | RESOURCE_USAGE) from AccelForge, for
test/fixtures/oracle/metric_fronts.json (a JSON list of the printed objects). Each point is
one mapping of the front with its energy and latency (AccelForge's usage columns are
per-Einsum fractions, not our peak bits, so they are left out).

Usage (from a scratch dir): generate_metric_fronts.py '<case JSON as run_case.py>' ...
Prints one JSON object per case (key, n_mappings, points, runtime_s).
"""
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_case import build_spec, case_key, disable_debug_render  # noqa: E402


def three_metric_front(case):
    import accelforge as af
    from accelforge.mapper import Metrics
    af.set_n_parallel_jobs(1)
    disable_debug_render()
    spec = build_spec(case)
    spec.mapper.metrics = Metrics.ENERGY | Metrics.LATENCY | Metrics.RESOURCE_USAGE
    t0 = time.perf_counter()
    mappings = spec.map_workload_to_arch(print_progress=False)
    seconds = time.perf_counter() - t0
    points = []
    for i in range(len(mappings)):
        m = mappings[i]
        points.append({"energy": float(m.energy()), "latency": float(m.latency())})
    return {"key": case_key(case["arch"], case["workload"], case.get("vars") or {}, case.get("fused", True)),
            "metrics": "ENERGY|LATENCY|RESOURCE_USAGE", "max_fused_loops": case.get("max_fused_loops", 1),
            "n_mappings": len(mappings), "points": points, "runtime_s": round(seconds, 3)}


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(json.dumps(three_metric_front(json.loads(arg))), flush=True)
