"""Compatibility: the session's state and file format now live in klviz.state (this module
re-exports them, so `from klviz.session import load_session, save_session, Session, SessionError`
keeps working)."""

from klviz.core.spec import continuous_from_dict
from klviz.state import *  # noqa: F401,F403
from klviz.state import __all__ as _state_names

__all__ = [*_state_names, "continuous_from_dict"]
