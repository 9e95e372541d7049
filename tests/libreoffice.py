"""Opening an output in LibreOffice, as a reader would: skipped where it is not installed,
except on CI, which sets PAPTOOLS_REQUIRE_LIBREOFFICE so a missing office suite fails."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def pdf_of(path: Path) -> Path:
    """Print the file to PDF with LibreOffice; fails if LibreOffice cannot open it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("PAPTOOLS_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) is required here but not installed")
        pytest.skip("LibreOffice is not installed")
    out = Path(tempfile.mkdtemp(prefix="paptools-lo-"))
    profile = Path(tempfile.mkdtemp(prefix="paptools-lo-profile-"))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(path)],
        check=False, capture_output=True, timeout=180,
    )
    shutil.rmtree(profile, ignore_errors=True)
    pdf = out / (path.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 1000, f"LibreOffice could not open or print {path}"
    return pdf


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
