"""The refresh-at-scale bench (tests/bench/scale_bench.py) measures what it says: a
child's peak memory, counting the processes it starts, and its exit code."""

from __future__ import annotations

import sys

from tests.bench.scale_bench import GIB, run_with_peak_memory

# A child holding 400 MiB for a moment, and a grandchild holding 300 MiB at the same time.
HOLD = """
import subprocess, sys, time
block = bytearray(400 * 1024 * 1024)
grandchild = subprocess.Popen([sys.executable, "-c",
    "import time; b = bytearray(300 * 1024 * 1024); time.sleep(1.5)"])
time.sleep(1.5)
grandchild.wait()
print("done")
"""


def test_peak_memory_counts_the_child_and_its_children():
    ran = run_with_peak_memory([sys.executable, "-c", HOLD])
    assert ran.returncode == 0
    assert ran.stdout.strip() == "done"
    # Both at once: about 700 MiB together; the kernel's peak is the child's own.
    assert ran.peak_tree_bytes >= 0.64 * GIB
    assert 0.37 * GIB <= ran.maxrss_bytes < 0.6 * GIB
    assert ran.samples >= 2


def test_a_failing_child_gives_its_exit_code_and_errors():
    ran = run_with_peak_memory([sys.executable, "-c", "import sys; sys.exit('no such file')"])
    assert ran.returncode == 1
    assert "no such file" in ran.stderr
