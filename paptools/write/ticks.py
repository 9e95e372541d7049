"""The tick step of a chart's count axis, the same in the report's pictures and the workbook's charts.

Counts are whole: a small plan's axis left to Excel reads 0, 0.5, 1, 1.5 actions.
"""
from __future__ import annotations

__all__ = ["tick_step"]


def tick_step(top: int) -> int:
    """A round tick step (1, 2 or 5 times a power of ten) giving at most six ticks up to `top`."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top / (factor * magnitude) <= 6:
                return factor * magnitude
        magnitude *= 10
