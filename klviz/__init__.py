"""klviz: see and touch entropy, cross-entropy and Kullback-Leibler divergence."""

__version__ = "0.1.0"
