"""Look inside exported maps for personal values and folder paths, as someone receiving them could.

A PNG keeps text chunks, an SVG keeps each label as a comment and metadata, a PDF keeps
its text in compressed streams, glyph by glyph. `file_texts` gives every form a reader
(or a search tool) could see; `find_values` says which values of the table's personal
columns turn up. The "before you share" check runs it on the files just written, so
"nothing personal in the map" is verified, not assumed.
"""
from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from carto_desktop.privacy.sensitive import Finding

_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_TEXT_BLOCK = re.compile(rb"BT(.*?)ET", re.S)
_PDF_STRING = re.compile(rb"\((?:[^()\\]|\\.)*\)", re.S)
_TEXT_TOKEN = re.compile(rb"/([^\s/<>\[\]()]+)\s+[-+\d.]+\s+Tf|\((?:[^()\\]|\\.)*\)", re.S)  # a font chosen, a string
_OBJECT = re.compile(rb"(?<![\d])(\d+) 0 obj\b(.*?)endobj", re.S)
_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+) 0 R")
_FONT_REF = re.compile(rb"/([^\s/<>\[\]()]+)\s+(\d+) 0 R")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
MIN_LENGTH = 5  # shorter values ("Oui", "12") turn up anywhere by chance


def personal_values(data: pd.DataFrame, findings: Iterable[Finding], min_length: int = MIN_LENGTH) -> list[str]:
    """Every distinct value of the personal columns (phones also as bare digits), longest first."""
    values: set[str] = set()
    for f in findings:
        if f.column not in data.columns:
            continue
        for v in data[f.column].dropna().astype(str):
            v = v.strip()
            if len(v) >= min_length:
                values.add(v)
                if f.kind == "phone":
                    digits = re.sub(r"\D", "", v)
                    if len(digits) >= min_length:
                        values.add(digits)
    return sorted(values, key=lambda v: (-len(v), v))


def _unescape(literal: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(literal):
        ch = literal[i:i + 1]
        if ch != b"\\":
            out += ch
            i += 1
            continue
        nxt = literal[i + 1:i + 2]
        octal = re.match(rb"[0-7]{1,3}", literal[i + 1:i + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            i += 1 + len(octal.group(0))
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def _decode(raw: bytes) -> str:
    """Two-byte codes (matplotlib's embedded TrueType text) or one byte per character."""
    if len(raw) >= 2 and len(raw) % 2 == 0 and raw[0::2].count(0) >= len(raw) // 4:
        return raw.decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


def _pdf_text(streams: list[bytes], fonts: dict[bytes, dict[int, str]] | None = None) -> str:
    """The text of a PDF's content streams, each text object's strings joined. `fonts` (`_unicode_maps`):
    each font's codes as text, as a reader's search finds it; a font without a map is read as UTF-16
    two-byte codes or one byte per character."""
    parts = []
    for stream in streams:
        for block in _TEXT_BLOCK.finditer(stream):
            font, text = None, []
            for token in _TEXT_TOKEN.finditer(block.group(1)):
                if token.group(1) is not None:  # "/F1 12 Tf": the font of the strings that follow
                    font = (fonts or {}).get(token.group(1))
                    continue
                raw = _unescape(token.group(0)[1:-1])
                if font is None:
                    text.append(raw)
                else:
                    text.append("".join(font.get(int.from_bytes(raw[i:i + 2], "big"), "\ufffd")
                                        for i in range(0, len(raw) - 1, 2)))
            if any(text):
                parts.append("".join(t if isinstance(t, str) else _decode(t) for t in _joined_bytes(text)))
    return "\n".join(parts)


def _joined_bytes(pieces: list) -> list:
    """Consecutive byte strings joined (a string split by kerning decodes as one), texts kept."""
    out: list = []
    for piece in pieces:
        if isinstance(piece, bytes) and out and isinstance(out[-1], bytes):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _unicode_maps(data: bytes) -> dict[bytes, dict[int, str]]:
    """Each font resource name of a PDF ("F1") to its ToUnicode map (code → text). matplotlib numbers a
    TrueType font's glyphs by their Unicode code up to U+00FF only; a ligature ("fi"), "–", "Œ" or a thin
    space gets a small code that this map alone explains."""
    objects = {int(n): body for n, body in _OBJECT.findall(data)}
    maps: dict[int, dict[int, str]] = {}
    for number, body in objects.items():
        ref = _TO_UNICODE.search(body.partition(b"stream")[0])
        target = objects.get(int(ref.group(1))) if ref else None
        if target is None:
            continue
        head, _, stream = target.partition(b"stream")
        stream = stream.lstrip(b"\r\n")
        if b"/FlateDecode" in head:
            try:
                stream = zlib.decompressobj().decompress(stream)
            except zlib.error:
                continue
        maps[number] = _cmap(stream)
    fonts = {}
    for body in objects.values():
        for name, number in _FONT_REF.findall(body.partition(b"stream")[0]):
            if int(number) in maps:
                fonts[name] = maps[int(number)]
    return fonts


def _cmap(stream: bytes) -> dict[int, str]:
    """A ToUnicode CMap's bfchar and bfrange entries as {code: text}."""
    def text(hexes: bytes) -> str:
        return bytes.fromhex(hexes.decode("ascii")).decode("utf-16-be", errors="replace")

    out: dict[int, str] = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for code, value in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", section):
            out[int(code, 16)] = text(value)
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        for low, high, rest in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]*>)", section):
            low, high = int(low, 16), int(high, 16)
            if rest.startswith(b"["):
                for i, value in enumerate(re.findall(rb"<([0-9a-fA-F]*)>", rest)[: high - low + 1]):
                    out[low + i] = text(value)
            elif high - low < 65536:
                first = text(rest[1:-1])
                for i in range(high - low + 1):
                    out[low + i] = first[:-1] + chr(ord(first[-1]) + i) if first else ""
    return out


def file_texts(path: str | Path) -> list[bytes]:
    """The file's bytes and, for a PDF, its decompressed streams and its text (UTF-8): as each text
    object holds it (last), and with its lines joined by a space, for a name a title wraps."""
    data = Path(path).read_bytes()
    forms = [data]
    if Path(path).suffix.lower() == ".pdf":
        streams = []
        for m in _STREAM.finditer(data):
            try:
                streams.append(zlib.decompress(m.group(1)))
            except zlib.error:
                continue
        forms += streams
        text = _pdf_text(streams, _unicode_maps(data))
        forms.append(" ".join(text.split()).encode("utf-8"))
        forms.append(text.encode("utf-8"))
    return forms


def readable_text(path: str | Path) -> str:
    """What a person opening the map reads as text: an SVG's labels (matplotlib keeps each as a
    comment beside its glyph paths), a PDF's text, a PNG's text chunks (the rest is pixels), an
    interactive map's title and the texts of its data (shown on hover, in the legend, the search).

    `file_texts` is for finding values anywhere in the bytes; this is for asking whether a
    number is printed on the map, where the bytes would match every "3" in coordinates.
    """
    path = Path(path)
    forms = file_texts(path)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return " ".join(re.findall(r"<!--(.*?)-->", forms[0].decode("utf-8"), re.S))
    if suffix == ".pdf":
        return forms[-1].decode("utf-8")
    if suffix == ".png":
        return " ".join(_png_text_chunks(forms[0]))
    if suffix in (".html", ".htm"):
        return " ".join(_html_map_texts(forms[0].decode("utf-8", errors="replace")))
    return forms[0].decode("latin-1")


def _html_map_texts(page: str) -> list[str]:
    """An interactive map's words: its title and every text of its data (names, values, legend, sources);
    the rest of the page is the map library's code."""
    import json

    title = re.search(r"<title>(.*?)</title>", page, re.S)
    texts = [title.group(1)] if title else []
    data = re.search(r'<script type="application/json" id="carto-data">(.*?)</script>', page, re.S)
    if data:
        def strings(value) -> None:
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, dict):
                for v in value.values():
                    strings(v)
            elif isinstance(value, list):
                for v in value:
                    strings(v)

        strings(json.loads(data.group(1)))
    return texts


def _png_text_chunks(data: bytes) -> list[str]:
    out, pos = [], 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind in (b"tEXt", b"iTXt", b"zTXt"):
            out.append(data[pos + 8:pos + 8 + length].decode("latin-1"))
        pos += 12 + length
    return out


def find_values(forms: list[bytes], values: Iterable[str]) -> list[str]:
    """The values found in any form (as UTF-8, UTF-16 or Latin-1 bytes)."""
    found = []
    for v in values:
        needles = {v.encode("utf-8"), v.encode("utf-16-be")}
        if all(ord(ch) < 256 for ch in v):
            needles.add(v.encode("latin-1"))
        if any(n in form for n in needles for form in forms):
            found.append(v)
    return found


def scan_map_file(path: str | Path, values: Iterable[str], folders: Iterable[str | Path] = ()) -> list[str]:
    """Personal values and folder paths found in an exported map (empty = clean)."""
    forms = file_texts(path)
    return find_values(forms, list(values) + [str(Path(f)) for f in folders if len(str(f)) > 1])
