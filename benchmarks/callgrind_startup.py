"""Instructions from the interpreter's start to the first paint: `klviz` against the bare Qt window
holding one pyqtgraph plot, counted by valgrind's callgrind (noise-free, unlike bench_startup.py's
clock, which these shared machines move by a quarter from run to run).

The same two programs as bench_startup.py (its probe, its 1280×820 window on a 1506×965 offscreen
screen, klviz launched as the `klviz` command launches it), except that the process ends
(os._exit) where bench_startup.py prints its time: the count stops at the first paint. Each is run
once beforehand to write the bytecode and the settings a later launch reads (this shell may set
PYTHONDONTWRITEBYTECODE: then a stale bytecode cache costs 50-90 M of compiling). The ratio of the
two counts follows the ratio of the times closely (1.31 against 1.30 on 2026-12-03).

Under valgrind a program runs some 50 times slower, so klviz's "the window never painted" fallback
(klviz.gui.main_window.FIRST_PAINT_FALLBACK_MS, one second) could fire before the first paint and
start the build of the later tabs inside the count, in some runs and not others: here it is set
out of reach (KEEP_FALLBACK_AWAY), as on a real machine, where the first paint comes well before
it.

Run (needs Debian's valgrind; about 2 minutes, the two runs side by side):
    .venv/bin/python benchmarks/callgrind_startup.py [--also /path/to/other/checkout]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_startup  # noqa: E402

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


KEEP_FALLBACK_AWAY = """  # after bench_startup.PROBE, whose _spec_then it uses
class _FallbackAway:
    # when klviz.gui.main_window is imported, its never-painted fallback goes out of reach
    def find_spec(self, name, path=None, target=None):
        if name != "klviz.gui.main_window":
            return None
        sys.meta_path.remove(self)
        return _spec_then(name, lambda module: setattr(module, "FIRST_PAINT_FALLBACK_MS", 10 ** 9))

sys.meta_path.insert(0, _FallbackAway())
"""


def count(code, checkout):
    tmp = tempfile.mkdtemp(prefix="klviz-callgrind-startup-")
    screens = os.path.join(tmp, "screens.json")
    with open(screens, "w", encoding="utf-8") as f:
        w, h = bench_startup.SCREEN
        json.dump({"screens": [{"name": "bench", "x": 0, "y": 0, "width": w, "height": h}]}, f)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
               XDG_CONFIG_HOME=os.path.join(tmp, "config"), PYTHONPATH=checkout)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = code.replace("w.close()", "import os; os._exit(0)")  # stop counting at the first paint
    subprocess.run([sys.executable, "-c", code, repr(time.time())], env=env, cwd=tmp,
                   capture_output=True, timeout=120)
    out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/callgrind.out",
                          sys.executable, "-c", code, repr(time.time())],
                         env=env, cwd=tmp, capture_output=True, text=True, timeout=1200)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count:\n{out.stderr[-2000:]}")
    return int(found.group(1)), f"{tmp}/callgrind.out"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--also", action="append", default=[], metavar="CHECKOUT",
                    help="also count the klviz of this checkout")
    args = ap.parse_args(argv)
    variants = [("bare Qt + one pyqtgraph plot", bench_startup.BARE, HERE)]
    klviz = bench_startup.PROBE + KEEP_FALLBACK_AWAY + bench_startup.LAUNCH
    variants += [(f"klviz ({path})", klviz, path) for path in [HERE] + args.also]
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = list(pool.map(lambda v: count(v[1], v[2]), variants))
    bare = counts[0][0]
    print("instructions to the first paint (callgrind):")
    for (name, _, _), (n, path) in zip(variants, counts):
        ratio = "" if n == bare else f"   ratio {n / bare:.3f}x"
        print(f"  {name:40s} {n / 1e6:8.1f} M{ratio}   ({path})")


if __name__ == "__main__":
    main()
