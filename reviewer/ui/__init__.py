"""The PySide6 window. Talks to the core only through ReviewSession and plain data."""

from reviewer.ui.qt_compat import guard_none_refcount

guard_none_refcount()
