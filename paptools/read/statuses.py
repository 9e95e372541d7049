"""RA status from a cell's words or its colour (its fill, or a mark's font colour).

Words are mapped by meaning in read/vocabulary.py; this module keeps the reader's two
word helpers and the colours.

The plan's own Key decides what each colour means. Without a Key the usual convention
applies to fills: blue Complete, green On track, amber Vulnerable, red At risk, white or no
fill Not yet started; a mark's font colour is read only through a Key. A colour the Key does
not list is read by its nearest Key colour of the same family and reported; a colour of no
family (grey, purple, black) is reported and left unknown, never guessed.
"""
from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field
from functools import lru_cache

from paptools.model import Status
from paptools.read.vocabulary import is_status_word, map_status_word, only_under_way


def status_from_text(text: str) -> tuple[Status | None, bool]:
    """The status a cell's words name, and whether the words were recognised as one.

    The words are read by meaning (read/vocabulary.py): "Complete - agreed at LIP EB",
    "Green (on track)", "Closed", "Some slippage". Blank text is recognised as no status.
    """
    mapping = map_status_word(text)
    if not mapping.word.strip():
        return None, True
    return mapping.status, mapping.status is not None


def key_status(text: str) -> Status | None:
    """The status a Key legend line names: 'On track: The action has started...'.

    Only a status word standing alone before the description counts ("Completed actions"
    is a heading, not a Key line).
    """
    head = re.split(r"[:\-–—(]", text.strip(), maxsplit=1)[0]
    if len(head.split()) > 4 or not is_status_word(head):
        return None
    if only_under_way(head):  # "In progress - delayed: ...": its qualifier says how it is going
        return map_status_word(text.split(":")[0]).status or map_status_word(head).status
    return map_status_word(head).status


# --- colours --------------------------------------------------------------------------

def normalise_rgb(value: str | None) -> str | None:
    """'FF92D050' or '#92d050' to '92D050'; None for anything that is not a colour."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip().lstrip("#").upper()
    if len(value) == 8:
        value = value[2:]
    return value if re.fullmatch(r"[0-9A-F]{6}", value) else None


def apply_tint(rgb: str, tint: float) -> str:
    """Excel's tint: lighten towards white (tint > 0) or darken towards black (tint < 0)."""
    if not tint:
        return rgb
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    lum = lum * (1 + tint) if tint < 0 else lum * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), s)
    return "".join(f"{round(c * 255):02X}" for c in (r, g, b))


WHITE = "FFFFFF"


@lru_cache(maxsize=1024)  # a plan uses a few fill colours, one per status cell
def family(rgb: str) -> str:
    """The colour family an officer would name: blue, green, amber, red, white, or other."""
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    if lum >= 0.94 or (lum >= 0.85 and s < 0.25):
        return "white"
    if s < 0.2 or lum < 0.08:
        return "other"  # grey or black: no status colour
    hue = h * 360
    if hue < 12 or hue >= 335:
        return "red"
    if hue < 66:
        return "amber"  # orange, gold and yellow all stand for amber
    if hue < 170:
        return "green"
    if hue < 255:
        return "blue"
    return "other"  # purple and pink


# Without a Key: each colour family's status (inspect shows it).
DEFAULT_FAMILIES = {
    "blue": Status.COMPLETE,
    "green": Status.ON_TRACK,
    "amber": Status.VULNERABLE,
    "red": Status.AT_RISK,
    "white": Status.NOT_STARTED,
}


def _distance(a: str, b: str) -> int:
    return sum((int(a[i : i + 2], 16) - int(b[i : i + 2], 16)) ** 2 for i in (0, 2, 4))


@dataclass
class ColourKey:
    """What each colour means, a fill or a mark's font colour: from the workbook's Key when it has one."""

    colours: dict[str, Status] = field(default_factory=dict)  # RGB -> status, from the Key

    def add(self, rgb: str | None, status: Status) -> str | None:
        """Record a Key line; returns a message if the Key contradicts itself."""
        rgb = rgb or WHITE
        known = self.colours.get(rgb)
        if known and known is not status:
            return f"the Key gives colour {rgb} to both {known} and {status}"
        self.colours[rgb] = status
        return None

    def blank_status(self) -> Status | None:
        """What an RA cell with no fill means: Not yet started unless the Key says otherwise."""
        if not self.colours:
            return Status.NOT_STARTED
        return self.colours.get(WHITE)

    def status_for(self, rgb: str, what: str = "fill colour") -> tuple[Status | None, str | None]:
        """The status a colour stands for (a fill's, or a mark's font colour), and a message when it had
        to be inferred. Only a fill is read without a Key (read/action_status.py)."""
        fam = family(rgb)
        if not self.colours:
            status = DEFAULT_FAMILIES.get(fam)
            if status is None:
                return None, f"{what} {rgb} is not a status colour (no Key in the workbook); status unknown"
            return status, None
        if rgb in self.colours:
            return self.colours[rgb], None
        if fam == "white" and WHITE in self.colours:
            return self.colours[WHITE], None
        same_family = [c for c in self.colours if family(c) == fam]
        if fam == "other" or not same_family:
            return None, f"{what} {rgb} is not one of the Key's colours; status unknown"
        nearest = min(same_family, key=lambda c: _distance(c, rgb))
        status = self.colours[nearest]
        return status, (
            f"{what} {rgb} is not one of the Key's colours; read as {status} "
            f"(nearest Key colour {nearest})"
        )
