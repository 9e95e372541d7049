"""The report's charts as PNG images, with the alternative text that describes them.

Statuses are named on the axis and counts are written on the bars, so the chart reads the
same without its colours; hatching tells the statuses apart in greyscale too.
"""
from __future__ import annotations

import io

from paptools.compare.figures import Counts
from paptools.model import REPORT_ORDER, Status

COLOURS = {
    Status.COMPLETE: "#0070C0",
    Status.ON_TRACK: "#00B050",
    Status.NOT_STARTED: "#FFFFFF",
    Status.VULNERABLE: "#FFC000",
    Status.AT_RISK: "#C00000",
}
HATCHES = {Status.COMPLETE: "", Status.ON_TRACK: "//", Status.NOT_STARTED: "..", Status.VULNERABLE: "xx",
           Status.AT_RISK: "\\\\"}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no screen: draw to memory
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10, "hatch.linewidth": 0.6})
    return plt


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=200, bbox_inches="tight", facecolor="white")
    _pyplot().close(figure)
    return buffer.getvalue()


def status_chart(groups: list[tuple[str, Counts]]) -> tuple[bytes, str]:
    """Horizontal bars of the counts by status, one panel per group (PAP actions, all actions)."""
    plt = _pyplot()
    figure, axes = plt.subplots(1, len(groups), figsize=(3.3 * len(groups) + 0.8, 2.6), sharey=True, squeeze=False)
    labels = [s.value for s in REPORT_ORDER][::-1]
    for axis, (title, counts) in zip(axes[0], groups):
        values = [counts.of(s) for s in REPORT_ORDER][::-1]
        bars = axis.barh(labels, values, color=[COLOURS[s] for s in REPORT_ORDER][::-1], edgecolor="#404040",
                         hatch=None, linewidth=0.8)
        for bar, status in zip(bars, REPORT_ORDER[::-1]):
            bar.set_hatch(HATCHES[status])
        top = max([*values, 1])
        for y, value in enumerate(values):
            axis.text(value + top * 0.02, y, str(value), va="center", fontsize=9)
        axis.set_xlim(0, top * 1.18)
        axis.set_title(f"{title} ({counts.total})", fontsize=10)
        axis.spines[["top", "right"]].set_visible(False)
        axis.tick_params(axis="x", labelsize=8)
    figure.tight_layout()
    parts = "; ".join(
        f"{title}: " + ", ".join(f"{s.value} {counts.of(s)}" for s in REPORT_ORDER) + f" (total {counts.total})"
        for title, counts in groups
    )
    return _png(figure), f"Bar chart of actions by RA status. {parts}."


def trend_chart(versions: list[tuple[str, Counts]]) -> tuple[bytes, str]:
    """Stacked columns: the statuses of all actions in each version read."""
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(6.4, 3.0))
    names = [name for name, _ in versions]
    bottoms = [0] * len(versions)
    for status in REPORT_ORDER:
        values = [counts.of(status) for _, counts in versions]
        bars = axis.bar(names, values, bottom=bottoms, color=COLOURS[status], edgecolor="#404040",
                        linewidth=0.8, label=status.value, hatch=HATCHES[status])
        for bar, value, bottom in zip(bars, values, bottoms):
            if value >= 3:
                dark = status in (Status.COMPLETE, Status.AT_RISK)
                axis.text(bar.get_x() + bar.get_width() / 2, bottom + value / 2, str(value), ha="center",
                          va="center", fontsize=8, color="white" if dark else "black")
        bottoms = [b + v for b, v in zip(bottoms, values)]
    axis.set_ylabel("Number of actions")
    axis.spines[["top", "right"]].set_visible(False)
    axis.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    figure.tight_layout()
    description = "; ".join(
        f"{name}: " + ", ".join(f"{s.value} {counts.of(s)}" for s in REPORT_ORDER) for name, counts in versions
    )
    return _png(figure), f"Stacked column chart of all actions by RA status in each version of the plan. {description}."
