#!/usr/bin/env python3
"""Orojenesis ski slopes on the snowcat arch: the Pareto front of GlobalBuffer usage
against off-chip accesses (snowcat charges 1 per MainMemory bit, so energy counts
accesses), from AccelForge's mapper with metrics ENERGY | RESOURCE_USAGE, as its
memory_size_vs_access_tradeoff notebook and plotting/skislope.py do.

Cases: one 4096^3 matmul, and one GPT-3 6.7B decoder block (prefill) fused and
unfused. Writes test/fixtures/oracle/skislope_snowcat.json.

Usage: generate_skislope.py [--only SUBSTRING] [--tokens N] [--max-fused-loops N]
                            [--timeout S] [--force]
Several runs may write the same fixture one after another (it is re-read before each save).
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from oracle_runner import FIXTURES, accelforge_version, load_fixture, save_fixture  # noqa: E402
from run_case import DEFAULT_EXAMPLES, disable_debug_render  # noqa: E402

GLB_USAGE = "reservation<SEP>GlobalBuffer<SEP>-1<SEP>right"


def cases(tokens, max_fused_loops):
    gpt = {"BATCH_SIZE": 1, "DECODE": False, "N_NEW_TOKENS": tokens}
    suffix = "" if max_fused_loops is None else f"|max_fused_loops={max_fused_loops}"
    return [
        {"key": "snowcat|matmuls|KN=4096,M=4096,N_EINSUMS=1|fused",
         "workload": "basic/matmuls", "vars": {"N_EINSUMS": 1, "M": 4096, "KN": 4096},
         "fused": True},
        {"key": f"snowcat|gpt3_6.7B|BATCH_SIZE=1,DECODE=False,N_NEW_TOKENS={tokens}|unfused{suffix}",
         "workload": "transformers/gpt/gpt3_6.7B", "vars": gpt, "fused": False,
         "max_fused_loops": max_fused_loops},
        {"key": f"snowcat|gpt3_6.7B|BATCH_SIZE=1,DECODE=False,N_NEW_TOKENS={tokens}|fused{suffix}",
         "workload": "transformers/gpt/gpt3_6.7B", "vars": gpt, "fused": True,
         "max_fused_loops": max_fused_loops},
    ]


def run(case):
    """Runs in a child process; prints the front as one JSON line."""
    import accelforge as af
    af.set_n_parallel_jobs(1)
    disable_debug_render()
    examples = Path(DEFAULT_EXAMPLES)
    spec = af.Spec.from_yaml(examples / "arches" / "snowcat.yaml",
                             examples / "workloads" / f"{case['workload']}.yaml",
                             jinja_parse_data=case["vars"])
    spec.mapper.metrics = af.Metrics.ENERGY | af.Metrics.RESOURCE_USAGE
    if case.get("max_fused_loops") is not None:
        spec.mapper.max_fused_loops = case["max_fused_loops"]
    if not case["fused"]:
        spec.arch.find("MainMemory").tensors.keep = "All"
    t0, c0 = time.perf_counter(), time.process_time()
    cwd = os.getcwd()
    os.chdir(os.environ.get("ORACLE_WORKDIR", "/tmp"))
    try:
        result = spec.map_workload_to_arch(print_progress=False)
    finally:
        os.chdir(cwd)
    glb_bits = float(spec.arch.find("GlobalBuffer").size)
    rows = result.data[[GLB_USAGE, "Total<SEP>energy", "Total<SEP>latency"]]
    points = sorted({(float(u) * glb_bits, float(e), float(l)) for u, e, l in rows.itertuples(index=False)})
    return {"glb_size_bits": glb_bits,
            "points": [{"usage_bits": u, "accesses": e, "latency": l} for u, e, l in points],
            "runtime_s": round(time.perf_counter() - t0, 3),
            "cpu_s": round(time.process_time() - c0, 3),
            "loadavg_1m": round(os.getloadavg()[0], 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--tokens", type=int, default=2048)
    ap.add_argument("--timeout", type=float, default=7200)
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--max-fused-loops", type=int, default=None,
                    help="default: AccelForge's (unlimited), as in its notebook")
    args = ap.parse_args()
    path = FIXTURES / "skislope_snowcat.json"
    data = load_fixture(path)
    data["meta"] = {"purpose": "snowcat ski slopes: GlobalBuffer usage vs off-chip accesses",
                    "settings": "metrics ENERGY | RESOURCE_USAGE; max_fused_loops: AccelForge's default "
                                "(unlimited) unless the key ends in |max_fused_loops=N; "
                                "unfused = MainMemory keep All",
                    "accelforge": accelforge_version(), "python": sys.version.split()[0]}
    for case in cases(args.tokens, args.max_fused_loops):
        if args.only not in case["key"] or (case["key"] in data["cases"] and not args.force):
            continue
        print(f"[{datetime.datetime.utcnow():%H:%M:%S}] {case['key']} ...", flush=True)
        try:
            proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(case)],
                                  capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            data["skipped"][case["key"]] = {"reason": f"timeout after {args.timeout} s"}
            save_fixture(path, data)
            continue
        data = {**load_fixture(path), "meta": data["meta"]}
        line = next((l for l in proc.stdout.splitlines() if l.startswith("ORACLE_RESULT ")), None)
        if line is None:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            data["skipped"][case["key"]] = {"reason": f"exit {proc.returncode}: {tail[0][:300]}"}
        else:
            data["cases"][case["key"]] = {"workload": case["workload"], "vars": case["vars"],
                                          "fused": case["fused"],
                                          "max_fused_loops": case.get("max_fused_loops"),
                                          **json.loads(line[len("ORACLE_RESULT "):])}
            data["skipped"].pop(case["key"], None)
            print(f"    {len(data['cases'][case['key']]['points'])} points", flush=True)
        save_fixture(path, data)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print("ORACLE_RESULT " + json.dumps(run(json.loads(sys.argv[2]))))
    else:
        main()
