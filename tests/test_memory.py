"""Freed memory given back to the system after the last version is read (paptools/memory.py)."""
from __future__ import annotations

import sys

import pytest

from paptools import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim is Linux's")
def test_pages_freed_by_a_read_leave_the_process():
    def resident_mib() -> float:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096 / 2**20

    freed = [bytes(4000) for _ in range(20_000)]  # 80 MB in the C allocator's heap, not in mmapped blocks
    kept = bytes(4000)  # after them, so the heap cannot just shrink from its top
    before = resident_mib()
    del freed
    memory.give_back_freed()
    assert resident_mib() < before - 40
    assert len(kept) == 4000


def test_nothing_is_done_where_there_is_no_malloc_trim(monkeypatch):
    memory._malloc_trim.cache_clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        assert memory._malloc_trim() is None
        memory.give_back_freed()  # and no error
    finally:
        memory._malloc_trim.cache_clear()
