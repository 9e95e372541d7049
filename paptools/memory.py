"""Freed memory given back to the system between a read and the writers.

Reading a version makes and drops far more than it keeps (each sheet's cells, the texts and
splits kept for the next version), and C's allocator keeps most of what was dropped for reuse,
in pages still counted as the process's. Without this the writers' peak sits on top of them:
a reconcile of 5,000 actions peaked 5 MiB higher, of 20,000 actions 21 MiB higher. Where the C
library is not glibc there is nothing to call, and nothing is done.
"""
from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from functools import cache

__all__ = ["give_back_freed"]


def give_back_freed() -> None:
    """Return the allocator's wholly free pages to the system (glibc malloc_trim): nothing held is touched."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim  # in the C library the program is linked with
        return trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
