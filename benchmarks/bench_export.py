"""Wall time of `klviz export` (a fresh process each time: start-up and imports included).

Run: .venv/bin/python benchmarks/bench_export.py [--runs 7]
Target (the figures issue): at most about 1.5 s for one view, whatever the format.
Reports the median (and min/max) over the runs for PNG (300 dpi), SVG and PDF of each view.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5
CASES = {
    "discrete": ["--p", "0.05,0.1,0.2,0.3,0.2,0.1,0.05", "--q", "0.2,0.1,0.05,0.05,0.1,0.2,0.3"],
    "continuous": ["--p", "mixture:0.5,-2,0.7,2,0.7", "--q", "normal:0,1.5"],
}


def _command():
    exe = Path(sys.executable).with_name("klviz")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "klviz"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # As installed by pip, klviz has its bytecode compiled, like matplotlib; an environment that
    # forbids writing .pyc files would make every run compile klviz's modules again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out_dir = tempfile.mkdtemp(prefix="klviz-bench-")
    cmd = _command()
    # One untimed run first: matplotlib builds its font cache on the very first use (and klviz's
    # bytecode is written).
    subprocess.run([*cmd, "export", *CASES["discrete"], "--view", "discrete", "--out",
                    os.path.join(out_dir, "warm.png")], check=True, env=env)
    print(f"klviz export wall time, {args.runs} runs each ({' '.join(cmd)}); load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    # How fast is this machine? The bare import of matplotlib's Figure is the floor of any export.
    base, base_cpu = [], []
    for _ in range(args.runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import matplotlib.figure"], check=True, env=env)
        base.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        base_cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    print(f"  reference: python -c 'import matplotlib.figure': median {statistics.median(base):.2f} s;"
          f" CPU median {statistics.median(base_cpu):.2f} s")
    worst = 0.0
    try:
        for view, pq in CASES.items():
            for fmt in ("png", "svg", "pdf"):
                out = os.path.join(out_dir, f"{view}.{fmt}")
                times, cpu = [], []
                for _ in range(args.runs):
                    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                    t0 = time.perf_counter()
                    subprocess.run([*cmd, "export", *pq, "--view", view, "--out", out], check=True, env=env)
                    times.append(time.perf_counter() - t0)
                    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
                med = statistics.median(times)
                worst = max(worst, med)
                print(f"  {view:<10} {fmt}: median {med:5.2f} s  (min {min(times):.2f}, max {max(times):.2f});"
                      f" CPU median {statistics.median(cpu):.2f} s  {os.path.getsize(out) / 1024:5.0f} KiB")
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    print(f"slowest median {worst:.2f} s; target <= {TARGET} s: {'met' if worst <= TARGET else 'NOT met'}")
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print("note: the machine is busy (load above its CPU count): wall times are inflated; the CPU "
              "times show what an idle machine would take")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
