#!/usr/bin/env python3
"""Generate AccelForge reference figures for arch x workload cases that are NOT in
regression_reference.json (test/fixtures/oracle/cases.json).

Usage: generate_cases.py [SUBSTRING ...] [--timeout S] [--force] [--list]
  Cases run one at a time, smallest first; finished cases are kept and skipped
  on re-run unless --force. Cases over the timeout are recorded under "skipped".
Settings as in the regression suite: EDP metric, max_fused_loops 1,
unfused = keep: All on the first Memory node.
"""
import argparse

from oracle_runner import FIXTURES, key_of, run_all

MATMULS = ("basic/matmuls", {"N_EINSUMS": 2, "M": 64, "KN": 64})
THREE = ("basic/three_matmuls_annotated", {})
PREFILL = {"BATCH_SIZE": 1, "DECODE": False, "N_NEW_TOKENS": 2048}
DECODE = {"BATCH_SIZE": 1, "DECODE": True, "N_CACHED_TOKENS": 2047, "N_NEW_TOKENS": 1}
GPT3_6_7B = "transformers/gpt/gpt3_6.7B"
LLAMA3_8B = "transformers/llama/llama3_8B"

# Ordered roughly by expected cost: small matmuls, then decode, then prefill.
PLAN = [
    ("simba", *MATMULS),
    ("simba", *THREE),
    ("tpu_v4i", GPT3_6_7B, DECODE),
    ("eyeriss", GPT3_6_7B, DECODE),
    ("simba", GPT3_6_7B, DECODE),
    ("tpu_v4i", LLAMA3_8B, DECODE),
    ("eyeriss", LLAMA3_8B, DECODE),
    ("simba", LLAMA3_8B, DECODE),
    ("tpu_v4i", GPT3_6_7B, PREFILL),
    ("eyeriss", GPT3_6_7B, PREFILL),
    ("simba", GPT3_6_7B, PREFILL),
    ("tpu_v4i", LLAMA3_8B, PREFILL),
    ("eyeriss", LLAMA3_8B, PREFILL),
    ("simba", LLAMA3_8B, PREFILL),
]


def all_cases():
    """Unfused before fused: fused transformer cases cost far more mapper time."""
    for fused in (False, True):
        for arch, workload, variables in PLAN:
            yield {"arch": arch, "workload": workload, "vars": variables,
                   "fused": fused, "metric": "EDP"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("filters", nargs="*")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    cases = [c for c in all_cases() if all(f in key_of(c) for f in args.filters)]
    if args.list:
        print("\n".join(key_of(c) for c in cases))
        return
    meta = {"purpose": "AccelForge figures for cases beyond regression_reference.json",
            "settings": "EDP metric, max_fused_loops 1, unfused = keep: All on the "
                        "first Memory node; examples from /work/shared/reference/accelforge/examples",
            "runtime_s": "seconds inside map_workload_to_arch (incl. spec load), "
                         "single process; wall_s includes Python start-up and import"}
    run_all(cases, FIXTURES / "cases.json", meta, args.timeout, args.force,
            describe=lambda c: {"workload_path": c["workload"]})


if __name__ == "__main__":
    main()
