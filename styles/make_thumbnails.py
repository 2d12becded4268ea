"""Make the gallery thumbnails (styles/thumbnails/<id>.png) from the sample project.

Run after changing a template: python styles/make_thumbnails.py
"""
from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from PIL import Image

from carto_desktop.carto.templates import bundled_templates
from carto_desktop.export import save_map
from carto_desktop.project import build_map, sample_project

OUT = Path(__file__).resolve().parent / "thumbnails"


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for template_id in bundled_templates():
        project = replace(sample_project("en", template_id), created=date(2026, 11, 23))
        result = build_map(project)
        path = save_map(result.figure, OUT / f"{template_id}.png", dpi=60, drawn=result.drawn)
        with Image.open(path) as img:
            img.thumbnail((360, 360))
            img.save(path, optimize=True)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
