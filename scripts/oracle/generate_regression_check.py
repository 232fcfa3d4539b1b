#!/usr/bin/env python3
"""Re-run regression cases through the installed AccelForge and compare them with
/work/shared/reference/accelforge/tests/regression_reference.json.

Usage: generate_regression_check.py [SUBSTRING ...] [--timeout S] [--force]
  Runs the reference keys containing all SUBSTRINGs (default: the small cases),
  writes test/fixtures/oracle/regression_check.json with each result, its
  agreement with the reference (max relative difference) and the runtime.
"""
import argparse
import json

from oracle_runner import FIXTURES, REFERENCE, run_all

WORKLOAD_PATHS = {
    "matmuls": "basic/matmuls",
    "matvecs": "basic/matvecs",
    "three_matmuls_annotated": "basic/three_matmuls_annotated",
    "gpt3_175B": "transformers/gpt/gpt3_175B",
    "gpt3_6.7B": "transformers/gpt/gpt3_6.7B",
    "mobilenet_28": "cnns/mobilenet/mobilenet_28",
}
SMALL = ("|matmuls|", "|three_matmuls_annotated|", "|matvecs|")
TOLERANCE = 0.01


def parse_value(text):
    if text in ("True", "False"):
        return text == "True"
    try:
        return int(text)
    except ValueError:
        return text


def case_from_key(key):
    arch, workload, variables, fused = key.split("|")
    pairs = [kv.split("=", 1) for kv in variables.split(",") if kv]
    return {"key": key, "arch": arch, "workload": WORKLOAD_PATHS[workload],
            "vars": {k: parse_value(v) for k, v in pairs}, "fused": fused == "fused",
            "metric": "ENERGY" if arch == "snowcat" else "EDP"}


def rel_diff(a, b):
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


def agreement(result, ref):
    """Largest relative difference over totals and every per-component entry."""
    worst = {"value": 0.0, "where": None}

    def see(where, a, b):
        d = rel_diff(a, b)
        if d > worst["value"]:
            worst.update(value=d, where=where)

    see("energy", result["energy"], ref["energy"])
    see("latency", result["latency"], ref["latency"])
    missing = []
    for section in ("energy_per_component", "latency_per_component", "actions"):
        for k, v in ref[section].items():
            if k not in result[section]:
                missing.append(f"{section}:{k}")
            else:
                see(f"{section}:{k}", result[section][k], v)
    totals = max(rel_diff(result["energy"], ref["energy"]),
                 rel_diff(result["latency"], ref["latency"]))
    return {"max_rel_diff": worst["value"], "worst": worst["where"],
            "totals_max_rel_diff": totals,
            "missing_entries": missing[:20],
            "n_mappings_equal": result["n_mappings"] == ref["n_mappings"],
            "within_1pct": worst["value"] <= TOLERANCE and not missing}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("filters", nargs="*")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    reference = json.loads(REFERENCE.read_text())
    keys = [k for k in reference if all(f in k for f in args.filters)]
    if not args.filters:
        keys = [k for k in keys if any(s in k for s in SMALL)]
    path = FIXTURES / "regression_check.json"
    meta = {"purpose": "AccelForge re-run of regression cases vs regression_reference.json",
            "settings": "EDP metric (snowcat ENERGY), max_fused_loops 1, "
                        "unfused = keep: All on the first Memory node",
            "tolerance": TOLERANCE}
    data = run_all([case_from_key(k) for k in keys], path, meta, args.timeout, args.force)
    for key, entry in data["cases"].items():
        if key in reference:
            entry["agreement"] = agreement(entry, reference[key])
            a = entry["agreement"]
            print(f"{key}: max rel diff {a['max_rel_diff']:.2e} ({a['worst']}) "
                  f"within 1%: {a['within_1pct']} n_mappings equal: {a['n_mappings_equal']}")
    from oracle_runner import save_fixture
    save_fixture(path, data)


if __name__ == "__main__":
    main()
