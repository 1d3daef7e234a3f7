"""The benchmark's quick run, so it never rots. Timings are not asserted here:
speed is judged by the full run (`python -m benchmarks.run`), beside its floors."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_reports_every_figure(tmp_path):
    out = tmp_path / "result.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--quick", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    result = json.loads(out.read_text())
    names = " | ".join(f["name"] for f in result["figures"])
    for expected in ("search: 2-character Chinese name", "search: phone fragment", "search: device serial",
                     "search: order number", "open a customer file", "open the order board",
                     "a state change", "a month's summary", "verify the whole chain", "one repair receipt PDF",
                     "receipts into one PDF", "report:", "launch to usable main window", "peak memory"):
        assert expected in names, expected
    for figure in result["figures"]:
        assert figure["value"] > 0, figure
