"""Checks that keep a hostile file from harming the user's machine.

Zip archives (xlsx, ods, kmz, zipped shapefiles) are checked before anything is
unpacked: no member may point outside the folder ("../", absolute paths, drive
letters, symbolic links), and the archive may not expand to absurd sizes (a "zip
bomb" of a few KB that unpacks to gigabytes). XML (KML) is parsed with defusedxml, so
entity tricks (external files, "billion laughs") are refused rather than followed.
"""
from __future__ import annotations

import stat
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from carto_desktop.errors import DataError

MAX_UNPACKED = 2 * 1024**3  # 2 GiB: far more than any admin boundary set or survey workbook
MAX_RATIO = 200  # real xlsx/shp compress 3–20 times; bombs compress thousands of times
RATIO_FLOOR = 50 * 1024**2  # small members may compress well (blank sheets) without harm


def is_zip(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"PK\x03\x04"


def member_is_unsafe(name: str) -> bool:
    """True for a zip member name that would land outside the folder it is unpacked in."""
    if not name or "\x00" in name:
        return True
    win = PureWindowsPath(name)
    posix = PurePosixPath(name.replace("\\", "/"))
    return posix.is_absolute() or bool(win.drive) or win.is_absolute() or ".." in posix.parts


def check_zip(path: Path) -> list[zipfile.ZipInfo]:
    """The archive's members, after refusing path tricks and zip bombs (raises `DataError`)."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except Exception as exc:  # BadZipFile, OSError, EOFError, NotImplementedError ("zip file version")…
        raise DataError(
            "The archive is damaged and cannot be opened.",
            hint="Ask for a new copy of the file, or unzip it on your computer and open what is inside.",
            file=path,
        ) from exc
    total = 0
    for m in members:
        mode = m.external_attr >> 16
        if member_is_unsafe(m.filename) or stat.S_ISLNK(mode):
            raise DataError(
                "The archive contains a file that would be written outside its folder (\"{member}\"); it was not opened.",
                hint="This archive may be malicious. Ask the sender for a clean copy.",
                file=path,
                member=m.filename,
            )
        total += m.file_size
        ratio = m.file_size / max(m.compress_size, 1)
        if total > MAX_UNPACKED or (m.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise DataError(
                "The archive would expand to an abnormal size when opened (a \"zip bomb\"); it was not opened.",
                hint="This archive may be malicious. Ask the sender for a clean copy.",
                file=path,
            )
    return members


def read_member(path: Path, name: str, limit: int = 512 * 1024**2) -> bytes:
    """One member's bytes, read in chunks and stopped at `limit` whatever the header claims."""
    chunks, size = [], 0
    try:
        with zipfile.ZipFile(path) as zf, zf.open(name) as f:
            while chunk := f.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    break
                chunks.append(chunk)
    except Exception as exc:  # BadZipFile, zlib.error, NotImplementedError (method), OSError, EOFError…
        raise DataError(
            "The archive is damaged and cannot be opened.",
            hint="Ask for a new copy of the file, or unzip it on your computer and open what is inside.",
            file=path,
        ) from exc
    if size > limit:
        raise DataError(
            "The archive would expand to an abnormal size when opened (a \"zip bomb\"); it was not opened.",
            hint="This archive may be malicious. Ask the sender for a clean copy.",
            file=path,
        )
    return b"".join(chunks)


def check_xml(data: bytes, path: Path) -> None:
    """Refuse XML with a DTD that declares entities (external files, entity expansion)."""
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise DataError(
            "The file declares XML entities (it could read other files on this computer); it was not opened.",
            hint="This file may be malicious. Export it again from Google Earth or QGIS.",
            file=path,
        ) from exc
    except Exception as exc:  # ParseError and friends: not well-formed XML
        raise DataError(
            "The file is not valid XML: it may be truncated or damaged.",
            hint="Export it again from Google Earth, My Maps or QGIS.",
            file=path,
        ) from exc
