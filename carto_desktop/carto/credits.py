"""Attributions for the map footer, collected from the files the map is made of.

A folder can hold a `credits.json` ({file name: {"en": ..., "fr": ...}}) next to its data;
the sample data ships one, and an organisation can keep one beside its own files. A file
with no entry has no credit (`stated_credit` is None): the map says "source not given" until
the user names one, and never prints a file name as if it were a source.
"""
from __future__ import annotations

import json
from pathlib import Path


def credit_for(path: str | Path, lang: str = "en") -> str:
    """The attribution of one input file in `lang`, or its file name (for lists of files, not for a map)."""
    return stated_credit(path, lang) or Path(path).name


def stated_credit(path: str | Path, lang: str = "en") -> str | None:
    """The attribution `credits.json` beside the file gives it, in `lang`; None when it gives none."""
    p = Path(path)
    sidecar = p.parent / "credits.json"
    if sidecar.is_file():
        try:
            entry = json.loads(sidecar.read_text(encoding="utf-8")).get(p.name)
        except (OSError, json.JSONDecodeError, AttributeError):
            entry = None
        if isinstance(entry, dict):
            text = entry.get(lang) or entry.get("en")
            if isinstance(text, str) and text.strip():
                return text.strip()
        if isinstance(entry, str) and entry.strip():
            return entry.strip()
    return None


def collect_credits(paths: list[str | Path], lang: str = "en", extra: list[str] | None = None) -> list[str]:
    """Credits of every input, in order, without repeats (two layers from one source give one line)."""
    out: list[str] = []
    for text in [credit_for(p, lang) for p in paths] + list(extra or []):
        if text and text not in out:
            out.append(text)
    return out
