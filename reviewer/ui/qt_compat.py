"""Work-arounds for defects of the installed Qt bindings.

shiboken6 6.12 returns ``None`` from void methods without taking a reference. On CPython
3.12+ None is immortal and nothing happens; on 3.11 every such call (``setPen``, ``save``,
``setText``…) lowers None's reference count by one, and a few seconds of painting bring it
to zero: "Fatal Python error: none_dealloc". Until the bindings are fixed we give None a
reference count so large (2**40) that no session can use it up.
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
    # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
    _guarded = True
