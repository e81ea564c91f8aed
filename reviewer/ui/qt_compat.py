"""Work-arounds for defects of the installed Qt bindings.

shiboken6 6.12 hands out ``None`` (from every void method: ``setPen``, ``save``,
``setText``…) and ``True``/``False`` (e.g. the ``checked`` argument of ``QAction.triggered``)
without taking a reference. On CPython 3.12+ these objects are immortal and nothing happens;
on 3.11 each call lowers their reference count by one, and a few seconds of painting bring
None's to zero: "Fatal Python error: none_dealloc" (or bool_dealloc). Until the bindings are
fixed we give the three singletons reference counts so large (2**40) that no session can use
them up. The objects are never freed anyway; only the counter changes.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40
_guarded = False


def guard_none_refcount() -> None:
    """Apply the work-around once, only where None is mortal (CPython < 3.12)."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _guarded = True
