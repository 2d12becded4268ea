"""Style templates: versioned JSON files validated against a published schema."""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from carto_desktop.errors import TemplateError
from carto_desktop.paths import styles_dir

CURRENT_VERSION = 1


@dataclass(frozen=True)
class Template:
    """A validated template; `spec` is the JSON document itself."""

    spec: dict[str, Any]
    path: Path

    @property
    def id(self) -> str:
        return self.spec["id"]

    def text(self, key: str, lang: str) -> str:
        return self.spec["texts"][lang if lang in self.spec["texts"] else "en"].get(key, "")

    def font(self, key: str, default: float) -> float:
        return float(self.spec.get("fonts", {}).get(key, default))

    def colour(self, key: str, default: str) -> str:
        return self.spec["colours"].get(key, default)

    def with_overrides(self, scheme: str | None = None, classes: int | None = None,
                       palette: str | None = None) -> Template:
        """The same template with the user's classification and palette choices, validated."""
        if scheme is None and classes is None and palette is None:
            return self
        spec = copy.deepcopy(self.spec)
        if scheme is not None:
            spec["classification"]["scheme"] = scheme
        if classes is not None:
            spec["classification"]["classes"] = classes
        if palette is not None:
            spec["colours"]["palette"] = palette
        validate_template(spec, self.path)
        return Template(spec=spec, path=self.path)


def bundled_templates() -> dict[str, Path]:
    """Template id → file, for the templates shipped in styles/."""
    return {p.stem: p for p in sorted(styles_dir().glob("*.json"))}


def _schema(version: int) -> dict[str, Any]:
    return json.loads((styles_dir() / "schema" / f"template-v{version}.schema.json").read_text(encoding="utf-8"))


def load_template(name_or_path: str | Path = "choropleth") -> Template:
    """Load a bundled template by id, or a template file by path, and validate it."""
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
            file=path,
            line=exc.lineno,
            col=exc.colno,
        ) from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(
            "The style template is not valid JSON (line {line}, column {col}).",
            hint="Open it in a text editor and fix the syntax near that place.",
            file=path,
            line=1,
            col=exc.start + 1,
        ) from exc
    validate_template(spec, path)
    return Template(spec=spec, path=path)


def validate_template(spec: Any, path: Path | None = None) -> None:
    """Raise a TemplateError naming the first invalid field's path (e.g. `colours.no_data`)."""
    version = spec.get("template_version") if isinstance(spec, dict) else None
    if isinstance(version, int) and version > CURRENT_VERSION:
        raise TemplateError(
            "The style template is version {version}, newer than this Carto Desktop understands.",
            hint="Update Carto Desktop, or use a template made with this version.",
            file=path,
            version=version,
        )
    validator = jsonschema.Draft202012Validator(_schema(CURRENT_VERSION))
    errors = sorted(validator.iter_errors(spec), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        err = errors[0]
        field = ".".join(str(p) for p in err.absolute_path) or "(top level)"
        raise TemplateError(
            "The style template has an invalid value at \"{path}\": {problem}.",
            hint="Compare it with a bundled template in the styles folder.",
            file=path,
            path=field,
            problem=err.message,
        )
