"""The officer's own words for the report, from a Markdown or plain-text file.

    # Purpose of report
    A paragraph.

    # Background
    Any section of your own, placed before the recommendations.

    # Recommendations
    - a bullet
    - another

Headings naming "purpose" or "recommendation" replace the generated text of those sections;
a heading naming "summary" or "introduction" opens the executive summary; any other heading
becomes a section of its own. A file with no headings is the purpose of the report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from paptools.errors import PapError


@dataclass
class Block:
    kind: str  # "paragraph" or "bullet"
    text: str


@dataclass
class Narrative:
    purpose: list[Block] = field(default_factory=list)
    summary: list[Block] = field(default_factory=list)
    recommendations: list[Block] = field(default_factory=list)
    sections: list[tuple[str, list[Block]]] = field(default_factory=list)  # the officer's own sections


def _blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush():
        if paragraph:
            blocks.append(Block("paragraph", " ".join(paragraph)))
            paragraph.clear()

    for raw in lines:
        line = raw.strip()
        bullet = re.match(r"^(?:[-*•]|\d+[.)])\s+(.*)", line)
        if not line:
            flush()
        elif bullet:
            flush()
            blocks.append(Block("bullet", _inline(bullet.group(1))))
        else:
            paragraph.append(_inline(line))
    flush()
    return blocks


def _inline(text: str) -> str:
    """Markdown emphasis markers removed: the report's styles do the formatting."""
    return re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", text)


def parse_narrative(text: str) -> Narrative:
    narrative = Narrative()
    heading, lines = None, []
    parts: list[tuple[str | None, list[str]]] = []
    for line in text.splitlines():
        match = re.match(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$", line)
        underline = re.match(r"^\s*(=+|-+)\s*$", line)
        if underline and lines and lines[-1].strip() and len(underline.group(1)) >= 3:
            title = lines.pop().strip()
            parts.append((heading, lines))
            heading, lines = title, []
        elif match:
            parts.append((heading, lines))
            heading, lines = match.group(1), []
        else:
            lines.append(line)
    parts.append((heading, lines))
    for title, body in parts:
        blocks = _blocks(body)
        if title is None or "purpose" in title.lower():
            narrative.purpose.extend(blocks)
        elif "recommendation" in title.lower():
            narrative.recommendations.extend(blocks)
        elif re.search(r"summary|introduction", title, re.I):
            narrative.summary.extend(blocks)
        elif blocks:
            narrative.sections.append((title, blocks))
    return narrative


def read_narrative(path: Path) -> Narrative:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise PapError(path, "narrative file not found: check the name given to --narrative") from None
    except OSError as error:
        raise PapError(path, f"cannot read the narrative file ({error.strerror})") from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return parse_narrative(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise PapError(path, "the narrative file is not text: save it as plain text (.txt) or Markdown (.md)")
