"""Each step of a refresh reports its wall-clock and CPU seconds, the CPU of the
worker processes it starts included (tests/bench/scale_bench.py reports both)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from etl.cli import main
from etl.refresh import _cpu_seconds

BURN = "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass"


def test_cpu_seconds_count_a_finished_child_process():
    before = _cpu_seconds()
    subprocess.run([sys.executable, "-c", BURN], check=True)
    assert _cpu_seconds() - before >= 0.55


def test_every_step_has_its_wall_and_cpu_seconds(tmp_path, test_data, reference_dir, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(test_data / "raw_tiny", raw)
    db = tmp_path / "steps.duckdb"
    args = ["refresh", "--raw", str(raw), "--db", str(db), "--reference", str(reference_dir)]
    assert main([*args, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    wall, cpu = summary["step_seconds"], summary["step_cpu_seconds"]
    assert list(cpu) == list(wall)
    assert {"load contract files", "network measures", "network layout"} <= set(cpu)
    assert all(seconds >= 0 for seconds in cpu.values())
    assert sum(cpu.values()) > 0
