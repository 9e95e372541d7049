"""The `paptools` command line: one module per command group, all registered on `main`.

Each command module parses options, calls the library (`paptools.api`) and prints; adding a
command is adding a module here and importing it below.
"""
from paptools.cli import check as _check  # noqa: F401  (registers check, lint and explain)
from paptools.cli import history as _history  # noqa: F401  (registers history)
from paptools.cli import inspect as _inspect  # noqa: F401  (registers inspect)
from paptools.cli import pack as _pack  # noqa: F401  (registers pack)
from paptools.cli import read as _read  # noqa: F401  (registers show and summary)
from paptools.cli import reconcile as _reconcile  # noqa: F401  (registers reconcile and clean)
from paptools.cli import report as _report  # noqa: F401  (registers report and template)
from paptools.cli.app import main

__all__ = ["main"]
