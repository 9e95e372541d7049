"""The default Word report written as a package (OPC zip) from a shipped skeleton, without python-docx.

`report-skeleton.docx` holds what every report shares: the house style's styles, the report's
multilevel list, settings and application properties, the page. It is made by
`docx.build_skeleton` with python-docx (a test checks it is what the house style makes today).
Here the body is laid out by `docx_render.Renderer`, a section at a time as the content makes
them, into a spool (in memory up to 2 MB, then a temporary file) and streamed into
word/document.xml, then the header, footer, footnotes, charts and core properties are added. A
report of 20,000 actions never holds its tree or its text whole, and a run does not import
python-docx.
"""
from __future__ import annotations

import io
import re
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from paptools.content.tree import Properties, Report, Section
from paptools.write import docx_body as body
from paptools.write.docx_render import TEXT_WIDTH, Renderer

SKELETON = Path(__file__).with_name("report-skeleton.docx")
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# python-docx's names for the built-in styles whose stored names are lower case
_STORED_NAMES = {name: name.lower() for name in ("Caption", "Header", "Footer", *(f"Heading {n}" for n in range(1, 10)))}


def write_docx(report: Report, path: Path, sections: Iterable[Section] | None = None) -> None:
    """Write the report as a new Word document at `path`.

    `sections`: the report's sections when they are made one by one (content/report.py
    report_in_parts), each laid out and let go before the next is made; else `report.sections`.
    """
    with zipfile.ZipFile(SKELETON) as skeleton:
        parts = {info.filename: skeleton.read(info) for info in skeleton.infolist()}
    # A real plan's body (1.4 MB at 500 actions) stays in memory; a larger one goes to disk rather than add to
    # the run's peak (13 MB at 5,000 actions, held beside both plans).
    with tempfile.SpooledTemporaryFile(max_size=2 << 20) as spool:
        target = PackageTarget(parts, spool)
        renderer = Renderer(target)
        headings = []
        for section in report.sections if sections is None else sections:
            renderer.section(section)
            headings.append((section.title, section.numbered))
            del section  # let go of before the next is made
        # The title block comes first in the document but is laid out last: its contents list
        # names every section.
        front = target.spool = io.BytesIO()
        renderer.title_block(report, headings)
        spool.seek(0)
        target.save(path, report, front.getvalue(), spool)


class PackageTarget:
    """The skeleton as a Renderer's target: markup streamed to `spool`, parts gathered for `save`."""

    streaming = True
    width = TEXT_WIDTH

    def __init__(self, parts: dict[str, bytes], spool: IO[bytes]):
        self.parts = parts
        self.spool = spool
        styles = parts["word/styles.xml"].decode("utf-8")
        self.styles: dict[str, str] = {name: style_id for style_id, name in re.findall(
            r'<w:style\b[^>]*?w:styleId="([^"]*)"[^>]*>\s*<w:name w:val="([^"]*)"/>', styles)}
        self.num_id: int | None = max(int(n) for n in re.findall(rb'<w:num w:numId="(\d+)"', parts["word/numbering.xml"]))
        rels = parts["word/_rels/document.xml.rels"]
        self.next_rel = max(int(n) for n in re.findall(rb'Id="rId(\d+)"', rels)) + 1
        self.rels: list[tuple[str, str, str]] = []  # (id, type, target) added to the skeleton's
        self.notes: list[str] = []
        self.images: list[bytes] = []

    def out(self, markup: str) -> None:
        self.spool.write(markup.encode("utf-8"))

    def style_id(self, name: str) -> str:
        return self.styles[_STORED_NAMES.get(name, name)]

    def table_style(self) -> str | None:
        return self.styles.get("Table Grid")

    def _relate(self, kind: str, target: str) -> str:
        rel_id = f"rId{self.next_rel}"
        self.next_rel += 1
        self.rels.append((rel_id, kind, target))
        return rel_id

    def footnote(self, text: str) -> int:
        if not self.notes:
            self._relate("footnotes", "footnotes.xml")
        self.notes.append(body.footnote(len(self.notes) + 1, text))
        return len(self.notes)

    def picture(self, png: bytes, width: int, number: int, title: str, description: str) -> str:
        """The chart as a media part, drawn `width` EMU wide at its own aspect ratio."""
        self.images.append(png)
        rel_id = self._relate("image", f"media/image{len(self.images)}.png")
        return body.picture(rel_id, width, picture_height(png, width), number, title, description)

    def save(self, path: Path, report: Report, front: bytes, spool: IO[bytes]) -> None:
        """The package: the skeleton's parts, the title block and the body streamed in, the report's own parts added."""
        header = self._relate("header", "header1.xml")
        footer = self._relate("footer", "footer1.xml")
        added = {"word/header1.xml": body.running("hdr", report.header, fields=False).encode("utf-8"),
                 "word/footer1.xml": body.running("ftr", report.footer, fields=True).encode("utf-8"),
                 "docProps/core.xml": core_properties(report.properties)}
        if self.notes:
            added["word/footnotes.xml"] = (body.FOOTNOTES_START + "".join(self.notes) + body.FOOTNOTES_END).encode()
        for number, png in enumerate(self.images, 1):
            added[f"word/media/image{number}.png"] = png
        parts = {name: data for name, data in self.parts.items() if name not in added}
        parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"], added, bool(self.images))
        rels = "".join(f'<Relationship Id="{i}" Type="{_REL}{kind}" Target="{target}"/>' for i, kind, target in self.rels)
        parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
            b"</Relationships>", rels.encode() + b"</Relationships>")
        parts["word/styles.xml"] = _language(parts["word/styles.xml"], report.properties.language)
        document = parts["word/document.xml"]
        start = document.index(b"<w:body>") + len(b"<w:body>")
        section = document.index(b">", document.index(b"<w:sectPr", start)) + 1
        references = (f'<w:headerReference w:type="default" r:id="{header}"/>'
                      f'<w:footerReference w:type="default" r:id="{footer}"/>').encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                if name != "word/document.xml":
                    package.writestr(name, data)
                    continue
                with package.open(name, "w") as out:
                    out.write(document[:start] + front)
                    shutil.copyfileobj(spool, out, 1 << 20)
                    out.write(document[start:section] + references + document[section:])
            for name, data in added.items():
                package.writestr(name, data)


def picture_height(png: bytes, width: int) -> int:
    """The height, EMU, of a PNG drawn `width` EMU wide, as python-docx computes it (72 dpi unless stated)."""
    px_width, px_height = struct.unpack(">II", png[16:24])
    dpi = (72, 72)
    at = 8
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"pHYs":
            horizontal, vertical, unit = struct.unpack(">IIB", png[at + 8:at + 17])
            if unit == 1:
                dpi = (round(horizontal * 0.0254) if horizontal else 72, round(vertical * 0.0254) if vertical else 72)
            break
        if kind == b"IDAT":
            break
        at += length + 12
    native_width = int(px_width / dpi[0] * 914400)
    native_height = int(px_height / dpi[1] * 914400)
    return round(native_height * (float(width) / float(native_width)))


def core_properties(wanted: Properties) -> bytes:
    """docProps/core.xml: title, subject and language as given; this run's time; paptools as the author."""
    now = datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    e = body.escape
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{e(wanted.title)}</dc:title><dc:subject>{e(wanted.subject)}</dc:subject>"
        f"<dc:creator>paptools</dc:creator><cp:keywords>{e(wanted.keywords)}</cp:keywords>"
        "<dc:description></dc:description><cp:lastModifiedBy>paptools</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        f"<cp:category></cp:category><dc:language>{e(wanted.language)}</dc:language></cp:coreProperties>"
    ).encode()


def _content_types(types: bytes, added: dict[str, bytes], images: bool) -> bytes:
    """The skeleton's content types, with the parts added here."""
    kinds = {"word/header1.xml": _WML + "header+xml", "word/footer1.xml": _WML + "footer+xml",
             "word/footnotes.xml": _WML + "footnotes+xml"}
    more = "".join(f'<Override PartName="/{name}" ContentType="{kinds[name]}"/>' for name in added if name in kinds)
    if images and b'Extension="png"' not in types:
        more = '<Default Extension="png" ContentType="image/png"/>' + more
    return types.replace(b"</Types>", more.encode() + b"</Types>")


def _language(styles: bytes, language: str) -> bytes:
    """The proofing language of the Normal style (the skeleton's is the default, en-GB)."""
    default = Properties("", "", "").language
    if language == default:
        return styles
    old = f'<w:lang w:val="{default}" w:eastAsia="{default}" w:bidi="ar-SA"/>'.encode()
    new = f'<w:lang w:val="{body.quote(language)}" w:eastAsia="{body.quote(language)}" w:bidi="ar-SA"/>'.encode()
    return styles.replace(old, new)
