"""Style templates: versioned JSON files validated against a published schema.

An organisation keeps its look in a template for years, so old versions keep loading:
a document is validated against the schema of its own version, then migrated step by
step to the current one (`MIGRATIONS`).
"""
from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carto_desktop.errors import TemplateError
from carto_desktop.paths import styles_dir

CURRENT_VERSION = 2
PAGE_PRESETS = ("A4 landscape", "A4 portrait", "A3 landscape", "A3 portrait", "Letter landscape", "Letter portrait",
                "square_1080", "landscape_1200x675", "story_1080x1920")


def _v1_to_v2(spec: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added kinds, pixel pages, manual breaks, inset/basemap switches: v1 is a choropleth."""
    spec = copy.deepcopy(spec)
    spec["template_version"] = 2
    spec.setdefault("inset", True)
    spec.setdefault("basemap", "outlines")
    return spec


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


@dataclass(frozen=True)
class Template:
    """A validated template in the current version; `spec` is the JSON document."""

    spec: dict[str, Any]
    path: Path

    @property
    def id(self) -> str:
        return self.spec["id"]

    @property
    def kind(self) -> str:
        return self.spec["kind"]

    def name(self, lang: str) -> str:
        return self.spec.get("name", {}).get(lang) or self.id

    def text(self, key: str, lang: str) -> str:
        return self.spec["texts"][lang if lang in self.spec["texts"] else "en"].get(key, "")

    def font(self, key: str, default: float) -> float:
        return float(self.spec.get("fonts", {}).get(key, default))

    def colour(self, key: str, default: str) -> str:
        return self.spec["colours"].get(key, default)

    def thumbnail(self) -> Path | None:
        """The gallery picture for a bundled template, when there is one."""
        p = self.path.parent / "thumbnails" / f"{self.id}.png"
        return p if p.is_file() else None

    def with_overrides(self, scheme: str | None = None, classes: int | None = None,
                       palette: str | None = None, breaks: list[float] | None = None,
                       logo: str | Path | None = None, page: str | None = None) -> Template:
        """The same template with the user's classification, palette, logo and page choices, validated.

        `page` is one of `PAGE_PRESETS` ("A4 landscape", "A3 portrait", "square_1080"…).
        """
        if scheme is None and classes is None and palette is None and breaks is None and logo is None \
                and page is None:
            return self
        spec = copy.deepcopy(self.spec)
        cls = spec.setdefault("classification", {"scheme": "quantiles", "classes": 5})
        if scheme is not None:
            cls["scheme"] = scheme
        if classes is not None:
            cls["classes"] = classes
        if breaks is not None:
            cls["breaks"] = list(breaks)
        if palette is not None:
            spec["colours"]["palette"] = palette
        if page is not None:
            if page not in PAGE_PRESETS:
                raise TemplateError("Unknown page size \"{page}\".", hint="Use one of: {choices}.",
                                    page=page, choices=", ".join(PAGE_PRESETS))
            size, _, orientation = page.partition(" ")
            spec["page"] = {**spec["page"], "size": size}
            if orientation:
                spec["page"]["orientation"] = orientation
        if logo is not None:
            logo = Path(logo)
            if not logo.is_file() or logo.suffix.lower() != ".png":
                raise TemplateError("The logo must be an existing PNG image.",
                                    hint="Save your logo as PNG (a transparent background looks best).", file=logo)
            spec["logo"] = str(logo.resolve())
        validate_template(spec, self.path)
        return Template(spec=spec, path=self.path)


def bundled_templates() -> dict[str, Path]:
    """Template id → file, for the templates shipped in styles/."""
    return {p.stem: p for p in sorted(styles_dir().glob("*.json"))}


def _schema(version: int) -> dict[str, Any]:
    return json.loads((styles_dir() / "schema" / f"template-v{version}.schema.json").read_text(encoding="utf-8"))


def load_template(name_or_path: str | Path = "choropleth") -> Template:
    """Load a bundled template by id, or a template file by path; validate and migrate it."""
    bundled = bundled_templates()
    path = bundled.get(str(name_or_path)) or Path(name_or_path)
    if not path.is_file():
        raise TemplateError(
            "The style template \"{name}\" was not found.",
            hint="Bundled templates: {names}; or give the path of a .json template.",
            name=str(name_or_path),
            names=", ".join(bundled),
        )
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise TemplateError(
            "The style template is not valid JSON (line {line}, column {col}).",
            hint="Open it in a text editor and fix the syntax near that place.",
            file=path, line=exc.lineno, col=exc.colno,
        ) from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(
            "The style template is not valid JSON (line {line}, column {col}).",
            hint="Open it in a text editor and fix the syntax near that place.",
            file=path, line=1, col=exc.start + 1,
        ) from exc
    if path in bundled.values() and isinstance(spec, dict) and spec.get("template_version") == CURRENT_VERSION:
        # shipped with the program and checked against the schema by tests/test_templates.py:
        # not validated again at each start (importing jsonschema and checking take about 0.06 s)
        return Template(spec=spec, path=path)
    return Template(spec=migrate(spec, path), path=path)


def migrate(spec: Any, path: Path | None = None) -> dict[str, Any]:
    """Validate `spec` against its own version's schema, then upgrade it to the current version."""
    version = spec.get("template_version") if isinstance(spec, dict) else None
    if isinstance(version, int) and version > CURRENT_VERSION:
        raise TemplateError(
            "The style template is version {version}, newer than this Carto Desktop understands.",
            hint="Update Carto Desktop, or use a template made with this version.",
            file=path, version=version,
        )
    if not isinstance(version, int) or version < 1:
        validate_template(spec, path)  # reports the missing/invalid version field by name
    while version < CURRENT_VERSION:
        validate_template(spec, path, version)
        spec = MIGRATIONS[version](spec)
        version = spec["template_version"]
    validate_template(spec, path)
    return spec


_VALID: set[tuple[int, str]] = set()  # templates found valid in this process (the app's previews check each edit's)


def validate_template(spec: Any, path: Path | None = None, version: int = CURRENT_VERSION) -> None:
    """Raise a TemplateError naming the first invalid field's path (e.g. `colours.no_data`)."""
    try:
        seen = (version, json.dumps(spec, sort_keys=True))
    except (TypeError, ValueError):
        seen = None  # not JSON: the schema says why
    if seen in _VALID:
        return
    _validate(spec, path, version)
    if seen is not None and len(_VALID) < 256:
        _VALID.add(seen)


def _validate(spec: Any, path: Path | None, version: int) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema(version))
    errors = sorted(validator.iter_errors(spec), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        err = errors[0]
        field = ".".join(str(p) for p in err.absolute_path) or "(top level)"
        raise TemplateError(
            "The style template has an invalid value at \"{path}\": {problem}.",
            hint="Compare it with a bundled template in the styles folder.",
            file=path, path=field, problem=err.message,
        )
    palette = spec.get("colours", {}).get("palette") if version == CURRENT_VERSION else None
    if palette is not None:
        from matplotlib import colormaps

        if palette not in colormaps:
            raise TemplateError(
                "Unknown colour palette \"{palette}\".",
                hint="Use a ColorBrewer name such as YlOrRd, Blues, PuBu, Greens or Reds.",
                file=path, palette=palette,
            )
