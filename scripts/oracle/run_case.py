#!/usr/bin/env python3
"""Run one AccelForge mapping case and print its figures as one JSON line.

Usage: run_case.py '{"arch": "eyeriss", "workload": "basic/matmuls",
                     "vars": {"N_EINSUMS": 2, "M": 64, "KN": 64},
                     "fused": true, "metric": "EDP"}'
Optional keys: "examples" (examples dir), "arch_overrides" ({component: {attr: value}}),
"component_costs" (true: add per-component area/leak/action energy), "max_fused_loops".
Runs single-process (set_n_parallel_jobs(1)) because the machine is shared.
"""
import json
import os
import sys
import tempfile
import time
from numbers import Number
from pathlib import Path

DEFAULT_EXAMPLES = os.environ.get(
    "ACCELFORGE_EXAMPLES", "/work/shared/reference/accelforge/examples")


def to_plain(d):
    """Stringify keys and floatify numbers, as the regression reference does."""
    if isinstance(d, dict):
        return {str(k): to_plain(v) for k, v in d.items()}
    if isinstance(d, (list, tuple)):
        return [to_plain(v) for v in d]
    if isinstance(d, Number):
        return float(d)
    return d


def case_key(arch, workload, variables, fused):
    j = ",".join(f"{k}={v}" for k, v in sorted(variables.items()))
    # Not Path.stem: "gpt3_6.7B" must keep its ".7B" (the reference keys do).
    name = Path(workload).name.removesuffix(".yaml")
    return f"{Path(arch).name.removesuffix('.yaml')}|{name}|{j}|{'fused' if fused else 'unfused'}"


def metric_of(name):
    from accelforge.mapper import Metrics
    return {"EDP": Metrics.ENERGY_DELAY_PRODUCT, "ENERGY": Metrics.ENERGY,
            "LATENCY": Metrics.LATENCY}[name]


def build_spec(case):
    import accelforge as af
    from accelforge.frontend.spec import Spec
    examples = Path(case.get("examples", DEFAULT_EXAMPLES))
    arch = examples / "arches" / f"{case['arch']}.yaml"
    workload = examples / "workloads" / f"{case['workload']}.yaml"
    spec = Spec.from_yaml(arch, workload, jinja_parse_data=case.get("vars") or None)
    for name, attrs in (case.get("arch_overrides") or {}).items():
        node = next(n for n in spec.arch.nodes if getattr(n, "name", None) == name)
        for attr, value in attrs.items():
            setattr(node, attr, value)
    spec.mapper.metrics = metric_of(case.get("metric", "EDP"))
    spec.mapper.max_fused_loops = case.get("max_fused_loops", 1)
    if not case.get("fused", True):
        for node in spec.arch.nodes:
            if isinstance(node, af.arch.Memory):
                node.tensors.keep = "All"
                break
    return spec


def component_costs(spec):
    """Per-component area, leak power and per-action energy/throughput, in the
    layout of tests/hwcomponents_expected.json (plus total_area for fanout)."""
    from accelforge.frontend.arch import Component
    costed = spec.calculate_component_costs()
    out = {}
    for leaf, _parents in costed.arch.iterate_hierarchically():
        if not isinstance(leaf, Component):
            continue
        out[leaf.name] = to_plain({
            "area": leaf.area, "total_area": leaf.total_area, "leak_power": leaf.leak_power,
            "actions": {a.name: {"energy": a.energy, "throughput": a.throughput}
                        for a in leaf.actions},
        })
    return out


def disable_debug_render():
    """AccelForge's mapper renders each chosen mapping to ./mapping.svg through
    graphviz `dot`. The picture does not affect any figure and costs CPU on a shared
    machine, so rendering is stubbed out."""
    from accelforge.mapper.FFM.mappings import Mappings
    Mappings.render = lambda self, **kwargs: ""


def run(case):
    import accelforge as af
    af.set_n_parallel_jobs(1)
    disable_debug_render()
    t0, c0 = time.perf_counter(), time.process_time()
    spec = build_spec(case)
    cwd = os.getcwd()
    # The mapper may write ./mapping.svg: keep it out of the repository.
    os.chdir(os.environ.get("ORACLE_WORKDIR") or tempfile.mkdtemp(prefix="accelforge-oracle-"))
    try:
        mappings = spec.map_workload_to_arch(print_progress=False)
    finally:
        os.chdir(cwd)
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    m = mappings[0]
    out = to_plain({
        "energy": float(m.energy()),
        "latency": float(m.latency()),
        "energy_per_component": m.energy(per_component=True, per_einsum=True, per_action=True),
        "latency_per_component": m.latency(per_component=True, per_einsum=True),
        "actions": m.actions(per_component=True, per_einsum=True, per_tensor=True),
        "n_mappings": int(len(mappings)),
    })
    out["runtime_s"] = round(seconds, 3)
    # The machine is shared: CPU time is the fairer benchmark figure, and the load
    # average says how contended the wall-clock runtime was.
    out["cpu_s"] = round(cpu_seconds, 3)
    out["loadavg_1m"] = round(os.getloadavg()[0], 2)
    if case.get("component_costs"):
        out["component_costs"] = component_costs(build_spec(case))
    return out


if __name__ == "__main__":
    case = json.loads(sys.argv[1])
    result = run(case)
    print("ORACLE_RESULT " + json.dumps(result))
