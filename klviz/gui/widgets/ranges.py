"""Axis limits that change in steps, so a drag does not re-lay out an axis on every frame (the
rule itself is the scene's: klviz.scene.axes)."""

from klviz.scene.axes import nice_ceiling

__all__ = ["nice_ceiling"]
