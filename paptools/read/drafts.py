"""A draft report (Word .docx, Markdown or plain text) -> plain paragraph records.

`paptools check` needs only the words of a draft, in reading order: headings, paragraphs,
list items and table rows. The file format stops here; the checking (check/draft.py)
sees `DraftParagraph` records and nothing of Word or Markdown. A paragraph's number is the
one typed at its start ("2.1", "1.3."), which is how board papers are numbered.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from paptools.errors import PapError
from paptools.read.text import clean_text

MAX_DRAFT_BYTES = 50_000_000  # a board paper is well under this; anything larger is not a draft
DRAFT_SUFFIXES = (".docx", ".md", ".markdown", ".txt", ".text")
_NUMBER = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,3}){0,3})\.?(?:\t|\s+)(?=\S)")
_BULLET = re.compile(r"^[\u2022\uf0b7\u25aa\u25cf\u2023\u2043\u2219·*\-–—]\s*")


class NotADraft(PapError):
    """The draft cannot be read: missing, a folder, empty, or not a .docx/.md/.txt file."""


@dataclass(frozen=True, slots=True)
class DraftParagraph:
    """One block of a draft: a heading, paragraph, list item, table caption or table row."""

    index: int  # position in the draft, from 0
    kind: str  # "heading", "paragraph", "item", "caption" or "row"
    text: str  # the words, without a typed number or bullet (a row's cells joined by " | ")
    number: str | None = None  # "2.1" when the paragraph starts with its number
    heading: str | None = None  # the heading it sits under
    cells: tuple[str, ...] = ()  # a table row's cells
    table: int | None = None  # which table a row belongs to, from 0
    row: int | None = None  # the row within its table, from 0 (0 is the header row)

    @property
    def label(self) -> str:
        """How a finding names the paragraph: its number, or its first words."""
        if self.number:
            return f"paragraph {self.number}"
        if self.kind == "row" and self.table is not None:
            return f"table {self.table + 1}, row {self.row}: '{_first_words(self.text, 4)}'"
        where = f"{self.heading}, " if self.heading and self.kind != "heading" else ""
        return f"{where}'{_first_words(self.text, 6)}'"


@dataclass(frozen=True)
class Draft:
    """The paragraphs of one draft report, in reading order."""

    source: str  # the file name
    paragraphs: tuple[DraftParagraph, ...]


def _first_words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def read_draft(path: str | Path) -> Draft:
    """Read a draft report; raises NotADraft with what to do when it cannot be read."""
    path = Path(path)
    if not path.exists():
        raise NotADraft(path, "file not found: check the name and the folder")
    if path.is_dir():
        raise NotADraft(path, "is a folder: give the draft report (.docx, .md or .txt) inside it")
    suffix = path.suffix.lower()
    if suffix not in DRAFT_SUFFIXES:
        raise NotADraft(path, "is not a draft report: give a Word .docx, a Markdown .md or a plain .txt file")
    size = path.stat().st_size
    if size == 0:
        raise NotADraft(path, "is empty (0 bytes): save the draft and try again")
    if size > MAX_DRAFT_BYTES:
        raise NotADraft(path, f"is {size:,} bytes, too large for a draft report")
    if suffix == ".docx":
        blocks = _docx_blocks(path)
    else:
        text = _text_of(path)
        blocks = _markdown_blocks(text) if suffix in (".md", ".markdown") else _text_blocks(text)
    paragraphs = _number(blocks)
    if not any(p.text for p in paragraphs):
        raise NotADraft(path, "has no text: check it is the draft report, saved after editing")
    return Draft(path.name, paragraphs)


def draft_from_text(text: str, source: str = "draft") -> Draft:
    """A plain-text draft given as a string (for the library and the tests)."""
    return Draft(source, _number(_text_blocks(text)))


# A block before numbering: (kind, text, cells, table, row).
_Block = tuple[str, str, tuple[str, ...], "int | None", "int | None"]


def _number(blocks: list[_Block]) -> tuple[DraftParagraph, ...]:
    """Typed numbers and bullets taken off the text; each block told the heading above it."""
    result: list[DraftParagraph] = []
    heading: str | None = None
    for kind, text, cells, table, row in blocks:
        text = " ".join(text.split())
        if not text:
            continue
        number = None
        if kind != "row":
            bullet = _BULLET.match(text)
            if bullet and kind in ("paragraph", "item"):
                kind, text = "item", text[bullet.end():]
            match = _NUMBER.match(text)
            if match and kind != "item":
                number, text = match.group("n"), text[match.end():]
        result.append(DraftParagraph(len(result), kind, text, number, heading, cells, table, row))
        if kind == "heading":
            heading = text if number is None else f"{number} {text}"
    return tuple(result)


def _text_of(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise NotADraft(path, "is not a text file: give a Word .docx, a Markdown .md or a plain .txt file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _text_blocks(text: str) -> list[_Block]:
    """Blank lines part paragraphs; a line opening with a bullet starts a list item."""
    blocks: list[_Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        current: list[str] = []
        for line in lines:
            if _BULLET.match(line) and current:
                blocks.append(_text_block(current))
                current = []
            current.append(line)
        if current:
            blocks.append(_text_block(current))
    return blocks


def _text_block(lines: list[str]) -> _Block:
    text = clean_text(" ".join(lines))
    words = text.split()
    looks_like_heading = (
        len(lines) == 1 and 0 < len(words) <= 10 and not _BULLET.match(text)
        and not re.search(r"[.:;,]$", text) and text[:1].isupper()
    )
    return ("heading" if looks_like_heading else "paragraph", text, (), None, None)


def _markdown_blocks(text: str) -> list[_Block]:
    """Markdown through markdown-it-py: headings, paragraphs, list items and table rows."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[_Block] = []
    kind = "paragraph"
    depth = 0
    table = -1
    row: list[str] = []
    rows_in_table = 0
    in_cell = False
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "heading_open":
            kind = "heading"
        elif token.type == "table_open":
            table += 1
            rows_in_table = 0
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = token.type.endswith("open")
        elif token.type == "tr_close":
            blocks.append(("row", " | ".join(row), tuple(row), table, rows_in_table))
            rows_in_table += 1
        elif token.type == "inline":
            if in_cell:
                row.append(clean_text(token.content))
            else:
                block_kind = kind if kind == "heading" else ("item" if depth else "paragraph")
                blocks.append((block_kind, clean_text(token.content), (), None, None))
                kind = "paragraph"
    return blocks


def _docx_blocks(path: Path) -> list[_Block]:
    """A Word document's body in order, through python-docx's public API."""
    try:
        with zipfile.ZipFile(path) as package:
            if "word/document.xml" not in package.namelist():
                raise NotADraft(path, "is not a Word document: give the draft as a .docx file")
    except zipfile.BadZipFile:
        raise NotADraft(path, "is not a Word .docx file (damaged, or another format renamed .docx): "
                              "open it in Word and save it as .docx") from None
    import docx
    from docx.table import Table

    document = docx.Document(str(path))
    blocks: list[_Block] = []
    table_count = 0
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for r, row in enumerate(item.rows):
                cells = tuple(clean_text(cell.text) for cell in row.cells)
                blocks.append(("row", " | ".join(cells), cells, table_count, r))
            table_count += 1
            continue
        style = (item.style.name if item.style is not None else "") or ""
        lowered = style.lower()
        if lowered.startswith(("heading", "title")):
            kind = "heading"
        elif lowered.startswith("caption"):
            kind = "caption"
        elif "list" in lowered:
            kind = "item"
        else:
            kind = "paragraph"
        blocks.append((kind, clean_text(item.text), (), None, None))
    return blocks

