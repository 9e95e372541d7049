"""The status colours every output uses, in one place.

Each status has the Key's fill colour, the text colour that reads on it at WCAG AA contrast
(at least 4.5:1), the colour's everyday name (for sentences such as "blue means Complete"), and
the nearest terminal colour. Change a colour here and the report, the cleaned workbook, the
charts and the terminal all follow.
"""
from __future__ import annotations

from dataclasses import dataclass

from paptools.model import Status


@dataclass(frozen=True)
class StatusColour:
    fill: str  # RGB hex, no '#': "0070C0"
    text: str  # the text colour on that fill
    name: str  # "blue"
    terminal: str  # click's colour name

    def rgb(self) -> tuple[int, int, int]:
        return int(self.fill[0:2], 16), int(self.fill[2:4], 16), int(self.fill[4:6], 16)


PALETTE: dict[Status, StatusColour] = {
    Status.COMPLETE: StatusColour("0070C0", "FFFFFF", "blue", "blue"),
    Status.ON_TRACK: StatusColour("00B050", "000000", "green", "green"),
    Status.NOT_STARTED: StatusColour("FFFFFF", "000000", "white", "white"),
    Status.VULNERABLE: StatusColour("FFC000", "000000", "amber", "yellow"),
    Status.AT_RISK: StatusColour("C00000", "FFFFFF", "red", "red"),
}
