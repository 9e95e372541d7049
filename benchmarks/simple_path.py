"""`paptools` with every cache of the library taken out: the simple path, for comparison.

    .venv/bin/python benchmarks/simple_path.py show --json PLAN.xlsx

The fast paths of paptools are its caches (a Progress cell split once for both versions,
a written date parsed once, initials and status words matched once), orjson's JSON text and,
on two cores, the work done by a forked second process. This runs the same command with each
cached function replaced by the function it wraps, in one process, and the reader as plain Python
(not compiled: plain_python.py), so the benchmark can check that the JSON is byte for byte the
same: a fast path that changed a result would show.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


def _modules() -> list[ModuleType]:
    import paptools

    found = []
    for info in pkgutil.walk_packages(paptools.__path__, "paptools."):
        if info.name.endswith("__main__"):
            continue
        try:
            found.append(importlib.import_module(info.name))
        except ImportError as error:  # a module another part is still writing: its caches cannot matter here
            print(f"simple path: {info.name} not imported ({error})", file=sys.stderr)
    return found


def uncache() -> int:
    """Replace every functools cache in paptools, wherever it is imported; how many there were."""
    modules = _modules()
    unwrapped: dict[int, Callable[..., Any]] = {}
    for module in modules:
        for value in vars(module).values():
            if hasattr(value, "cache_info") and hasattr(value, "__wrapped__"):
                unwrapped[id(value)] = value.__wrapped__
    for module in modules:
        for name, value in list(vars(module).items()):
            if id(value) in unwrapped:
                setattr(module, name, unwrapped[id(value)])
    from paptools.read import dates

    dates._token = dates._parse_token  # the memo of written dates
    from paptools.read import progress

    def entries(memo: object, text: str, sheet: str, cell: str | None, warn: Any, order: Any, author: Any,
                ref: str, plan_date: Any = None) -> Any:
        return progress.cell_entries(text, sheet, cell, warn, order, author, plan_date=plan_date)

    progress.CellMemo.entries = entries  # type: ignore[method-assign]  # the versions' cells, each read anew
    from paptools import forked

    forked.can_fork = lambda: False  # one process: Forked.start makes no child
    import json

    from paptools.write import jsondoc
    from paptools.write.safe import json_safe

    # The JSON text by the standard library's encoder, not orjson's
    jsondoc.json_bytes = lambda document: json_safe(json.dumps(document, indent=2, ensure_ascii=False)).encode("utf-8")
    return len(unwrapped)


if __name__ == "__main__":
    from plain_python import is_compiled, use_plain_python  # beside this script

    use_plain_python()
    if is_compiled():
        raise SystemExit("simple path: paptools was still imported compiled")
    if uncache() == 0:
        raise SystemExit("no cache found in paptools: this script needs updating")
    from paptools.cli import main

    sys.argv[0] = "paptools"
    main()
