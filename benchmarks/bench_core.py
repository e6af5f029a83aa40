"""klviz.core.kl_divergence against scipy.special.rel_entr(...).sum() at n = 10^6, side by side.

Run: .venv/bin/python benchmarks/bench_core.py   (needs the `test` extra for scipy)
Target (issue 2): klviz no slower than about 1.5x scipy. Reports medians and the ratio.
"""

import statistics
import time

import numpy as np
from scipy.special import rel_entr

from klviz.core import cross_entropy, entropy, kl_divergence


def bench(fn, repeats=41):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    n = 10**6
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(n))
    q = rng.dirichlet(np.ones(n))
    p[::1000] = 0.0  # some zeros, as in real use
    p /= p.sum()
    # Interleave the two so machine noise hits both alike.
    ours, theirs = [], []
    for _ in range(5):
        theirs.append(bench(lambda: rel_entr(p, q).sum(), 9))
        ours.append(bench(lambda: kl_divergence(p, q), 9))
    s, k = statistics.median(theirs), statistics.median(ours)
    print(f"n = {n:,}")
    print(f"scipy rel_entr(p, q).sum(): median {s * 1e3:7.2f} ms")
    print(f"klviz kl_divergence(p, q):  median {k * 1e3:7.2f} ms   ratio {k / s:.2f}x")
    print(f"klviz entropy(p):           median {bench(lambda: entropy(p)) * 1e3:7.2f} ms")
    print(f"klviz cross_entropy(p, q):  median {bench(lambda: cross_entropy(p, q)) * 1e3:7.2f} ms")
    assert abs(kl_divergence(p, q) - rel_entr(p, q).sum()) <= 1e-9 * rel_entr(p, q).sum()


if __name__ == "__main__":
    main()
