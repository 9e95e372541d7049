"""paptools: the SEND Priority Action Plan workbook, read, reconciled and reported.

The library in two lines::

    import paptools
    paptools.read_plan("plan.xlsx").to_frame()

`read_plan(path)` returns a Plan (actions, entries, statuses, warnings); `reconcile(old, new)`
returns a Reconciliation (the changes and the figures); `history(folder)` returns a History
(every version in order, counts, slips, completions). Each has `to_frame()` for pandas.
Nothing heavy is imported until it is used: `import paptools` loads no pandas, matplotlib,
python-docx, xlsxwriter or openpyxl.
"""
from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

from paptools.compiled import stale_source, use_sources

__version__ = "0.1.0"

if (_changed := stale_source()) is not None:  # a pull or an edit since the install compiled the reader
    use_sources()
    warnings.warn(f"{_changed} changed after paptools was installed, so paptools runs from its sources, more "
                  "slowly: run `pip install -e .` again to compile it", RuntimeWarning, stacklevel=2)

# name -> the module that defines it; loaded on first use (PEP 562).
_EXPORTS = {
    "read_plan": "paptools.api",
    "reconcile": "paptools.api",
    "history": "paptools.api",
    "write_outputs": "paptools.api",
    "OutputOptions": "paptools.api",
    "Reconciliation": "paptools.compare.reconciliation",
    "History": "paptools.compare.history",
    "Version": "paptools.compare.history",
    "Timeline": "paptools.compare.history",
    "Point": "paptools.compare.history",
    "Slipped": "paptools.compare.history",
    "Slip": "paptools.compare.history",
    "Completed": "paptools.compare.history",
    "PlanDiff": "paptools.compare.diff",
    "Completion": "paptools.compare.completion",
    "Summary": "paptools.compare.figures",
    "Counts": "paptools.compare.figures",
    "summarize": "paptools.compare.figures",
    "Plan": "paptools.model",
    "Action": "paptools.model",
    "Entry": "paptools.model",
    "EntryDate": "paptools.model",
    "EntrySource": "paptools.model",
    "Month": "paptools.model",
    "Note": "paptools.model",
    "Status": "paptools.model",
    "STATUSES": "paptools.model",
    "Timescale": "paptools.model",
    "DataWarning": "paptools.model",
    "PapError": "paptools.errors",
    "NotAWorkbook": "paptools.errors",
    "UnsafeWorkbook": "paptools.errors",
    "NoActions": "paptools.errors",
    "UsageError": "paptools.errors",
    "OutputExists": "paptools.errors",
}

__all__ = [  # the same names as _EXPORTS (a test holds them equal), written out for type checkers
    "STATUSES",
    "Action",
    "Completed",
    "Completion",
    "Counts",
    "DataWarning",
    "Entry",
    "EntryDate",
    "EntrySource",
    "History",
    "Month",
    "NoActions",
    "NotAWorkbook",
    "Note",
    "OutputExists",
    "OutputOptions",
    "PapError",
    "Plan",
    "PlanDiff",
    "Point",
    "Reconciliation",
    "Slip",
    "Slipped",
    "Status",
    "Summary",
    "Timeline",
    "Timescale",
    "UnsafeWorkbook",
    "UsageError",
    "Version",
    "__version__",
    "history",
    "read_plan",
    "reconcile",
    "summarize",
    "write_outputs",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'paptools' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
    from paptools.api import OutputOptions, history, read_plan, reconcile, write_outputs
    from paptools.compare.completion import Completion
    from paptools.compare.diff import PlanDiff
    from paptools.compare.figures import Counts, Summary, summarize
    from paptools.compare.history import Completed, History, Point, Slip, Slipped, Timeline, Version
    from paptools.compare.reconciliation import Reconciliation
    from paptools.errors import NoActions, NotAWorkbook, OutputExists, PapError, UnsafeWorkbook, UsageError
    from paptools.model import (
        STATUSES,
        Action,
        DataWarning,
        Entry,
        EntryDate,
        EntrySource,
        Month,
        Note,
        Plan,
        Status,
        Timescale,
    )
