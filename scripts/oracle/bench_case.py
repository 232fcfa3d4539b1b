#!/usr/bin/env python3
"""One AccelForge mapping run as a whole process, for `npm run bench` (bench/process-bench.ts).

Usage: bench_case.py '<json>'
  {"spec_files": [...absolute paths...], "vars": {...},
   "metric": "EDP" | "ENERGY" | null, "fused": true | false | null, "max_fused_loops": 1 | null}
With "metric" null the spec's own mapper settings are kept (the converted Timeloop designs);
otherwise the regression settings apply, as in run_case.py: metric, max_fused_loops, and for
unfused runs keep: All on the first Memory node.

Unlike run_case.py this keeps AccelForge's default parallelism (joblib, one job per core): the
bench compares whole processes, each tool using the machine as it does by default. The mapping
picture (./mapping.svg) is not rendered, as in run_case.py: it affects no figure and would only
add to AccelForge's time. Prints `BENCH_RESULT {"energy", "latency", "n_mappings", "map_s"}`.
"""
import json
import sys
import time

from run_case import disable_debug_render, metric_of


def load_spec(case):
    import accelforge as af
    from accelforge.frontend.spec import Spec
    spec = Spec.from_yaml(*case["spec_files"], jinja_parse_data=case.get("vars") or None)
    if case.get("metric") is None:
        return spec
    spec.mapper.metrics = metric_of(case["metric"])
    spec.mapper.max_fused_loops = case.get("max_fused_loops", 1)
    if case.get("fused") is False:
        for node in spec.arch.nodes:
            if isinstance(node, af.arch.Memory):
                node.tensors.keep = "All"
                break
    return spec


def main():
    case = json.loads(sys.argv[1])
    disable_debug_render()
    start = time.perf_counter()
    mappings = load_spec(case).map_workload_to_arch(print_progress=False)
    best = mappings[0]
    print("BENCH_RESULT " + json.dumps({
        "energy": float(best.energy()),
        "latency": float(best.latency()),
        "n_mappings": int(len(mappings)),
        "map_s": round(time.perf_counter() - start, 3),
    }), flush=True)


if __name__ == "__main__":
    main()
