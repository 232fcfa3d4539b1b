#!/usr/bin/env python3
"""Generate the CACTI lookup table used by the SRAM / SmartBufferSRAM component models.

Runs offline (never at app run time). It builds CACTI 7 from the sources shipped inside the
PyPI package hwcomponents-cacti, queries it on a dense grid plus the exact configurations the
bundled examples need, and writes:

  src/engine/components/data/cacti-table.ts          grid + example rows (committed)
  test/fixtures/components/cacti-validation.json     off-grid rows used to measure the
                                                     interpolation error (committed)

Only the numbers CACTI prints are committed; no third-party code is. Standard library only.

Usage (from the repo root):
  python3 scripts/cacti/generate-cacti-table.py [--cacti-dir DIR] [--work DIR]

--cacti-dir points at a directory holding a built `cacti` binary plus its tech_params/.
Without it the script downloads the pinned wheel with pip and builds CACTI with make.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PACKAGE = "hwcomponents-cacti"
PACKAGE_VERSION = "1.0.40"
REPO_ROOT = Path(__file__).resolve().parents[2]
TABLE_OUT = REPO_ROOT / "src/engine/components/data/cacti-table.ts"
VALIDATION_OUT = REPO_ROOT / "test/fixtures/components/cacti-validation.json"

TECH_NM = [22, 32, 45, 65, 90]
PORTS = [1, 2]
BANKS = [1, 2, 4, 8, 16, 32]
BLOCK_BYTES = [4, 8, 16, 32, 64, 128, 256, 512, 1024]
DEPTHS = [2**k for k in range(6, 16)]  # 64 .. 32768 rows
MAX_CAPACITY_BYTES = 8 * 1024 * 1024

# Queries the bundled examples make (tech nm, capacity B, block B, ports, banks); see
# docs/components.md. They are kept even when they fall between grid points.
EXAMPLE_QUERIES = [
    (65, 262144, 128, 1, 32),  # eyeriss GlobalBuffer
    (65, 256, 4, 1, 1),  # eyeriss Input/OutputScratchpad
    (65, 448, 7, 1, 1),  # eyeriss WeightScratchpad
    (22, 65807, 91, 2, 2),  # simba GlobalBuffer
    (22, 8192, 32, 1, 1),  # simba InputBuffer
    (22, 32768, 64, 1, 8),  # simba WeightBuffer
    (22, 3130, 20, 1, 1),  # simba AccumulationBuffer
]

CSV_FIELDS = {
    "read": " Dynamic read energy (nJ)",
    "write": " Dynamic write energy (nJ)",
    "leak": " Standby leakage per bank(mW)",
    "area": " Area (mm2)",
    "cycle": " Random cycle time (ns)",
    "access": " Access time (ns)",
}


def build_cacti(work: Path) -> Path:
    """Download the pinned wheel and compile the CACTI sources inside it."""
    wheel_dir = work / "wheel"
    wheel_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--python-version", "3.12", "-d", str(wheel_dir), f"{PACKAGE}=={PACKAGE_VERSION}"],
        check=True,
    )
    wheel = next(wheel_dir.glob("hwcomponents_cacti-*.whl"))
    unpacked = work / "unpacked"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(unpacked)
    src = unpacked / "hwcomponents_cacti" / "cacti"
    build = work / "cacti"
    if build.exists():
        shutil.rmtree(build)
    shutil.copytree(src, build)
    # The shipped binary targets a newer glibc, so rebuild. The package builds with -O0; -O2
    # with one thread gave byte-identical CSV rows on a 30-query sample and runs faster.
    for stale in ["cacti", "obj_dbg", "obj_opt"]:
        path = build / stale
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    (build / "obj_dbg").mkdir()
    subprocess.run(["make", "-j2", "-f", "cacti.mk", "TAG=dbg", "OPT=-O2 -DNTHREADS=1", "DBG="],
                   cwd=build, check=True, stdout=subprocess.DEVNULL)
    shutil.copy(unpacked / "hwcomponents_cacti" / "default_cfg.cfg", build / "default_cfg.cfg")
    return build


def query_text(template: str, tech: int, capacity: int, block: int, ports: int, banks: int) -> str:
    lines = [
        template,
        "",
        f"-size (bytes) {capacity}",
        f"-read-write port  {ports}",
        f"-block size (bytes) {block}",
        f"-technology (u) {tech / 1000}",
        f"-output/input bus width  {block * 8}",
        f"-UCA bank {banks}",
        '-cache type "ram"',
        "-tag size (b) 0",
        "-associativity 1",
        "",
    ]
    return "\n".join(lines)


def run_query(cacti_dir: Path, template: str, key: tuple[int, int, int, int, int]) -> dict | None:
    """Run one CACTI query; None when CACTI produces no result for it."""
    name = "q_" + "_".join(str(k) for k in key)
    infile = cacti_dir / "queries" / name
    infile.parent.mkdir(exist_ok=True)
    infile.write_text(query_text(template, *key))
    out_csv = Path(str(infile) + ".out")
    if out_csv.exists():
        out_csv.unlink()
    proc = subprocess.run(["./cacti", "-infile", str(infile)], cwd=cacti_dir,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    if proc.returncode != 0 or not out_csv.exists():
        return None
    header, *rows = [line.split(",") for line in out_csv.read_text().splitlines() if line]
    if not rows:
        return None
    row = dict(zip(header, rows[-1]))
    try:
        return {k: float(row[v]) for k, v in CSV_FIELDS.items()}
    except (KeyError, ValueError):
        return None


def grid_queries() -> list[tuple[int, int, int, int, int]]:
    keys = []
    for tech in TECH_NM:
        for ports in PORTS:
            for banks in BANKS:
                for block in BLOCK_BYTES:
                    for depth in DEPTHS:
                        if depth < 64 * banks or block * depth > MAX_CAPACITY_BYTES:
                            continue
                        keys.append((tech, block * depth, block, ports, banks))
    return keys


def validation_queries(seed: int = 7) -> list[tuple[int, int, int, int, int]]:
    """Off-grid points, log-uniform in block and depth, to measure interpolation error."""
    rng = random.Random(seed)
    keys = []
    for tech in TECH_NM:
        for ports in PORTS:
            for banks in [1, 4]:
                while sum(1 for k in keys if k[0] == tech and k[3] == ports and k[4] == banks) < 8:
                    block = round(math.exp(rng.uniform(math.log(4), math.log(1024))))
                    depth = round(math.exp(rng.uniform(math.log(64 * banks), math.log(16384))))
                    if block * depth > MAX_CAPACITY_BYTES:
                        continue
                    keys.append((tech, block * depth, block, ports, banks))
    return keys


def run_order(key: tuple[int, int, int, int, int]) -> tuple:
    """Common shapes first, so a partial run still covers typical buffers: 1 port; then
    1 bank, then the eyeriss GlobalBuffer family (65 nm, 32 banks), then the rest."""
    tech, capacity, block, ports, banks = key
    family = 0 if banks == 1 else 1 if (tech, banks) == (65, 32) else 2
    return (ports, family, banks, tech, capacity, block)


def load_cache(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def run_all(cacti_dir: Path, keys, cache: dict, cache_path: Path, jobs: int) -> None:
    template = (cacti_dir / "default_cfg.cfg").read_text()
    todo = list(dict.fromkeys(tuple(k) for k in keys if json.dumps(k) not in cache))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(lambda key: (key, run_query(cacti_dir, template, key)), todo)
        for i, (key, result) in enumerate(results):
            cache[json.dumps(key)] = result
            if i % 50 == 0:
                print(f"{i}/{len(todo)} {key}", flush=True)
                cache_path.write_text(json.dumps(cache))
    cache_path.write_text(json.dumps(cache))


def row_tuple(key, result) -> list:
    return [*key, *(result[f] for f in CSV_FIELDS)]


def write_table(keys, cache: dict) -> None:
    rows, failed = [], []
    for key in sorted(set(keys)):
        result = cache.get(json.dumps(key))
        (rows if result else failed).append(row_tuple(key, result) if result else list(key))
    body = ",\n".join("  " + json.dumps(r) for r in rows)
    failed_body = ",\n".join("  " + json.dumps(f) for f in failed)
    TABLE_OUT.parent.mkdir(parents=True, exist_ok=True)
    TABLE_OUT.write_text(
        "// Generated by scripts/cacti/generate-cacti-table.py from CACTI 7 as shipped in\n"
        f"// {PACKAGE} {PACKAGE_VERSION}. Do not edit by hand; rerun the script.\n"
        "// Row: [techNm, capacityBytes, blockBytes, ports, banks,\n"
        "//       readNj, writeNj, leakMwPerBank, areaMm2, cycleNs, accessNs]\n\n"
        "export type CactiTableRow = readonly [\n"
        "  number, number, number, number, number,\n"
        "  number, number, number, number, number, number,\n"
        "];\n\n"
        f"export const CACTI_SOURCE = '{PACKAGE} {PACKAGE_VERSION} (CACTI 7, debug build)';\n\n"
        "/** Grid axes the table was generated on. */\n"
        "export const CACTI_GRID = {\n"
        f"  techNm: {json.dumps(TECH_NM)},\n"
        f"  ports: {json.dumps(PORTS)},\n"
        f"  banks: {json.dumps(BANKS)},\n"
        f"  blockBytes: {json.dumps(BLOCK_BYTES)},\n"
        f"  depths: {json.dumps(DEPTHS)},\n"
        f"  maxCapacityBytes: {MAX_CAPACITY_BYTES},\n"
        "} as const;\n\n"
        "/** Raw CACTI outputs, one row per query. */\n"
        f"export const CACTI_ROWS: readonly CactiTableRow[] = [\n{body},\n];\n\n"
        "/** Queries for which CACTI produced no result: [techNm, capacityBytes, blockBytes, ports, banks]. */\n"
        f"export const CACTI_FAILED: readonly (readonly number[])[] = [\n{failed_body}{',' if failed else ''}\n];\n"
    )
    print(f"wrote {len(rows)} rows, {len(failed)} failures to {TABLE_OUT}")


def write_validation(keys, cache: dict) -> None:
    rows = [row_tuple(k, cache[json.dumps(k)]) for k in keys if cache.get(json.dumps(k))]
    VALIDATION_OUT.parent.mkdir(parents=True, exist_ok=True)
    VALIDATION_OUT.write_text(json.dumps({
        "source": f"{PACKAGE} {PACKAGE_VERSION}",
        "columns": ["techNm", "capacityBytes", "blockBytes", "ports", "banks",
                    "readNj", "writeNj", "leakMwPerBank", "areaMm2", "cycleNs", "accessNs"],
        "rows": rows,
    }, indent=None).replace("], [", "],\n  ["))
    print(f"wrote {len(rows)} validation rows to {VALIDATION_OUT}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cacti-dir", type=Path)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cacti-table-work"))
    parser.add_argument("--jobs", type=int, default=1, help="CACTI processes to run at once")
    parser.add_argument("--cached-only", action="store_true",
                        help="write the outputs from results already cached in --work; run nothing")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    cache_path = args.work / "results.json"
    cache = load_cache(cache_path)
    table_keys = sorted(set(grid_queries()) | set(EXAMPLE_QUERIES))
    check_keys = [k for k in validation_queries() if k not in set(table_keys)]
    if args.cached_only:
        table_keys = [k for k in table_keys if json.dumps(k) in cache]
        check_keys = [k for k in check_keys if json.dumps(k) in cache]
    else:
        cacti_dir = args.cacti_dir or build_cacti(args.work)
        if not (cacti_dir / "default_cfg.cfg").exists():
            sys.exit(f"{cacti_dir}/default_cfg.cfg missing: copy it from the {PACKAGE} wheel")
        ordered = EXAMPLE_QUERIES + check_keys + sorted(table_keys, key=run_order)
        run_all(cacti_dir, ordered, cache, cache_path, args.jobs)
    write_table(table_keys, cache)
    write_validation(check_keys, cache)


if __name__ == "__main__":
    main()
