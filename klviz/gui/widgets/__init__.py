"""Reusable parts of the klviz window."""
