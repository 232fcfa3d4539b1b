"""Shared helpers for the oracle fixture generators: run cases one at a time in a
subprocess with a timeout, and keep the fixture file up to date after each case
(so an interrupted run keeps what it finished and can resume)."""
import datetime
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = REPO / "test" / "fixtures" / "oracle"
REFERENCE = Path("/work/shared/reference/accelforge/tests/regression_reference.json")
sys.path.insert(0, str(HERE))
from run_case import case_key  # noqa: E402


def key_of(case):
    return case.get("key") or case_key(case["arch"], case["workload"],
                                       case.get("vars") or {}, case.get("fused", True))


def run_isolated(case, timeout_s):
    """Run one case in its own Python process. Returns (result | None, error | None)."""
    payload = {k: v for k, v in case.items() if k != "key"}
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, str(HERE / "run_case.py"), json.dumps(payload)],
                              capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {timeout_s} s"
    wall = time.perf_counter() - t0
    for line in proc.stdout.splitlines():
        if line.startswith("ORACLE_RESULT "):
            result = json.loads(line[len("ORACLE_RESULT "):])
            result["wall_s"] = round(wall, 3)
            return result, None
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
    return None, f"exit {proc.returncode}: {tail[0][:300]}"


def load_fixture(path):
    if path.exists():
        return json.loads(path.read_text())
    return {"meta": {}, "cases": {}, "skipped": {}}


def save_fixture(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n")


def accelforge_version():
    """The oracle's version; fails with a hint when this interpreter is not the oracle's venv."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("accelforge")
    except PackageNotFoundError:
        sys.exit(f"error: {sys.executable} has no accelforge; run the generators with the python "
                 "that scripts/oracle/install.sh prints (docs/oracle.md)")


# Every generator imports this module first: fail early under an interpreter without the oracle.
accelforge_version()


def run_all(cases, path, meta, timeout_s, force=False, describe=None):
    """Run cases (dicts for run_case.py) smallest first, updating the fixture at path."""
    data = load_fixture(path)
    version = accelforge_version()
    data["meta"] = {**meta, "accelforge": version,
                    "python": sys.version.split()[0],
                    "timeout_s": timeout_s}
    for case in cases:
        key = key_of(case)
        if not force and (key in data["cases"] or key in data["skipped"]):
            continue
        print(f"[{datetime.datetime.utcnow():%H:%M:%S}] {key} ...", flush=True)
        result, error = run_isolated(case, timeout_s)
        entry_extra = {"metric": case.get("metric", "EDP"), **(describe(case) if describe else {})}
        if result is None:
            data["skipped"][key] = {"reason": error, **entry_extra}
            print(f"    skipped: {error}", flush=True)
        else:
            data["cases"][key] = {**entry_extra, "accelforge": version, **result}
            data["skipped"].pop(key, None)
            print(f"    E={result['energy']:.6g} L={result['latency']:.6g} "
                  f"n={result['n_mappings']:.0f} {result['runtime_s']} s", flush=True)
        data["meta"]["generated_utc"] = datetime.datetime.utcnow().isoformat(timespec="seconds")
        save_fixture(path, data)
    return data
