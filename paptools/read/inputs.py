"""Checking a file someone handed us before anything parses it.

Every way a file can be wrong (missing, a folder, Excel's lock file, a renamed CSV or PDF,
a legacy .xls, a password-protected copy, a damaged or hostile zip) ends in one typed
error that names the file and says what to do. The workbook itself is only ever read.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from paptools.errors import NotAWorkbook, UnsafeWorkbook

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED = 2 * 1024**3  # 2 GiB: far above any real plan (20,000 actions is ~150 MB)
MAX_RATIO = 200  # real workbook parts compress 5-20x; zip bombs compress thousands of times
RATIO_FLOOR = 10 * 1024**2  # small parts may compress well; only large ones are checked
MAX_CELL_TEXT = 1_000_000  # characters; Excel itself stops at 32,767
MAX_CELLS = 5_000_000  # filled cells read from one workbook; 20,000 actions fill about 200,000
SAVE_AS = "open it in Excel and Save As 'Excel Workbook (.xlsx)'"


def check_workbook(path: Path) -> None:
    """Raise a NotAWorkbook or UnsafeWorkbook error unless path looks like a safe .xlsx."""
    if not path.exists():
        raise NotAWorkbook(path, "file not found: check the name and the folder")
    if path.is_dir():
        raise NotAWorkbook(path, "is a folder, not a workbook: give the .xlsx file inside it")
    if path.name.startswith("~$"):
        real = path.with_name(path.name[2:])
        raise NotAWorkbook(
            path,
            f"is Excel's lock file for an open workbook, not the workbook itself: give '{real.name}' instead",
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except PermissionError:
        raise NotAWorkbook(
            path, "cannot be opened (permission denied): if it is open in Excel, close it and try again"
        ) from None
    except OSError as error:
        raise NotAWorkbook(path, f"cannot be opened ({error.strerror}): check the file and that you may read it") from None
    if not head:
        raise NotAWorkbook(path, "is empty (0 bytes): ask for the workbook to be sent again")
    if head == OLE2_MAGIC:
        raise NotAWorkbook(path, _ole2(path))
    if head[:4] != ZIP_MAGIC:
        raise NotAWorkbook(path, _describe(head, path))
    _check_zip(path)


def display_name(path: Path) -> str:
    """The file's name as text any file or terminal can hold.

    A name that is not valid UTF-8 (made on another system) reaches Python with its odd bytes
    as lone surrogates, which no .docx, .xlsx or CSV can store; they become U+FFFD here.
    """
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _ole2(path: Path) -> str:
    """What an OLE2 compound file is (they all start alike): by the streams it names."""
    with path.open("rb") as handle:
        sample = handle.read(4 * 1024**2)
    if "EncryptionInfo".encode("utf-16-le") in sample:
        return ("is password-protected: open it in Excel, remove the password "
                "(File > Info > Protect Workbook), save a copy and give that copy")
    if "WordDocument".encode("utf-16-le") in sample:
        return "is not an Excel workbook (it is an old Word .doc document): give the .xlsx file"
    return f"is an old .xls workbook: {SAVE_AS}"


def _describe(head: bytes, path: Path) -> str:
    """Why a file that is neither a zip nor OLE2 is not a workbook, and what to do."""
    with path.open("rb") as handle:
        sample = handle.read(4096)
    if head.startswith(b"%PDF"):
        return "is not an Excel workbook (it is a PDF): give the .xlsx file"
    if head.startswith(b"{\\rtf"):
        return "is not an Excel workbook (it is an RTF document): give the .xlsx file"
    text = sample.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"urn:schemas-microsoft-com:office:spreadsheet" in sample or b'progid="Excel.Sheet"' in sample:
        return f"is an Excel 2003 XML spreadsheet, not an .xlsx workbook: {SAVE_AS}"
    if text[:1] == b"<":
        lowered = text[:512].lower()
        if lowered.startswith((b"<!doctype html", b"<html")) or b"<table" in sample.lower():
            return f"is a web page (HTML) saved with a spreadsheet's name, not an Excel workbook: {SAVE_AS}"
        return "is not an Excel workbook (it is an XML file): give the .xlsx file"
    try:
        decoded = sample.decode("utf-8")
    except UnicodeDecodeError:
        return "is not an Excel workbook (its contents are not a workbook): give the .xlsx file"
    if "," in decoded or "\t" in decoded or ";" in decoded:
        return f"is not an Excel workbook (it is a CSV or text file): {SAVE_AS}"
    return "is not an Excel workbook (it is a text file): give the .xlsx file"


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error):
        raise NotAWorkbook(
            path, "is damaged (not a complete .xlsx): ask for it again, or open and re-save it in Excel"
        ) from None
    names = {info.filename.lower() for info in infos}
    if "xl/workbook.bin" in names:
        raise NotAWorkbook(path, f"is an Excel Binary Workbook (.xlsb), which paptools cannot read: {SAVE_AS}")
    if "xl/workbook.xml" not in names:
        raise NotAWorkbook(path, _other_zip(path, names))
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise UnsafeWorkbook(
            path, f"would unpack to {total / 1024**3:.1f} GB, far more than any plan: refused for safety"
        )
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeWorkbook(
                path,
                f"part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)} times "
                "over, as zip bombs are: refused for safety",
            )


def _other_zip(path: Path, names: set[str]) -> str:
    """What a zip file that holds no workbook is: an OpenDocument or Numbers file, Word, PowerPoint."""
    if "mimetype" in names:
        with zipfile.ZipFile(path) as archive:
            kind = archive.read(next(i for i in archive.infolist() if i.filename.lower() == "mimetype"))[:100]
        if b"opendocument.spreadsheet" in kind:
            return ("is an OpenDocument spreadsheet (.ods), which paptools cannot read: open it in Excel or "
                    "LibreOffice Calc and save it as 'Excel Workbook (.xlsx)'")
    if "index/document.iwa" in names:
        return "is an Apple Numbers file, which paptools cannot read: in Numbers, File > Export To > Excel"
    kind_name = "a Word document" if "word/document.xml" in names else (
        "a PowerPoint file" if "ppt/presentation.xml" in names else "a zip file")
    return f"is {kind_name}, not an Excel workbook: give the .xlsx file"


def check_document(path: Path) -> None:
    """A Word template given with --template: it must be a .docx (a zip with word/document.xml)."""
    path = Path(path)
    if not path.is_file():
        raise NotAWorkbook(path, "template not found: give the path of a Word .docx file")
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                raise NotAWorkbook(path, "is not a Word document: give a .docx file as --template")
    except zipfile.BadZipFile:
        hint = " (an old .doc or .dotx? Save it as .docx)" if path.suffix.lower() in (".doc", ".dot", ".dotx") else ""
        raise NotAWorkbook(path, f"is not a Word .docx file{hint}: give a .docx as --template") from None

