"""The officer's own words for the report, from a Markdown (or plain-text) file.

    # Background
    A paragraph, with **bold** and *italic* kept.

    ## A subheading
    - a bullet

Parsed by markdown-it-py. Each top-level heading becomes a section placed where the committee
report's order puts it: a heading naming the purpose, the executive summary, the
recommendations, the background, the response, the impact, the performance, the feedback or
the summary takes that place (replacing what paptools would write there, or filling the place
left for the officer); any other heading is a section of its own, placed before the summary.
Subheadings stay subheadings. Text before any heading is the purpose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from paptools.content.tree import Block, BulletList, Paragraph, Run, Section
from paptools.errors import PapError

if TYPE_CHECKING:  # markdown-it is imported only when a narrative is read (most runs have none)
    from markdown_it.token import Token

# The places of the committee report's order, and the words in a heading that claim them
# (checked in this order, so "Executive summary" is not taken for the closing "Summary").
PLACES: tuple[tuple[str, str], ...] = (
    ("purpose", r"purpose"),
    ("executive_summary", r"executive|introduction|overview"),
    ("recommendations", r"recommendation"),
    ("background", r"background|where we were"),
    ("response", r"response|progress by|progress since"),
    ("impact", r"impact|current position"),
    ("performance", r"performance"),
    ("feedback", r"feedback|inspect"),
    ("summary", r"summary|conclusion"),
)


@dataclass(frozen=True)
class Narrative:
    """The officer's sections, each keyed by its place ("" for a section of their own)."""

    sections: tuple[Section, ...] = ()

    def get(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def own(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if not s.key)


def place_of(title: str) -> str:
    """The report place a heading claims, or "" for a section of the officer's own."""
    for key, pattern in PLACES:
        if re.search(pattern, title, re.I):
            return key
    return ""


def _runs(inline: Token) -> tuple[Run, ...]:
    """An inline token's text as runs, keeping bold and italic."""
    runs: list[Run] = []
    bold = italic = False
    for child in inline.children or []:
        kind = child.type
        if kind == "strong_open" or kind == "strong_close":
            bold = kind == "strong_open"
        elif kind == "em_open" or kind == "em_close":
            italic = kind == "em_open"
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold, italic))
        elif kind in ("text", "code_inline", "html_inline"):
            runs.append(Run(child.content, bold, italic))
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return tuple(merged)


@dataclass
class _Open:
    """A section being filled while the tokens are read."""

    title: str | None
    level: int
    blocks: list[Block]
    children: list[_Open]

    def close(self, top: int) -> Section:
        level = self.level - top + 1
        title = self.title or ""
        return Section(title, level, tuple(self.blocks), tuple(c.close(top) for c in self.children),
                       key=place_of(title) if level == 1 and title else ("purpose" if not title else ""))


def _add(section: _Open, block: Paragraph, in_list: bool) -> None:
    if in_list:
        last = section.blocks[-1] if section.blocks else None
        if isinstance(last, BulletList):
            section.blocks[-1] = BulletList((*last.items, Paragraph(block.runs, numbered=False)))
            return
        section.blocks.append(BulletList((Paragraph(block.runs, numbered=False),)))
    else:
        section.blocks.append(block)


def parse_narrative(text: str) -> Narrative:
    """The officer's Markdown as sections in the report's places."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    top = min(levels) if levels else 1
    root: list[_Open] = [_Open(None, top, [], [])]
    stack: list[_Open] = [root[0]]
    depth = 0  # how many lists the reader is inside
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            level = int(token.tag[1])
            title = "".join(r.text for r in _runs(tokens[index + 1])).strip()
            while len(stack) > 1 and stack[-1].level >= level:
                stack.pop()
            section = _Open(title, level if len(stack) > 1 else top, [], [])
            (stack[-1].children if len(stack) > 1 else root).append(section)
            stack.append(section)
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "inline" and index and tokens[index - 1].type == "paragraph_open":
            _add(stack[-1], Paragraph(_runs(token)), in_list=bool(depth))
        elif token.type in ("fence", "code_block", "html_block") and token.content.strip():
            _add(stack[-1], Paragraph.of(token.content.strip()), in_list=bool(depth))
    sections = [s.close(top) for s in root if s.title is not None or s.blocks or s.children]
    return Narrative(tuple(s for s in sections if s.blocks or s.subsections))


def read_narrative(path: Path) -> Narrative:
    """Read the narrative file given to --narrative (UTF-8, or Windows' own encoding)."""
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
