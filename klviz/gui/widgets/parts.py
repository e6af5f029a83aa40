"""A widget built in parts: the app's start builds the larger pages after the first paint, a
part per event-loop turn, so no turn holds the window long (benchmarks/stall.py)."""


class BuiltInParts:
    """Mix-in: the widget's `_build_parts()` is a generator that builds it, yielding between
    parts. `_start_building(build)` at the end of __init__ builds it whole (build=True) or
    leaves only its frame (build=False), which `build_steps()` then builds a part per step."""

    def _start_building(self, build):
        self._parts = self._build_parts()
        if build:
            for _ in self._parts:
                pass

    def build_steps(self):
        """What __init__(build=False) left, a part per step (nothing if it is built)."""
        yield from self._parts
