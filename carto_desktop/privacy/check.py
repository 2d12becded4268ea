"""The "before you share" check: what a finished map could reveal about the people in the data.

It answers the questions a data-protection focal point asks before a map leaves the
office: how fine are the areas, how small is the smallest count shown, are people drawn
as points, and which personal columns were in the table and kept out. `markdown(lang)`
is a one-page summary to keep with the map (it names columns, never their values).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from carto_desktop.aggregate import RECORDS
from carto_desktop.number_format import format_number
from carto_desktop.files import write_text_atomically
from carto_desktop.hexagons import size_text
from carto_desktop.i18n import translate
from carto_desktop.paths import sample_data_dir
from carto_desktop.privacy.sensitive import Finding, PeopleVerdict, detect_sensitive, is_people_points, names_a_person

if TYPE_CHECKING:
    from carto_desktop.project import MapResult, Project

CHECK_SUFFIX = ".check.md"
NAMES_SHOWN = 12  # areas named in the "fewer than N" line


@dataclass
class ShareCheck:
    """What the map shows, as far as the people in the data are concerned."""

    title: str
    level: int | None  # finest admin level shown (None: not known, or only points)
    level_word: str  # "cercle", "admin 2 area"
    areas_shown: int  # areas with data
    smallest_count: float | None  # smallest exact count shown for an area (None: no counts)
    counts_are_records: bool  # False: the map shows sums/means; smallest_count is then the records behind an area
    min_count: int  # the threshold: counts under it are shown as "fewer than N"
    suppressed_areas: int  # areas whose small count is hidden
    people_points: bool  # the rows are people (households, beneficiaries)
    people_reason: str  # why (PeopleVerdict text, in the check's language)
    people_points_drawn: bool  # ... and they are drawn one by one
    points_map: bool = False  # the user asked for a map of points
    points_shown: int = 0  # points drawn one by one (people or places)
    scanned: list[str] = field(default_factory=list)  # map files looked into (names)
    leaks: dict[str, int] = field(default_factory=dict)  # file name -> personal values or paths found in it
    detected: list[Finding] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # detected or chosen columns kept out (Project.excluded_columns)
    used: list[str] = field(default_factory=list)  # personal columns the map itself uses
    suppressed_names: list[str] = field(default_factory=list)  # the areas shown as "fewer than N" (a few)
    cell_size_km: float | None = None  # people counted per hexagon of this size (not per admin area)
    lang: str = "en"
    files_named: list[str] = field(default_factory=list)  # the user's input file names the map prints
    # the map's figures count people, or come from rows that are people (`MapData`, decided by
    # `counted.what_is_counted`); organisations or activities per area reveal nobody: no warning about them
    about_people: bool = True

    @property
    def warnings(self) -> list[str]:
        """What should be fixed before sharing (sentences in the check's language)."""
        t, out = self.lang, []
        if not self.about_people:
            pass
        elif self.min_count <= 1:
            out.append(translate("Small counts are shown exactly: set a minimum count (5 is usual).", t))
        elif self.smallest_count is not None and self.smallest_count < self.min_count:
            out.append(translate("An area shows an exact count under {n}.", t, n=self.min_count)
                       if self.counts_are_records else
                       translate("An area's figure comes from fewer than {n} records.", t, n=self.min_count))
        if self.people_points_drawn:
            out.append(translate("Each household or person is drawn as a point where they live.", t))
        for column in self.used:
            out.append(translate("The map uses the personal column \"{column}\".", t, column=column))
        for name in self.files_named:  # "liste_<first>_<family>_2024.csv" on the map names a person
            out.append(translate("The map shows the name of your file \"{file}\": a file name can name a person; "
                                 "write the source in your own words.", t, file=name))
        for name, n in self.leaks.items():
            out.append(translate("The file {file} contains {n} personal values or folder paths.", t,
                                 file=name, n=n))
        return out

    def sections(self) -> list[dict[str, Any]]:
        """The check as plain values, in the check's language: what the app shows and `markdown` writes.

        Each section is {"heading", "items"}; an item is {"kind", "text", "columns"}: kind
        "fact", "columns" (a reason and its state; `columns` are the column names), "none",
        "warning" or "ok".
        """
        t = self.lang
        shows: list[dict[str, Any]] = []

        def fact(text: str) -> None:
            shows.append({"kind": "fact", "text": text, "columns": []})

        size = size_text(self.cell_size_km, t) if self.cell_size_km else ""
        if self.points_shown:
            fact(translate("Finest detail shown: exact points ({n}).", t, n=self.points_shown))
        elif size:
            fact(translate("Finest detail shown: hexagons of {size} km, {n} with data.", t, size=size,
                           n=self.areas_shown))
        elif self.level is not None:
            fact(translate("Finest areas shown: {word} (admin level {level}), {n} with data.", t,
                           word=self.level_word, level=self.level, n=self.areas_shown))
        elif self.areas_shown:
            fact(translate("Areas shown: {n} with data.", t, n=self.areas_shown))
        if self.smallest_count is not None:
            count = format_number(self.smallest_count, t)  # "5 965" in French, as the legend writes it
            fact(translate("Smallest count shown exactly: {count}.", t, count=count) if self.counts_are_records else
                 translate("Fewest records behind an area: {count}.", t, count=count))
        if self.min_count > 1 and size:
            fact(translate("Counts under {n} are shown as \"fewer than {n}\": {cells} hexagons.", t,
                           n=self.min_count, cells=self.suppressed_areas))
        elif self.min_count > 1 and not self.points_shown:
            fact(translate("Counts under {n} are shown as \"fewer than {n}\": {areas} areas.", t,
                           n=self.min_count, areas=self.suppressed_areas) if self.counts_are_records else
                 translate("Figures from fewer than {n} records are shown as \"fewer than {n}\": {areas} areas.",
                           t, n=self.min_count, areas=self.suppressed_areas))
            if self.suppressed_names:
                fact(translate("Shown as \"fewer than {n}\": {names}.", t, n=self.min_count,
                               names=", ".join(self.suppressed_names)))
        if self.people_points_drawn:
            fact(translate("Points of people: drawn one by one.", t) + " " + self.people_reason)
        elif self.people_points and size:
            fact(translate("Points of people: not drawn; they are counted per hexagon of {size} km.", t, size=size)
                 + " " + self.people_reason)
        elif self.people_points and self.points_map:
            fact(translate("Points of people: not drawn; they are counted per area.", t) + " " + self.people_reason)
        else:
            fact(translate("Points of people: none.", t))
        personal: list[dict[str, Any]] = []
        if not self.detected:
            personal.append({"kind": "none", "text": translate("No column looks like personal data.", t),
                             "columns": []})
        groups: dict[tuple[str, str], list[str]] = {}
        for f in self.detected:
            state = "used by the map" if f.column in self.used else (
                "kept out" if f.column in self.excluded else "not used by the map")
            groups.setdefault((f.text(t), state), []).append(f.column)
        # the state agrees with its columns in French ("écartée", "écartées"): `n` picks the form
        personal += [{"kind": "columns", "text": f"{reason} ({translate(state, t, n=len(columns))})",
                      "columns": columns} for (reason, state), columns in groups.items()]
        verdict = [{"kind": "warning", "text": w, "columns": []} for w in self.warnings]
        if not verdict:
            verdict.append({"kind": "ok", "columns": [], "text": translate(
                "Nothing in this map identifies a person or a small group.", t)})
        clean = [name for name in self.scanned if name not in self.leaks]
        if clean:
            verdict.append({"kind": "ok", "columns": [], "text": translate(
                "No value of the personal columns and no folder path was found in: {files}.", t,
                files=", ".join(clean))})
        return [{"heading": translate("What the map shows", t), "items": shows},
                {"heading": translate("Personal data in the table", t), "items": personal},
                {"heading": translate("Verdict", t), "items": verdict}]

    def markdown(self, map_name: str = "", checked: date | None = None) -> str:
        """A one-page summary to keep with the map, in the check's language."""
        t = self.lang
        colon = " : " if t == "fr" else ": "
        lines = [f"# {translate('Before you share', t)}{colon}{self.title}", ""]
        if map_name:
            lines.append(f"{translate('Map', t)}{colon}{map_name}  ")
        lines.append(f"{translate('Checked on', t)}{colon}{(checked or date.today()).isoformat()}")
        marks = {"warning": "⚠ ", "ok": "✓ "}
        for section in self.sections():
            lines += ["", f"## {section['heading']}", ""]
            for item in section["items"]:
                columns = f"{colon}{', '.join(f'`{c}`' for c in item['columns'])}" if item["columns"] else ""
                lines.append(f"- {marks.get(item['kind'], '')}{item['text']}{columns}")
        lines += ["", translate("The project file (.cartoproj) keeps your choices and the paths of your inputs, "
                                "not their rows.", t), ""]
        return "\n".join(lines)


def _counts(result: MapResult, counting: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per area with data: the count shown (or the records behind a sum/mean) and whether it is hidden."""
    data = result.data
    areas = data.areas
    if "value" not in areas or not np.isfinite(areas["value"].to_numpy(dtype=float)).any():
        return np.array([]), np.array([], dtype=bool)
    values = areas["value"].to_numpy(dtype=float)
    hidden = data.suppressed()
    if not counting and RECORDS in areas:
        # a sum or a mean: the disclosure risk is the number of records behind each area
        values = np.where(np.isfinite(values), areas[RECORDS].to_numpy(dtype=float), np.nan)
    has_data = np.isfinite(values) & (values > 0)
    return values[has_data], np.asarray(hidden)[has_data]


def share_check(project: Project, result: MapResult, findings: list[Finding] | None = None,
                lang: str | None = None, map_files: Iterable[str | Path] = (),
                people: PeopleVerdict | None = None) -> ShareCheck:
    """Check the map `build_map(project)` made; `findings` default to `detect_sensitive` on the table,
    `people` (whether its rows are people) to `is_people_points` on it.

    `map_files` (the exported PNG/PDF/SVG) are looked into for the personal values and for
    folder paths of this computer (`privacy.scan`).
    """
    from carto_desktop.carto.admin_levels import admin_level_of, level_word
    from carto_desktop.project import country_of, country_outlines

    lang = lang or project.lang
    data = result.table.data
    # the user's word per column (Data step) counts, as it does for what is kept out
    findings = detect_sensitive(data, project.personal_columns or None) if findings is None \
        else list(findings)
    named = {f.column for f in findings}
    findings += [Finding(c, "chosen", "chosen") for c in project.excluded_columns if c not in named]
    verdict = is_people_points(data) if people is None else people
    points = result.data.points
    drawn = bool(verdict) and points is not None and len(points) > 0
    level = admin_level_of(result.data.keys.id_column) if result.data.keys.id_column else None
    country = country_of(result.data.areas, country_outlines()) if level is not None else None
    people_rows = result.data.records_are_people
    # a sum of a table of area statistics (people in need per area) is a count of people, shown as such;
    # its mean or maximum is no count at all, and there are no people's rows behind it to count
    agg = result.values.agg if result.values is not None else project.agg  # "auto" as the map resolved it
    counting = (agg in ("count", "distinct") or result.values is None or project.template == "points"
                or (agg == "sum" and not people_rows))
    counts, hidden = _counts(result, counting) if counting or people_rows else (np.array([]), np.array([], bool))
    shown = counts[~hidden]
    used = [c for c in (project.key_column, project.value_column, project.category_column,
                        project.lat_column if drawn else None, project.lon_column if drawn else None,
                        result.match.key_column if result.match is not None and project.template != "points"
                        else None) if c]
    personal = {f.column for f in findings} | set(project.excluded_columns)
    scanned, leaks = _scan(map_files, data, findings, project)
    files_named = _files_named(project, result, map_files)
    return ShareCheck(
        title=project.title or Path(project.table).stem,
        level=level, level_word=level_word(country["ISO_A2"] if country is not None else None, level, lang),
        areas_shown=int(len(counts)),
        smallest_count=float(shown.min()) if len(shown) else None, counts_are_records=counting,
        min_count=project.min_count,
        suppressed_areas=int(hidden.sum()),
        people_points=bool(verdict), people_reason=verdict.text(lang), people_points_drawn=drawn,
        points_map=project.template == "points", points_shown=int(len(points)) if points is not None else 0,
        detected=findings, excluded=[c for c in project.excluded_columns],
        used=sorted({c for c in used if c in personal}, key=used.index), lang=lang, scanned=scanned, leaks=leaks,
        suppressed_names=[] if result.data.outlines is not None else _suppressed_names(result.data),  # cells have no names
        cell_size_km=result.data.cell_size_km if result.data.outlines is not None else None,
        about_people=bool(result.data.counts_people or result.data.records_are_people),
        files_named=files_named,
    )


def _suppressed_names(data) -> list[str]:
    """The names of the areas shown as "fewer than N" (the first few, alphabetically): they are on the map anyway."""
    column = data.keys.name_column or data.keys.id_column
    if not column or "value" not in data.areas:
        return []
    names = sorted(data.areas.loc[data.suppressed(), column].astype(str))
    return names[:NAMES_SHOWN] + (["…"] if len(names) > NAMES_SHOWN else [])


def _files_named(project: Project, result: MapResult, map_files: Iterable[str | Path]) -> list[str]:
    """The user's input files named after a person (`names_a_person`) whose name the map prints: in the
    page's texts, and in the exported files when there are some."""
    from carto_desktop.privacy.scan import file_texts, find_values

    inputs = [Path(p) for p in (project.table, project.boundaries) if p is not None
              and not str(p).startswith("builtin:") and Path(p).parent.resolve() != sample_data_dir().resolve()]
    inputs = [p for p in inputs if names_a_person(p.stem)]  # before reading the page (each preview)
    if not inputs:
        return []
    forms: list[bytes] = []
    if result.figure is not None:
        from matplotlib.text import Text

        forms.append("\n".join(t.get_text() for t in result.figure.findobj(Text)).encode("utf-8"))
    for f in map_files:
        forms += file_texts(f)
    named = []
    for p in inputs:  # a file named after a person (issue 14 takes file names off the map altogether)
        if find_values(forms, [p.stem]) and p.name not in named:
            named.append(p.name)
    return named


def _scan(map_files: Iterable[str | Path], data, findings: list[Finding], project: Project
          ) -> tuple[list[str], dict[str, int]]:
    from carto_desktop.privacy.scan import personal_values, scan_map_file

    files = [Path(f) for f in map_files]
    if not files:
        return [], {}
    values = personal_values(data, findings)
    folders = {str(Path.home())} | {str(Path(p).resolve().parent) for p in (project.table, project.boundaries)
                                    if p is not None and not str(p).startswith("builtin:")}
    leaks = {}
    for f in files:
        found = scan_map_file(f, values, folders | {str(f.resolve().parent)})
        if found:
            leaks[f.name] = len(found)
    return [f.name for f in files], leaks


def check_path(map_path: str | Path) -> Path:
    """Where the summary of `map_path` goes: `kati.png` -> `kati.check.md`, beside it."""
    p = Path(map_path)
    return p.with_name(p.stem + CHECK_SUFFIX)


def write_check(check: ShareCheck, map_path: str | Path) -> Path:
    """Write the one-page summary next to the map, atomically."""
    return write_text_atomically(check_path(map_path), check.markdown(Path(map_path).name))

