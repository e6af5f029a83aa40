"""Compatibility: the session model now lives in klviz.gui.models.session_model."""

from klviz.gui.models.session_model import SessionModel

__all__ = ["SessionModel"]
