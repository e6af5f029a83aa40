"""Compatibility: the loss lab's state now lives in klviz.state.losslab (re-exported here)."""

from klviz.state.losslab import *  # noqa: F401,F403
