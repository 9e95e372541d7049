"""The versions of one plan read one after another (reconcile, history), each exactly as read_plan.

Split from read/plan.py: what one version keeps for the next, and when it lets go of it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from paptools.memory import give_back_freed
from paptools.model import Plan
from paptools.read.plan import read_workbook
from paptools.read.progress import CellMemo
from paptools.read.rows import cell_text
from paptools.read.split_early import EarlySplits
from paptools.read.style import HouseStyle
from paptools.read.xcell import XCell

__all__ = ["Progress", "Versions"]


class Progress(Protocol):
    """What a long job tells the person waiting: the stage, and how far through a sheet."""

    def stage(self, label: str) -> None: ...

    def advance(self, done: int, total: int) -> None: ...


class Versions:
    """Reads the versions of one plan one after another (reconcile, history), each exactly as read_plan.

    Most cells of a version are as they were in the version before, so each cell's clean text
    is kept for the next version (the texts of two versions at most): a cell that did not
    change is not cleaned again, and its text is the same string as before, which the entry
    splitter's cache then finds at once, and which the sheet's rows hold while it is read
    instead of a copy; and each unchanged Progress cell's entries are the ones read from the
    version before (read/progress.py CellMemo says when that holds). The last version keeps
    nothing for a next one: told so, the reader lets go of the texts and splits it kept for
    the next version, which would otherwise sit through the caller's peak of memory.
    With `workers=2` the first version's Progress cells are split on two processes, by `early`
    when its child was started on the first version's workbook already.
    """

    def __init__(self, style: str | Path | HouseStyle | None = None, workers: int = 1,
                 early: EarlySplits | None = None) -> None:
        self._style, self._workers, self._early = style, workers, early
        self._keep = True
        # The texts cleaning leaves alone (each its own key), and the raw texts it changes -> (raw, clean).
        self._same_before: dict[str, str] = {}
        self._same: dict[str, str] = {}
        self._cleaned_before: dict[str, tuple[str, str]] = {}
        self._cleaned: dict[str, tuple[str, str]] = {}
        self._cells = CellMemo()

    def read(self, path: str | Path, progress: Callable[[int, int], None] | None = None, *,
             last: bool = False) -> Plan:
        """The next version, as read_plan(path, progress, style) reads it.

        `last`: no version will be read after this one, so nothing is kept for it (a version
        read after all the same is read in full, as the first).
        """
        self._same_before, self._same = self._same, {}
        self._cleaned_before, self._cleaned = self._cleaned, {}
        self._keep = not last
        self._cells.next_version(keep=not last)
        early, self._early = self._early, None  # the first version's alone
        try:
            return read_workbook(Path(path), progress, self._style, self._text, self._cells, self._texts_read,
                                 self._workers, early)
        finally:
            self._texts_read()
            if last:
                self._cells.next_version()
                give_back_freed()  # what the versions kept for each other, before the caller's peak

    def read_all(self, paths: Sequence[Path], progress: Progress | None = None, *, last: bool = True) -> list[Plan]:
        """Each version in turn, `progress` told which; the last told it is the last when `last`."""
        plans = []
        for n, path in enumerate(paths, start=1):
            if progress is not None:
                progress.stage(f"Reading {path.name}")
            plans.append(self.read(path, progress.advance if progress is not None else None,
                                   last=last and n == len(paths)))
        return plans

    def _texts_read(self) -> None:
        """Every cell's text is read (sheet_rows): the version before's are not needed any more."""
        self._same_before, self._cleaned_before = {}, {}

    def _text(self, cell: XCell) -> str:
        """cell_text(cell.value); a string value is pointed at the equal one already held, if any."""
        value = cell.value
        if type(value) is not str:
            return cell_text(value)
        text = self._same.get(value)
        if text is None:
            text = self._same_before.get(value)
            if text is not None and self._keep:
                self._same[text] = text
        if text is not None:
            cell.value = text
            return text
        pair = self._cleaned.get(value)
        if pair is None:
            pair = self._cleaned_before.get(value)
            if pair is None:
                text = cell_text(value)
                if text == value:
                    if self._keep:
                        self._same[text] = text
                    cell.value = text
                    return text
                pair = (value, text)
            if self._keep:
                self._cleaned[pair[0]] = pair
        cell.value = pair[0]
        return pair[1]
