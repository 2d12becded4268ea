"""What the app asks of the engine, run in a separate engine process (no Qt here).

Reading a workbook, matching and drawing a page hold Python's GIL for hundreds of
milliseconds at a time, so even a worker thread would freeze the window. The app
therefore runs these tasks in a child process (`gui/engine.py`) and exchanges typed records with
it (`engine_messages.py`): a `Task` in, its result or an `ErrorReport` out, pickled; the project
travels as a `Project` (`choices.py`), pixels as bytes. The heavy imports (geopandas, matplotlib)
happen only here.
"""
from __future__ import annotations

import gc
import os
import traceback
from collections import deque
from pathlib import Path
from dataclasses import fields
from typing import Any, Callable

from carto_desktop.choices import Project
from carto_desktop.value_columns import NUMBER
from carto_desktop.engine_messages import (PREVIEW_DPI, Area, BuiltinFit, CheckFailed, CheckItem, CheckSection,
                                           CheckShown, DrawHighlight, DrawPreview, ErrorReport,
                                           DataExported, Exported, ExportData, ExportMap, InBoth, InspectLayer, InspectTable, LayersInspected,
                                           ListTemplates, MatchCounts, MatchShown, NewProject, OpenProject,
                                           OpenSample, Page, PeopleRows, PersonalColumn, Preview, ProjectOpened,
                                           ProjectReady, ProjectSaved, ReviewLine, RowsOnMap, SaveProject, Task, TemplateShown,
                                           Templates, TableInspected)
from carto_desktop.errors import CartoError

MIN_PREVIEW_DPI, MAX_PREVIEW_DPI = 40, 150  # a preview drawn to fit the screen stays legible and cheap
TABLE_PREVIEW_ROWS = 100


def warm_up() -> None:
    """Import the map stack once, before the first request needs it, and read what every map reads.

    The engine process starts with the window, while the person looks for their files: the first map
    then finds the country outlines, the reference features (rivers, lakes, towns), the page's fonts and
    PROJ's database already open (0.1-0.2 s of the first map), and the table's inspection the workbook
    reader, the personal-data detection and the built-in sets' names indexed (0.05 s).
    """
    import carto_desktop.project  # noqa: F401
    import carto_desktop.export  # noqa: F401

    try:
        import pandas as pd
        import python_calamine  # noqa: F401

        builtin_fit(pd.DataFrame({"cercle": ["Bamako", "Mopti"]}))
        _personal(pd.DataFrame({"cercle": ["Bamako", "Mopti"]}))
    except Exception:  # a head start only
        pass
    try:
        import geopandas as gpd
        from matplotlib.font_manager import FontProperties, findfont, get_font
        from shapely.geometry import Point

        from carto_desktop.carto.reference import reference_layers
        from carto_desktop.project import country_outlines

        country_outlines()
        reference_layers()
        for weight in ("normal", "bold"):
            get_font(findfont(FontProperties(family="DejaVu Sans", weight=weight)))
        gpd.GeoSeries([Point(0, 12)], crs=4326).to_crs("+proj=laea +lat_0=12 +lon_0=0 +units=m")
    except Exception:  # a head start only: the first map reads them if this could not
        pass


def _both(text: Callable[[str], str]) -> InBoth:
    return InBoth(text("en"), text("fr"))


def sample(lang: str) -> ProjectReady:
    """The sample project."""
    from carto_desktop.project import sample_project

    return ProjectReady(sample_project(lang))


def new_project(table: str, lang: str, boundaries: str | None = None) -> ProjectReady:
    """A project on `table`; without `boundaries`, the built-in set the table fits is chosen once it is inspected."""
    return ProjectReady(Project(table=Path(table), boundaries=Path(boundaries) if boundaries else None, lang=lang))


def builtin_fit(data) -> tuple[BuiltinFit, Any]:
    """The built-in boundaries a table fits, for the Data step: "builtin:NER/2" or None, and the sentence
    ("Niger, departments (…): 57 of 61 names found", or why none or several fit); beside it the names of
    that country's areas per level, that admin-name columns are checked against (None: no set fits)."""
    from carto_desktop.builtin_boundaries.recognise import area_names, choose_builtin

    try:
        chosen, recognition = choose_builtin(None, data)
    except CartoError as exc:
        return BuiltinFit(None, _both(exc.sentence)), None
    return BuiltinFit(chosen.spec, _both(recognition.sentence)), area_names(chosen.country)


def inspect_table(path: str, sheet: str | None = None, roles: dict[str, str] | None = None) -> TableInspected:
    """Sheets, columns and the first rows, for the Data step's table preview.

    Also the detected column roles (`roles` are the user's, see `Project.roles`: they shape
    the warnings) and the columns that look personal, with the plain reason in both languages.
    """
    from carto_desktop import intake
    from carto_desktop.project import read_kept_table

    sheets: list[str] = []
    if Path(path).suffix.lower() in {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}:
        sheets = intake.list_sheets(path)
    try:
        table = read_kept_table(path, sheet)  # the preview that follows finds it read
    except CartoError as exc:
        if not sheets:
            raise
        # another sheet may hold the data: offer the choice with the reason this one failed
        return TableInspected(tuple(sheets), sheet or sheets[0], error=_both(exc.text))
    data = table.data
    roles_chosen, roles = roles, {}
    warnings = list(table.warnings)
    from carto_desktop.intake.roles import refine_roles
    from carto_desktop.project import role_overrides, table_roles

    builtin, area_names = builtin_fit(data)
    try:
        guessed = table_roles(table)  # guessed once: the map that follows refines the same roles
        found = refine_roles(table, guessed, area_names=area_names)  # = detect_roles(table, area_names=…)
        roles = {str(c): (r.role, r.level) for c, r in found.columns.items()}
        overrides = role_overrides(roles_chosen or {}, roles)
        warnings += list((refine_roles(table, guessed, overrides, area_names=area_names) if overrides
                          else found).warnings)
    except Exception:  # detection is a help, never a reason to refuse a table
        roles = {}
    head = data.head(TABLE_PREVIEW_ROWS).fillna("")
    personal, chosen_reason, people = _personal(data)
    return TableInspected(
        sheets=tuple(sheets),
        sheet=table.sheet,
        columns=tuple(str(c) for c in data.columns),
        rows=tuple(tuple(str(v) for v in row) for row in head.itertuples(index=False)),
        row_numbers=tuple(int(n) for n in table.row_numbers[:TABLE_PREVIEW_ROWS]),
        n_rows=int(len(data)),
        roles=roles,
        numbers=tuple(c for c, (role, _level) in roles.items() if role == NUMBER),
        warnings=tuple(_both(lambda lang, w=w: _notice(w, lang)) for w in warnings),
        builtin=builtin,
        personal=personal, chosen_reason=chosen_reason, people=people,
    )


def _personal(data) -> tuple[tuple[PersonalColumn, ...], InBoth, PeopleRows]:
    """The columns that look personal (the detection alone: the user's word is applied by the app), the
    reason shown for a column the person marks, and whether the rows are people, each in both languages."""
    from carto_desktop.privacy.sensitive import Finding, detect_sensitive, is_people_points

    found = tuple(PersonalColumn(f.column, f.kind, _both(f.text), _both(f.evidence_text)) for f in detect_sensitive(data))
    verdict = is_people_points(data)
    return found, _both(Finding("", "chosen", "chosen").text), PeopleRows(bool(verdict), _both(verdict.text))


def _notice(item: Any, lang: str) -> str:
    text = getattr(item, "text", None)
    return text(lang) if callable(text) else str(item)


def inspect_layer(path: str) -> LayersInspected:
    """The layers of a boundary file (GeoPackage can hold several)."""
    import pyogrio

    try:
        layers = [str(name) for name, _kind in pyogrio.list_layers(path)]
    except Exception:
        layers = []
    return LayersInspected(tuple(layers))


def _review_rows(match) -> tuple[ReviewLine, ...]:
    """One entry per distinct key value still unsure or unmatched, with its candidates and why."""
    from carto_desktop.match.reasons import unsure_values

    return tuple(ReviewLine(u.value, u.status, u.rows, u.candidates, _both(lambda lang, u=u: u.why(lang)),
                            _both(lambda lang, u=u: u.why(lang, short=True)))
                 for u in unsure_values(match))


def _areas(match, layer) -> tuple[Area, ...]:
    ids = layer[match.keys.id_column].astype(str)
    names = layer[match.keys.name_column].astype(str) if match.keys.name_column else ids
    return tuple(sorted((Area(i, n) for i, n in zip(ids, names)), key=lambda a: a.name))


class _LastPage:
    """The engine process's last preview, kept so the Match step can highlight an area on it.

    Drawing the page again costs the whole render; the highlight only draws a few artists
    over a saved copy of the page's pixels (matplotlib's blitting), in milliseconds.
    """

    project: Project | None = None
    figure = None
    drawn = None  # the page's `DrawnPage` (the areas and map axes to outline one on)
    background = None  # the page's pixels without highlight (an Agg BufferRegion)
    size: tuple[int, int] = (0, 0)

    def forget(self) -> None:
        self.project = self.figure = self.drawn = self.background = None

    def keep(self, project: Project, figure, drawn, dpi: float) -> bytes:
        """Draw `figure` at `dpi`, remember it with what it drew (`drawn`), and return its pixels."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        from carto_desktop.carto.labels import outlines_as_laid_out

        header = getattr(drawn, "header", None)  # the page's resolution while it was laid out
        laid_out = getattr(header, "dpi", None) or figure.dpi
        canvas = FigureCanvasAgg(figure)
        figure.set_dpi(dpi)
        with outlines_as_laid_out(laid_out):  # the names with a halo are not measured again at screen size
            canvas.draw()
        self.project, self.figure, self.drawn = project, figure, drawn
        self.background = canvas.copy_from_bbox(figure.bbox)
        self.size = canvas.get_width_height()
        return bytes(canvas.buffer_rgba())

    def highlighted(self, area_id: str | None) -> Page:
        """The kept page with `area_id` outlined and named (none: the page as drawn)."""
        from carto_desktop.carto.page import draw_highlight

        figure = self.figure
        canvas = figure.canvas
        canvas.restore_region(self.background)
        artists = draw_highlight(self.drawn, area_id) if area_id else []
        box = None
        try:
            renderer = canvas.get_renderer()
            for artist in artists:
                artist.draw(renderer)
            if artists:
                box = _pixel_box(figure, self.drawn, area_id)
            pixels = bytes(canvas.buffer_rgba())
        finally:
            for artist in artists:
                artist.remove()
        width, height = self.size
        return Page(pixels, width, height, area_id if artists else None, box)


_PAGE = _LastPage()  # one per engine process: the page the window shows now


def _pixel_box(figure, drawn, area_id: str) -> tuple[int, int, int, int]:
    """The highlighted area's bounding box in image pixels (x0, y0, x1, y1; y from the top)."""
    areas, keys = drawn.areas, drawn.keys
    hit = areas[areas[keys.id_column].astype(str) == str(area_id)]
    x0, y0, x1, y1 = hit.total_bounds
    ax = drawn.map_axes[0]
    (px0, py0), (px1, py1) = ax.transData.transform([(x0, y0), (x1, y1)])
    height = figure.canvas.get_width_height()[1]
    return int(px0), int(height - py1), int(px1) + 1, int(height - py0) + 1


class Superseded(Exception):
    """A newer preview waits: this one is dropped unfinished (the window would not show it)."""


def _newer_preview_waits() -> bool:  # replaced by `serve` with a look at the window's messages
    return False


def _unless_superseded() -> None:
    if _newer_preview_waits():
        raise Superseded()


def screen_dpi(figure, fit: tuple[int, int] | None, default: float = PREVIEW_DPI) -> float:
    """The resolution that fills `fit` (the preview's size in screen pixels) with the page, within 40-150 dpi."""
    if not fit or min(fit) <= 0:
        return default
    width, height = figure.get_size_inches()
    return float(min(max(min(fit[0] / width, fit[1] / height), MIN_PREVIEW_DPI), MAX_PREVIEW_DPI))


def preview(project: Project, dpi: float = PREVIEW_DPI, highlight: str | None = None,
            check_lang: str | None = None, fit: tuple[int, int] | None = None) -> Preview:
    """Build the map and render it to pixels; also what the Match step shows.

    `highlight`: an area id to outline on the page (the Match step's current candidate).
    `check_lang`: also the "before you share" check, in that language (the Export step).
    `fit`: the preview's size in screen pixels: the page is drawn at the resolution that fills it
    (`screen_dpi`) instead of `dpi`. A preview asked for after this one stops it between its steps
    (`Superseded`): the person has changed something again, and only the newest map is shown.
    """
    from carto_desktop.project import build_map

    _unless_superseded()
    result = _recoloured(project) or build_map(project)
    _unless_superseded()
    _PAGE.keep(project, result.figure, result.drawn, screen_dpi(result.figure, fit, dpi))
    page = _PAGE.highlighted(highlight)
    match = None
    if result.match is not None:
        layer = result.values.areas if result.values is not None else None
        counts = result.match.counts
        match = MatchShown(result.match.key_column,
                           MatchCounts(counts.get("matched", 0), counts.get("review", 0), counts.get("unmatched", 0)),
                           _review_rows(result.match), _areas(result.match, layer) if layer is not None else (),
                           tuple(_both(note.text) for note in result.match.notes))
    check = None
    if check_lang:
        _unless_superseded()
        check = _share_check(project, result, check_lang)
    small_counts, stated_source, rows = _truth(project, result)
    return Preview(page, tuple(str(c) for c in result.table.data.columns), match, check, small_counts, stated_source,
                   rows, notices_shown(result.notices), result.data.region)


SAID_ELSEWHERE = frozenset({"source", "match"})  # notices the app says in a step of its own (the Style step's
# source line; the Match step's notes: codes whose zeros were restored, invisible characters ignored)


def notices_shown(notices) -> tuple[InBoth, ...]:
    """The map's notices (`MapResult.notices`: letters the fonts lack, a basemap that covers part of the frame,
    points counted per area…) in both languages, for the Export step; those the app says elsewhere left out."""
    from carto_desktop.i18n import told_text

    return tuple(InBoth(told_text(n, "en"), told_text(n, "fr")) for n in notices
                 if getattr(n, "topic", "") not in SAID_ELSEWHERE)


RECOLOURING = frozenset({"palette", "classes", "scheme"})  # edits that change only a choropleth's colours
RETITLING = frozenset({"title", "subtitle"})  # edits that change only the title band


def _recoloured(project: Project):
    """The kept page coloured again for `project` (`page.recolour_page`), when it differs from the page's
    project only in its palette, classes or classification, or given its new title (`page.retitle_page`)
    when only the title or subtitle differ; None: the map is made afresh (also when the new title takes
    another number of lines).

    The same pixels as a page drawn afresh (`tests/test_reuse.py`), without laying the page out again.
    """
    from carto_desktop.carto.page import recolour_page, retitle_page
    from carto_desktop.project import drawn_map, page_inputs, prepare_map

    last = _PAGE.project
    if last is None or _PAGE.figure is None or _PAGE.drawn is None:
        return None
    changed = {f.name for f in fields(Project) if getattr(project, f.name) != getattr(last, f.name)}
    if not changed or not (changed <= RECOLOURING or changed <= RETITLING):
        return None
    prepared = prepare_map(project)
    figure, drawn = _PAGE.figure, _PAGE.drawn
    _PAGE.forget()  # changed in place below: never highlighted as the old project's page
    try:
        if changed <= RECOLOURING:
            done = recolour_page(figure, drawn, prepared.data, prepared.template, project.lang)
        else:
            texts = page_inputs(project, prepared.template, prepared.data, prepared.layer, prepared.match).texts
            done = retitle_page(figure, drawn, prepared.template, texts)
    except Exception:  # a speed-up only: the page is drawn afresh
        return None
    return drawn_map(project, prepared, figure, drawn) if done else None


def _truth(project: Project, result) -> tuple[InBoth, str | None, RowsOnMap | None]:
    """What the app says beside the map: whether small counts are hidden (`counted.small_counts_text`,
    both languages); the source a credits.json beside the table gives (None: the map says "source not
    given" until the user names one); how many rows are on the map and why the others are not
    (`rows_account.RowsAccount.lines`, as `render` prints them; None: a map of points)."""
    from carto_desktop.carto.credits import stated_credit
    from carto_desktop.counted import small_counts_text

    account = result.account
    rows = None if account is None else RowsOnMap(account.complete, tuple(account.lines("en")),
                                                  tuple(account.lines("fr")))
    return (_both(lambda lang: small_counts_text(result.data, lang)), stated_credit(project.table, project.lang),
            rows)


def _share_check(project: Project, result, lang: str) -> CheckShown | CheckFailed:
    """The "before you share" check of a map just made (privacy/check.py), for the Export step.

    A failure of the check never costs the user the map: it comes back as `CheckFailed`.
    """
    import json

    from carto_desktop import reuse
    from carto_desktop.privacy.check import share_check as check
    from carto_desktop.privacy.sensitive import detect_sensitive, is_people_points

    try:
        # the personal-data detection depends on the table and the person's word only: kept with the table
        data = result.table.data
        table = reuse.file_identity(project.table)
        key = None if table is None else ("share check", table, project.sheet, tuple(map(str, data.columns)),
                                          len(data), json.dumps(project.personal_columns, sort_keys=True))
        findings = reuse.remembered("derived", key, lambda: detect_sensitive(data, project.personal_columns or None),
                                    list)
        people = reuse.remembered("derived", None if key is None else (*key, "people"), lambda: is_people_points(data))
        return check_shown(check(project, result, findings=findings, people=people, lang=lang))
    except Exception as exc:  # a help, like column-role detection: reported, never blocking
        return CheckFailed(error_report(exc))


def check_shown(check) -> CheckShown:
    """A `privacy.check.ShareCheck` as the window shows it: its sections in its language, what it counted."""
    from carto_desktop.i18n import translate

    sections = tuple(CheckSection(s["heading"], tuple(CheckItem(i["kind"], i["text"], tuple(i["columns"]))
                                                      for i in s["items"])) for s in check.sections())
    return CheckShown(check.lang, translate("Before you share", check.lang), sections, tuple(check.warnings),
                      tuple(f.column for f in check.detected), tuple(check.excluded), tuple(check.scanned),
                      dict(check.leaks))


def highlight(project: Project, area_id: str | None, dpi: float = PREVIEW_DPI) -> Page:
    """The current page with one area outlined and named: the kept page if it shows `project`,
    else the map made afresh (as `preview`)."""
    if _PAGE.figure is None or _PAGE.project != project:
        return preview(project, dpi, area_id).page
    return _PAGE.highlighted(area_id)


def export(project: Project, paths: tuple[str, ...] | list[str], dpi: int, atlas: bool = False,
           check_lang: str | None = None, summary: bool = False) -> Exported:
    """Build the map once and write it to each path (format from the extension; .html: an interactive map).

    With `atlas`, each PNG/PDF/SVG path gets one map per region (see carto_desktop/atlas.py). With
    `check_lang`, the written files are looked into by the "before you share" check
    ("check"), and with `summary` its one-page summary is written beside the first path
    (`<map>.check.md`).
    """
    from carto_desktop.export import save_map
    from carto_desktop.interactive import HTML_SUFFIXES, interactive_page, save_interactive_map
    from carto_desktop.project import MapResult, build_map, prepare_map

    p = project
    pages = [path for path in paths if Path(path).suffix.lower() in HTML_SUFFIXES]  # interactive: the whole map
    prints = [path for path in paths if path not in pages]
    prepared = prepare_map(p)  # once for every page and file, and for the check
    if atlas or not prints:
        from carto_desktop.atlas import save_atlas

        written = [str(f) for path in prints for f in save_atlas(p, path, dpi, prepared)]
        # the check looks at the whole country's data, as the atlas's classes do
        result = MapResult(None, prepared.table, prepared.match, prepared.values, prepared.data, prepared.notices,
                           account=prepared.account, template=prepared.template)
    else:
        result = build_map(p, prepared)
        written = [str(save_map(result.figure, path, dpi, drawn=result.drawn)) for path in prints]
    if pages:
        html = interactive_page(p, prepared)
        written += [str(save_interactive_map(html, path)) for path in pages]
    shown, written_summary = None, None
    if check_lang and result is not None:
        from carto_desktop.privacy.check import share_check as check, write_check

        try:
            done = check(p, result, lang=check_lang, map_files=written)
        except Exception as exc:  # the map is written: a failed check is reported, not the export
            shown = CheckFailed(error_report(exc))
        else:
            shown = check_shown(done)
            if summary and paths:
                written_summary = str(write_check(done, paths[0]))
    return Exported(tuple(written), shown, written_summary)


def export_data(project: Project, path: str) -> DataExported:
    """Write the map's data (`map_data.py`: one row per area with its value, rows, what is shown, class and
    colour) as CSV, GeoPackage or GeoJSON, atomically, in the map's language. The notice (both languages,
    empty when none) says when the file withholds figures, as the map hides them."""
    from carto_desktop.map_data import check_data_path, withheld_notice, write_map_data
    from carto_desktop.project import prepare_map

    check_data_path(path)  # before the slow part
    prepared = prepare_map(project)
    written = write_map_data(prepared.data, prepared.template, path, project.lang)
    return DataExported(str(written), _both(lambda lang: withheld_notice(prepared.data, prepared.template,
                                                                        written, lang)))


def save(project: Project, path: str) -> ProjectSaved:
    from carto_desktop.project_file import save_project

    return ProjectSaved(str(save_project(path, project, project.decisions)))


def open_project(path: str, autosave: bool = False) -> ProjectOpened:
    """A project file (or, `autosave`, the recovered session: no checksums, no outside-folder question)."""
    from carto_desktop.project_file import read_project

    opened = read_project(path, checksums=not autosave)
    if autosave:
        opened.outside_inputs = []  # the autosave lives in the app's own folder: its inputs are the user's files
    return ProjectOpened(opened.project(), tuple(opened.changed_inputs), tuple(opened.missing_inputs),
                         tuple(opened.outside_inputs), opened.saved_from)


def templates() -> Templates:
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
        name = InBoth(names.get("en", template_id), names.get("fr", names.get("en", template_id)))
        out.append(TemplateShown(template_id, name, spec.get("kind", "choropleth"),
                                 str(thumb) if thumb.is_file() else None))
    return Templates(tuple(out))


RUNNERS: dict[type[Task], Callable[..., Any]] = {
    OpenSample: sample, NewProject: new_project, InspectTable: inspect_table, InspectLayer: inspect_layer,
    DrawPreview: preview, DrawHighlight: highlight, ExportMap: export, ExportData: export_data, SaveProject: save,
    OpenProject: open_project, ListTemplates: templates}


class UnknownTask(TypeError):
    """The window sent something that is no task of this engine (both ship together: a bug)."""


def run_task(task: Task) -> Any:
    """The task's result record; the task's fields are the runner's arguments."""
    runner = RUNNERS.get(type(task))
    if runner is None:
        raise UnknownTask(f"The engine process has no task {type(task).__name__!r}.")
    return runner(**{f.name: getattr(task, f.name) for f in fields(task)})


def error_report(exc: BaseException) -> ErrorReport:
    """A failure as plain values: the user's sentence in both languages, or a bug's traceback."""
    if isinstance(exc, Superseded):
        return ErrorReport(False, summary="superseded by a newer preview", superseded=True)
    details = "".join(traceback.format_exception(exc))
    if isinstance(exc, CartoError):
        return ErrorReport(True, _both(exc.text), str(exc), details)
    return ErrorReport(False, summary=f"{type(exc).__name__}: {exc}", details=details)


QUICK_TASKS = (DrawPreview, DrawHighlight)  # the person waits for them: no garbage collection while they run
COLLECT_AFTER = 3  # previews in a row (a burst of edits) after which the garbage is collected anyway


def answer(job_id: int, task: Task) -> tuple[int, bool, Any]:
    """One task run: (job id, True, its result) or (job id, False, an `ErrorReport`): never lost.

    A preview runs with Python's cycle collector paused: a page makes tens of thousands of objects,
    and the collections they set off walked everything the process keeps (Nigeria: 0.03-0.05 s of
    each preview). `serve` collects once the answer is sent, while the person looks at the map.
    """
    quick = isinstance(task, QUICK_TASKS) and gc.isenabled()
    if quick:
        gc.disable()
    try:
        if isinstance(task, DrawPreview):
            _unless_superseded()
        return job_id, True, run_task(task)
    except BaseException as exc:  # every failure goes back to the window
        return job_id, False, error_report(exc)
    finally:
        if quick:
            gc.enable()


def serve(conn) -> None:
    """The engine process's loop: (job id, `Task`) in, (job id, ok, result or `ErrorReport`) out."""
    if hasattr(os, "nice"):  # the window's process gets the processor first on a busy laptop
        try:
            os.nice(5)
        except OSError:
            pass
    try:
        warm_up()
    except Exception:  # reported with the first task that needs the stack
        pass
    from carto_desktop import reuse

    reuse.keep_between_maps(True)  # edits that change no file and no matching choice never read or match again
    try:
        from carto_desktop.carto.labels import keep_text_paths, keep_text_sizes

        keep_text_sizes()  # the next preview draws the same texts: measured once per process
        keep_text_paths()  # and the names' outlines under their halos worked out once
    except Exception:  # a speed-up only
        pass
    gc.freeze()  # the imported map stack is never garbage: the collector need not walk it at each preview
    inbox = _Inbox(conn)
    global _newer_preview_waits
    _newer_preview_waits = inbox.newer_preview_waits
    uncollected = 0  # previews answered since the garbage was last collected
    while True:
        try:
            message = inbox.next()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job_id, task = message
        conn.send(answer(job_id, task))
        if isinstance(task, QUICK_TASKS):
            uncollected += 1
            if uncollected >= COLLECT_AFTER or inbox.idle():  # the last page's garbage, while the map is looked at
                gc.collect()
                uncollected = 0


class _Inbox:
    """The window's messages, read ahead when a preview asks whether a newer one waits."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.waiting: deque = deque()

    def next(self):
        return self.waiting.popleft() if self.waiting else self.conn.recv()

    def idle(self) -> bool:
        """No message from the window waits."""
        try:
            return not self.waiting and not self.conn.poll(0)
        except (EOFError, OSError):
            return False

    def newer_preview_waits(self) -> bool:
        try:
            while (not self.waiting or self.waiting[-1] is not None) and self.conn.poll(0):
                self.waiting.append(self.conn.recv())
        except (EOFError, OSError):
            self.waiting.append(None)  # the window is gone: stop after this task
        return any(m is not None and isinstance(m[1], DrawPreview) for m in self.waiting)
