"""Checking a file someone handed us before anything parses it.

Every way a file can be wrong (missing, a folder, Excel's lock file, a renamed CSV or PDF,
a legacy .xls, a password-protected copy, a damaged or hostile zip) ends in one typed
error that names the file and says what to do. The workbook itself is only ever read.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from paptools.errors import NotAWorkbook, UnsafeWorkbook

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED = 2 * 1024**3  # 2 GiB: far above any real plan (20,000 actions is ~150 MB)
MAX_RATIO = 200  # real workbook parts compress 5-20x; zip bombs compress thousands of times
RATIO_FLOOR = 10 * 1024**2  # small parts may compress well; only large ones are checked
MAX_CELL_TEXT = 1_000_000  # characters; Excel itself stops at 32,767


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
        if _is_encrypted(path):
            raise NotAWorkbook(
                path,
                "is password-protected: open it in Excel, remove the password "
                "(File > Info > Protect Workbook), save a copy and give that copy",
            )
        raise NotAWorkbook(
            path, "is an old .xls workbook: open it in Excel and Save As 'Excel Workbook (.xlsx)'"
        )
    if head[:4] != ZIP_MAGIC:
        raise NotAWorkbook(path, f"is not an Excel workbook ({_describe(head, path)}): give the .xlsx file")
    _check_zip(path)


def _is_encrypted(path: Path) -> bool:
    marker = "EncryptionInfo".encode("utf-16-le")
    with path.open("rb") as handle:
        return marker in handle.read(4 * 1024**2)


def _describe(head: bytes, path: Path) -> str:
    if head.startswith(b"%PDF"):
        return "it is a PDF"
    if head.startswith(b"{\\rtf"):
        return "it is an RTF document"
    if head.lstrip().startswith(b"<"):
        return "it is an HTML or XML file"
    try:
        with path.open("rb") as handle:
            sample = handle.read(4096).decode("utf-8")
    except UnicodeDecodeError:
        return "its contents are not a workbook"
    if "," in sample or "\t" in sample:
        return "it is a CSV or text file; open it in Excel and save it as .xlsx"
    return "it is a text file"


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise NotAWorkbook(
            path, "is damaged (not a complete .xlsx): ask for it again, or open and re-save it in Excel"
        ) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        kind = "a Word document" if "word/document.xml" in names else (
            "a PowerPoint file" if "ppt/presentation.xml" in names else "a zip file"
        )
        raise NotAWorkbook(path, f"is {kind}, not an Excel workbook: give the .xlsx file")
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

