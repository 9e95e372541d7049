"""Rows that only head their sub-actions: "1.1 | Develop a performance framework" with no owner,
date, status or progress, above 1.1a and 1.1b which have them.

Counted as actions they would add an Unknown to every figure and a missing timescale to the
warnings; they are headings of the actions under them, kept as such (inspect lists them).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from paptools.read.refs import Ref, parse_ref

if TYPE_CHECKING:
    from paptools.read.action_row import RawAction

__all__ = ["heading_parents"]


def heading_parents(actions: list[RawAction]) -> tuple[list[RawAction], list[RawAction]]:
    """The sheet's actions without the rows that only head the sub-actions following them, and those rows."""
    kept: list[RawAction] = []
    parents: list[RawAction] = []
    for index, raw in enumerate(actions):
        following = actions[index + 1] if index + 1 < len(actions) else None
        parent = parse_ref(raw.ref.text)
        child = parse_ref(following.ref.text) if following is not None else None
        if parent is not None and child is not None and _under(child, parent) and _bare(raw):
            parents.append(raw)
        else:
            kept.append(raw)
    return kept, parents


def _under(child: Ref, parent: Ref) -> bool:
    """Whether `child` is a sub-action of `parent`: 1.1a or 1.1.2 under 1.1."""
    if child.prefix != parent.prefix or child.inner != parent.inner or parent.suffix:
        return False
    return (child.number == parent.number and bool(child.suffix)) or child.number.startswith(parent.number + ".")


def _bare(raw: RawAction) -> bool:
    """A row with nothing an action has but its ref and its words: no owner, date, status or progress."""
    fields = raw.fields
    return (not fields.get("owner") and not fields.get("progress") and raw.timescale_value in (None, "")
            and not raw.status_text and raw.status_rgb in (None, "FFFFFF") and not raw.updates
            and all(value in (None, "") for value, _ in raw.due_values.values())
            and not any(v for name, v in fields.items() if name.startswith("period:")))
