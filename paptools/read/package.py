"""The .xlsx package: its zip, its parts found through their relationships, their XML parsed safely.

Every part is parsed with lxml set up as defusedxml would set it: no DTD loaded, no entity
expanded, no network; a part that declares a DOCTYPE or entities is refused (Excel never
writes them). Strict Open XML (ISO 29500 Strict) uses other namespaces for the same
elements; `Package.main` is whichever the workbook uses, so the rest reads both alike.
The text parts (shared strings, comments) are read out here too; the sheets themselves are
streamed by read/cells.py. The package is only ever read.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, NamedTuple

from lxml import etree

from paptools.errors import NotAWorkbook, UnsafeWorkbook
from paptools.read.text import decode_escapes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
RELATIONSHIPS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                 "http://purl.oclc.org/ooxml/officeDocument/relationships")
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC, _DCTERMS = "{http://purl.org/dc/elements/1.1/}", "{http://purl.org/dc/terms/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_UNSAFE = "contains XML entity declarations, which Excel never writes: refused for safety"
# What a damaged zip member raises while it is decompressed (bad CRC, bad deflate data, cut short).
# What zipfile raises for a damaged part; RuntimeError for one flagged as encrypted (it asks for a password).
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, NotImplementedError, RuntimeError)
_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": True,
                   "remove_comments": True, "remove_pis": True}


class Relationship(NamedTuple):
    """One link from a part to another: its id, its kind (the last word of its type) and the part."""

    id: str
    kind: str
    target: str


class Properties(NamedTuple):
    """The workbook's document properties (File > Info), from docProps/core.xml."""

    title: str | None = None
    subject: str | None = None
    creator: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    last_modified_by: str | None = None


class SheetEntry(NamedTuple):
    """A worksheet as the workbook lists it: name, visibility and the part that holds it."""

    title: str
    state: str
    path: str


def damaged(path: Path, part: str) -> NotAWorkbook:
    """The one error for a part that is not well-formed XML."""
    return NotAWorkbook(path, f"has a damaged part ({part}): open it in Excel, save it again as .xlsx, and retry")


class Package:
    """An opened .xlsx zip: find parts (case-insensitively, as Excel does) and parse them safely."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.archive = zipfile.ZipFile(path)
        self._names = {name.lower(): name for name in self.archive.namelist()}
        self.workbook_part = self._workbook_part()
        root = self.xml(self.workbook_part)
        if root is None:
            raise NotAWorkbook(path, "has no workbook part: open it in Excel, save it again as .xlsx, and retry")
        self.workbook = root
        namespace = etree.QName(root).namespace
        self.strict = namespace == STRICT_MAIN
        self.main = "{" + (namespace if namespace in (MAIN, STRICT_MAIN) else MAIN) + "}"

    def close(self) -> None:
        self.archive.close()

    # -- parts ---------------------------------------------------------------------------
    def find(self, name: str) -> str | None:
        """The part's name as stored in the zip, or None if there is no such part."""
        return self._names.get(name.lstrip("/").lower())

    def open(self, name: str) -> IO[bytes]:
        """A part's bytes as a stream, refused if its XML declares a DTD or entities."""
        stored = self.find(name) or name
        try:
            with self.archive.open(stored) as handle:
                head = handle.read(65536)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise UnsafeWorkbook(self.path, _UNSAFE)
            return self.archive.open(stored)
        except _DAMAGE:
            raise damaged(self.path, name) from None

    def xml(self, name: str) -> etree._Element | None:
        """A whole (small) part parsed, or None if the package lacks it."""
        if self.find(name) is None:
            return None
        try:
            with self.open(name) as source:
                data = source.read()
        except _DAMAGE:
            raise damaged(self.path, name) from None
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise UnsafeWorkbook(self.path, _UNSAFE)
        try:
            return etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))
        except etree.XMLSyntaxError:
            raise damaged(self.path, name) from None

    def stream(self, name: str, tags: Iterable[str]) -> Iterator[etree._Element]:
        """The part's elements with these tags, each as it ends (the caller clears them)."""
        source = self.open(name)
        try:
            for _, element in etree.iterparse(source, events=("end",), tag=tuple(tags), **_PARSER_OPTIONS):
                yield element
        except (etree.XMLSyntaxError, *_DAMAGE):
            raise damaged(self.path, name) from None
        finally:
            source.close()

    def relationships(self, part: str) -> list[Relationship]:
        """The internal parts `part` links to ('' for the package's own links)."""
        folder, _, name = part.rpartition("/")
        root = self.xml(f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels")
        if root is None:
            return []
        found = []
        for item in root.iter(_PACKAGE_RELS):
            target, kind = item.get("Target") or "", (item.get("Type") or "").rsplit("/", 1)[-1]
            if item.get("TargetMode") == "External" or not target:
                continue
            resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")
            found.append(Relationship(item.get("Id") or "", kind, resolved.lstrip("/")))
        return found

    def related(self, part: str, kind: str) -> str | None:
        """The first part of this kind `part` links to, if the package has it."""
        for link in self.relationships(part):
            if link.kind == kind and self.find(link.target):
                return self.find(link.target)
        return None

    def _workbook_part(self) -> str:
        for link in self.relationships(""):
            if link.kind == "officeDocument" and self.find(link.target):
                return self.find(link.target) or link.target
        return self.find("xl/workbook.xml") or "xl/workbook.xml"

    # -- text parts ----------------------------------------------------------------------
    def shared_strings(self) -> tuple[list[str], set[int], dict[str, tuple[str, ...]]]:
        """The shared strings in order (rich text as its runs' text, phonetic guides left out,
        Excel's _xHHHH_ escapes decoded), the numbers of those holding a lone surrogate, and the
        struck-through runs of each string that has some (an old date struck out beside its new one)."""
        target = self.related(self.workbook_part, "sharedStrings") or self.find("xl/sharedStrings.xml")
        strings: list[str] = []
        damaged_at: set[int] = set()
        struck: dict[str, tuple[str, ...]] = {}
        if target is None:
            return strings, damaged_at, struck
        t, r, rph = self.main + "t", self.main + "r", self.main + "rPh"
        for item in self.stream(target, (self.main + "si",)):
            parts = []
            rich = False
            for child in item:
                if child.tag == t:
                    parts.append(child.text or "")
                elif child.tag == r:
                    parts.extend(text.text or "" for text in child.iter(t))
                    rich = True
                elif child.tag != rph:
                    continue
            text, replaced = decode_escapes("".join(parts))
            if replaced:
                damaged_at.add(len(strings))
            if rich and (crossed := struck_runs(item, self.main)):
                struck[text] = crossed
            strings.append(text)
            item.clear()
        return strings, damaged_at, struck

    def long_inline_strings(self, sheet_part: str, at_least: int, from_last: bool = False) -> Iterator[str]:
        """The longer texts written in a sheet's own cells (t="inlineStr"), in order (or from the
        last, each made only when taken), read as shared strings are. A quick look, not a parse:
        each <is> is found by its markup, and one written another way (a prefixed tag) is
        passed over, so this may find fewer than are there.
        """
        try:
            with self.open(sheet_part) as source:
                xml = source.read().decode("utf-8")
        except (*_DAMAGE, UnicodeDecodeError):
            return
        at, find, spans = 0, xml.find, []
        while (begin := find("<is>", at)) >= 0 and (end := find("</is>", begin)) >= 0:
            at = end + 5
            if end - begin >= at_least:
                spans.append((begin + 4, end))
        t, rph = self.main + "t", self.main + "rPh"
        parser = etree.XMLParser(**_PARSER_OPTIONS)
        for begin, end in reversed(spans) if from_last else spans:
            body = xml[begin:end]
            opened = body.find(">") + 1
            if body.startswith("<t") and body.find("<", opened) == len(body) - 4:  # <t ...>text</t>
                text = _unescape(body[opened:-4]) if "&" in body else body[opened:-4]
            else:  # rich text, or a CDATA section: that one <is> parsed
                try:
                    holder = etree.fromstring(f'<is xmlns="{self.main[1:-1]}">{body}</is>', parser)
                except etree.XMLSyntaxError:
                    continue
                text = "".join(item.text or "" for item in holder.iter(t) if item.getparent().tag != rph)
            yield decode_escapes(text)[0]

    def comments(self, sheet_part: str) -> dict[str, str]:
        """A sheet's cell comments (and threaded comments' plain text) by coordinate."""
        found: dict[str, str] = {}
        main = self.main
        for link in self.relationships(sheet_part):
            if link.kind != "comments" or self.find(link.target) is None:
                continue
            root = self.xml(link.target)
            if root is None:
                continue
            for comment in root.iter(main + "comment"):
                body = comment.find(main + "text")
                text = "".join(t.text or "" for t in body.iter(main + "t")
                               if t.getparent() is not None and t.getparent().tag != main + "rPh") \
                    if body is not None else ""
                if comment.get("ref"):
                    found[comment.get("ref") or ""] = decode_escapes(text)[0]
        return found

    # -- the workbook part ---------------------------------------------------------------
    def sheets(self) -> list[SheetEntry]:
        """The worksheets in tab order (chartsheets and dialog sheets have no cells)."""
        links = {link.id: link for link in self.relationships(self.workbook_part)}
        found = []
        for sheet in self.workbook.iter(self.main + "sheet"):
            rid = next((sheet.get(f"{{{ns}}}id") for ns in RELATIONSHIPS if sheet.get(f"{{{ns}}}id")), None)
            link = links.get(rid or "")
            if link is None or link.kind != "worksheet" or self.find(link.target) is None:
                continue
            found.append(SheetEntry(sheet.get("name") or "", sheet.get("state") or "visible",
                                    self.find(link.target) or link.target))
        return found

    def date1904(self) -> bool:
        """Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900."""
        properties = self.workbook.find(self.main + "workbookPr")
        return properties is not None and (properties.get("date1904") or "").lower() in ("1", "true")

    def defined_names(self) -> dict[str, str]:
        """Workbook names -> what they refer to; a name local to a sheet is 'Sheet!Name'."""
        titles = [sheet.get("name") or "" for sheet in self.workbook.iter(self.main + "sheet")]
        names: dict[str, str] = {}
        for item in self.workbook.iter(self.main + "definedName"):
            name, local = item.get("name") or "", item.get("localSheetId")
            if local is not None and local.isdigit() and int(local) < len(titles):
                name = f"{titles[int(local)]}!{name}"
            if name:
                names[name] = (item.text or "").strip()
        return names

    # -- document properties -------------------------------------------------------------
    def properties(self) -> Properties:
        """Title, subject, author and dates, as File > Info shows them (empty if absent)."""
        part = self.related("", "core-properties") or self.find("docProps/core.xml")
        root = self.xml(part) if part else None
        if root is None:
            return Properties()

        def text(tag: str) -> str | None:
            element = root.find(tag)
            return element.text.strip() if element is not None and element.text and element.text.strip() else None

        return Properties(
            title=text(_DC + "title"), subject=text(_DC + "subject"), creator=text(_DC + "creator"),
            created=_w3c_date(text(_DCTERMS + "created")), modified=_w3c_date(text(_DCTERMS + "modified")),
            last_modified_by=text(_CP + "lastModifiedBy"),
        )

    def custom_property_names(self) -> set[str]:
        """Names of the workbook's custom properties (paptools marks its own outputs with one)."""
        return set(self.custom_properties())

    def custom_properties(self) -> dict[str, str]:
        """The workbook's custom properties (File > Properties > Custom): name -> value as text."""
        part = self.related("", "custom-properties") or self.find("docProps/custom.xml")
        root = self.xml(part) if part else None
        if root is None:
            return {}
        found: dict[str, str] = {}
        for item in root:
            name = item.get("name")
            if name:
                value = next(iter(item), None)
                found[name] = (value.text or "").strip() if value is not None else ""
        return found


def _w3c_date(text: str | None) -> datetime | None:
    """A W3CDTF date as docProps writes it ('2025-01-15T09:30:00Z'), or None if it is not one."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _unescape(text: str) -> str:
    """XML's escapes undone: the five entities by name in one pass each, or, where a character is
    written by number ("&#8211;"), every escape in one pass (html.unescape took longer to load)."""
    if "&#" in text:
        return _XML_ESCAPE.sub(_unescaped, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


_XML_ESCAPE = re.compile(r"&(?:#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6})|(lt|gt|quot|apos|amp));")
_NAMED = {"lt": "<", "gt": ">", "quot": '"', "apos": "'", "amp": "&"}


def _unescaped(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name:
        return _NAMED[name]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    return chr(code) if code <= 0x10FFFF else match.group()


def struck_runs(holder: etree._Element, main: str) -> tuple[str, ...]:
    """The text of each struck-through run of a rich-text string (<si> or <is>), escapes decoded."""
    strike, t = f"{main}rPr/{main}strike", main + "t"
    return tuple(decode_escapes("".join(text.text or "" for text in run.iter(t)))[0]
                 for run in holder.iterchildren(main + "r") if switched_on(run.find(strike)))


def switched_on(flag: etree._Element | None) -> bool:
    """Whether a font's on/off property (<strike/>, <b val="0"/>) is there and not switched off."""
    return flag is not None and flag.get("val", "true") not in ("0", "false")
