"""What the app asks of the engine, run in a separate engine process (no Qt here).

Reading a workbook, matching and drawing a page hold Python's GIL for hundreds of
milliseconds at a time, so even a worker thread would freeze the window. The app
therefore runs these tasks in a child process (`gui/engine.py`) and exchanges only plain
values with it: the project as a dict (`project_file.project_to_dict`), pixels as bytes,
counts and rows as lists. The heavy imports (geopandas, matplotlib) happen only here.
"""
from __future__ import annotations

import dataclasses
import os
import re
import traceback
from pathlib import Path
from typing import Any

from carto_desktop.errors import CartoError

PREVIEW_DPI = 110
TABLE_PREVIEW_ROWS = 100
CANDIDATE = re.compile(r"^(?P<name>.*) \((?P<id>[^()]*)\) (?P<score>[\d.]+)$")


def warm_up() -> None:
    """Import the map stack once, before the first request needs it."""
    import carto_desktop.project  # noqa: F401
    import carto_desktop.export  # noqa: F401


def _project(data: dict[str, Any]):
    from carto_desktop.project_file import project_from_dict

    return project_from_dict(data)


def sample(lang: str) -> dict[str, Any]:
    """The sample project, as the app's dict, with the names of the fields that are files."""
    from carto_desktop.project import sample_project
    from carto_desktop.project_file import path_fields, project_to_dict

    return {"project": project_to_dict(sample_project(lang)), "path_fields": sorted(path_fields())}


def new_project(table: str, boundaries: str, lang: str) -> dict[str, Any]:
    from carto_desktop.project import Project
    from carto_desktop.project_file import path_fields, project_to_dict

    project = Project(table=Path(table), boundaries=Path(boundaries), lang=lang)
    return {"project": project_to_dict(project), "path_fields": sorted(path_fields())}


def inspect_table(path: str, sheet: str | None = None, roles: dict[str, str] | None = None) -> dict[str, Any]:
    """Sheets, columns and the first rows, for the Data step's table preview.

    Also the detected column roles (`roles` are the user's, see `Project.roles`: they shape
    the warnings) and the columns that look personal, with the plain reason in both languages.
    """
    from carto_desktop import intake

    sheets: list[str] = []
    if Path(path).suffix.lower() in {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}:
        sheets = intake.list_sheets(path)
    try:
        table = intake.read_table(path, sheet)
    except CartoError as exc:
        if not sheets:
            raise
        # another sheet may hold the data: offer the choice with the reason this one failed
        return {"sheets": sheets, "sheet": sheet or sheets[0], "columns": [], "rows": [], "row_numbers": [],
                "n_rows": 0, "roles": {}, "warnings": {"en": [], "fr": []}, "sensitive": [], "people": None,
                "error": {"en": exc.text("en"), "fr": exc.text("fr")}}
    data = table.data
    roles_chosen, roles = roles, {}
    warnings = list(table.warnings)
    try:
        from carto_desktop.intake.roles import detect_roles
    except ImportError:  # older engine without column-role detection
        detect_roles = None
    if detect_roles is not None:
        try:
            found = detect_roles(table)
            roles = {str(c): [r.role, r.level] for c, r in found.columns.items()}
            overrides = {c: r for c, r in (roles_chosen or {}).items() if r != "ignore" and c in roles}
            warnings += list((detect_roles(table, overrides) if overrides else found).warnings)
        except Exception:  # detection is a help, never a reason to refuse a table
            roles = {}
    head = data.head(TABLE_PREVIEW_ROWS).fillna("")
    return {
        "sheets": sheets,
        "sheet": table.sheet,
        "columns": [str(c) for c in data.columns],
        "rows": [[str(v) for v in row] for row in head.itertuples(index=False)],
        "row_numbers": [int(n) for n in table.row_numbers[:TABLE_PREVIEW_ROWS]],
        "n_rows": int(len(data)),
        "roles": roles,
        "warnings": {lang: [_notice(w, lang) for w in warnings] for lang in ("en", "fr")},
        **_personal(data),
    }


def _personal(data) -> dict[str, Any]:
    """The columns that look personal (the detection alone: the user's word is applied by the app) and
    whether the rows are people, each reason in both languages."""
    from carto_desktop.privacy.sensitive import Finding, detect_sensitive, is_people_points

    both = ("en", "fr")
    found = [{"column": f.column, "kind": f.kind, "reason": {t: f.text(t) for t in both},
              "evidence": {t: f.evidence_text(t) for t in both}} for f in detect_sensitive(data)]
    verdict = is_people_points(data)
    chosen = Finding("", "chosen", "chosen")
    return {"sensitive": found, "chosen_reason": {t: chosen.text(t) for t in both},
            "people": {"people": bool(verdict), "text": {t: verdict.text(t) for t in both}}}


def _notice(item: Any, lang: str) -> str:
    text = getattr(item, "text", None)
    return text(lang) if callable(text) else str(item)


def inspect_layer(path: str) -> dict[str, Any]:
    """The layers of a boundary file (GeoPackage can hold several)."""
    import pyogrio

    try:
        layers = [str(name) for name, _kind in pyogrio.list_layers(path)]
    except Exception:
        layers = []
    return {"layers": layers}


def figure_pixels(figure, dpi: float = PREVIEW_DPI) -> tuple[bytes, int, int]:
    """Render `figure` to RGBA bytes with matplotlib's Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    original = figure.dpi
    figure.set_dpi(dpi)
    try:
        canvas.draw()
        width, height = canvas.get_width_height()
        return bytes(canvas.buffer_rgba()), width, height
    finally:
        figure.set_dpi(original)


def _review_rows(match) -> list[dict[str, Any]]:
    """One entry per distinct key value still unsure or unmatched, with its candidates."""
    rows = match.rows
    todo = rows[rows["match_status"].isin(["review", "unmatched"])]
    out = []
    for value, group in todo.groupby(match.key_column, sort=False, dropna=False):
        first = group.iloc[0]
        candidates = []
        for part in str(first["match_candidates"] or "").split("; "):
            m = CANDIDATE.match(part.strip())
            if m:
                candidates.append([m["id"], m["name"], float(m["score"])])
        out.append({"value": "" if value != value else str(value), "status": str(first["match_status"]),
                    "rows": int(len(group)), "candidates": candidates})
    out.sort(key=lambda r: (r["status"] != "review", -r["rows"]))
    return out


def _areas(match, layer) -> list[list[str]]:
    ids = layer[match.keys.id_column].astype(str)
    names = layer[match.keys.name_column].astype(str) if match.keys.name_column else ids
    return sorted(([i, n] for i, n in zip(ids, names)), key=lambda a: a[1])


def preview(project: dict[str, Any], dpi: int = PREVIEW_DPI) -> dict[str, Any]:
    """Build the map and render it to pixels; also what the Match step shows."""
    from carto_desktop.project import build_map

    result = build_map(_project(project))
    pixels, width, height = figure_pixels(result.figure, dpi)
    out: dict[str, Any] = {"pixels": pixels, "width": width, "height": height, "columns":
                           [str(c) for c in result.table.data.columns], "match": None}
    if result.match is not None:
        layer = result.values.areas if result.values is not None else None
        out["match"] = {
            "key_column": result.match.key_column,
            "counts": dict(result.match.counts),
            "review": _review_rows(result.match),
            "areas": _areas(result.match, layer) if layer is not None else [],
        }
    return out


def export(project: dict[str, Any], paths: list[str], dpi: int, atlas: bool = False) -> list[str]:
    """Build the map once and write it to each path (format from the extension).

    With `atlas`, each path gets one map per region (see carto_desktop/atlas.py).
    """
    from carto_desktop.export import save_map
    from carto_desktop.project import build_map

    if atlas:
        from carto_desktop.atlas import save_atlas

        return [str(p) for path in paths for p in save_atlas(_project(project), path, dpi)]
    figure = build_map(_project(project)).figure
    return [str(save_map(figure, path, dpi)) for path in paths]


def save(project: dict[str, Any], path: str) -> str:
    from carto_desktop.project_file import save_project

    p = _project(project)
    return str(save_project(path, p, getattr(p, "decisions", None)))


def open_project(path: str) -> dict[str, Any]:
    from carto_desktop.project_file import path_fields, project_to_dict, read_project

    opened = read_project(path)
    project = opened.project()
    if "decisions" in {f.name for f in dataclasses.fields(project)} and not project.decisions:
        project.decisions = dict(opened.decisions)
    return {"project": project_to_dict(project), "path_fields": sorted(path_fields()),
            "changed": opened.changed_inputs, "missing": opened.missing_inputs}


def templates() -> list[dict[str, Any]]:
    """The bundled templates: id, names per language, kind, thumbnail if there is one."""
    import json

    from carto_desktop.carto.templates import bundled_templates
    from carto_desktop.paths import styles_dir

    out = []
    for template_id, path in bundled_templates().items():
        try:
            spec = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        names = spec.get("name") if isinstance(spec.get("name"), dict) else {}
        thumb = styles_dir() / "thumbnails" / f"{template_id}.png"
        out.append({"id": template_id, "name": {"en": names.get("en", template_id), "fr": names.get("fr", names.get(
            "en", template_id))}, "kind": spec.get("kind", "choropleth"),
            "thumbnail": str(thumb) if thumb.is_file() else None})
    return out


TASKS = {f.__name__: f for f in (sample, new_project, inspect_table, inspect_layer, preview, export, save,
                                  open_project, templates)}


def error_report(exc: BaseException) -> dict[str, Any]:
    """A failure as plain values: the user's sentence in both languages, or a bug's traceback."""
    details = "".join(traceback.format_exception(exc))
    if isinstance(exc, CartoError):
        return {"user": True, "text": {"en": exc.text("en"), "fr": exc.text("fr")}, "summary": str(exc),
                "details": details}
    return {"user": False, "text": {}, "summary": f"{type(exc).__name__}: {exc}", "details": details}


def serve(conn) -> None:
    """The engine process's loop: (job id, task, kwargs) in, (job id, ok, value) out."""
    if hasattr(os, "nice"):  # the window's process gets the processor first on a busy laptop
        try:
            os.nice(5)
        except OSError:
            pass
    try:
        warm_up()
    except Exception:  # reported with the first task that needs the stack
        pass
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job_id, task, kwargs = message
        try:
            value = TASKS[task](**kwargs)
        except BaseException as exc:  # every failure goes back to the window, never lost
            conn.send((job_id, False, error_report(exc)))
        else:
            conn.send((job_id, True, value))
