"""Axis limits that change in steps, so a drag does not re-lay out an axis on every frame (the
rule itself is the scene's: klviz.scene.axes)."""

from klviz.scene.axes import fitted_top, nice_ceiling  # noqa: F401 (re-exported: the rules are the scene's)

__all__ = ["fitted_top", "nice_ceiling"]
