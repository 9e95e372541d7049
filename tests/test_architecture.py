"""The package is the data flow: imports point one way, down the pipeline, never back up.

read/ knows nothing of what is done with a plan; compare/ nothing of words or files; check/
nothing of how a report is written; content/ nothing of Word or Excel; write/ only renders.
The API and the CLI sit on top. A module that imports against the flow fails here, naming
both ends, so the layering ARCHITECTURE.md describes cannot drift.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "paptools"
# Lower layers first; a module may import only from its own layer or the layers before it.
LAYERS = [
    ("paptools.model", "paptools.errors", "paptools.layout", "paptools.forked", "paptools.memory"),
    ("paptools.read",),
    ("paptools.compare",),
    ("paptools.check",),
    ("paptools.content",),
    ("paptools.write",),
    ("paptools.api", "paptools.write_jobs", "paptools.history_read", "paptools.frames"),
    ("paptools.cli", "paptools.__main__", "paptools"),
]


def layer_of(module: str) -> int:
    best = (-1, -1)  # (length of the matching prefix, layer)
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best[0]:
                best = (len(prefix), index)
    return best[1]


def _frame_bridges(tree: ast.AST) -> set[int]:
    """Imports of paptools.frames inside a `*_frame` method (Plan.to_frame(), History.counts_frame() ...).

    The one sanctioned way up: a record offers itself as a DataFrame (issue 15.3) by importing
    the frames module when, and only when, a frame is asked for; nothing else may point up.
    """
    bridges = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name.endswith("_frame"):
            bridges |= {id(inner) for inner in ast.walk(node)
                        if isinstance(inner, ast.ImportFrom) and inner.module == "paptools.frames"}
    return bridges


def imports_of(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bridges = _frame_bridges(tree)
    for node in ast.walk(tree):
        if id(node) in bridges:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("paptools") and not node.level:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("paptools")]
    return found


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_module_belongs_to_a_layer():
    for path in PACKAGE.rglob("*.py"):
        assert layer_of(module_name(path)) >= 0, f"{module_name(path)} is in no layer of tests/test_architecture.py"


def test_no_import_points_back_up_the_pipeline():
    against = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        for target in imports_of(path):
            if target == "paptools":
                continue  # the package's face re-exports; importing it is not a layer
            if layer_of(target) > layer_of(here):
                against.append(f"{here} imports {target}")
    assert against == []


def test_content_knows_no_file_format():
    formats = ("docx", "xlsxwriter", "openpyxl", "lxml", "email", "PIL", "matplotlib")
    for path in (PACKAGE / "content").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for name in names:
                assert name.split(".")[0] not in formats, f"{path.name} imports {name}"
