"""What the window and its engine process say to each other: one record per task and per result.

The app runs the engine in a child process (`gui/engine_tasks.py` says why); everything crossing
between them is pickled. These records are that vocabulary, typed, so a misspelt task or a result
field read under the wrong name fails where it is written instead of as a missing key at run time.
The window sends a `Task` (`EngineProcess.submit`), the engine process answers with the task's
result record or an `ErrorReport`. No Qt and no heavy import here: the window imports this module
at start-up, and unpickling a result must not load pandas in the window.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from carto_desktop.choices import Project
from carto_desktop.match.verdicts import Candidate

PREVIEW_DPI = 110  # a preview with no screen size to fit


@dataclass(frozen=True)
class InBoth:
    """A sentence in both of the app's languages (the window may switch language without asking again)."""

    en: str = ""
    fr: str = ""

    def text(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


# --- tasks: what the window asks -----------------------------------------------------------------


class Task:
    """A job for the engine process (`engine_tasks.run_task` runs each kind)."""


@dataclass(frozen=True)
class OpenSample(Task):
    """The sample project in `lang`."""

    lang: str


@dataclass(frozen=True)
class NewProject(Task):
    """A project on a table; without boundaries, the built-in set it fits is chosen once it is inspected."""

    table: str
    lang: str
    boundaries: str | None = None


@dataclass(frozen=True)
class InspectTable(Task):
    """Sheets, columns, first rows, column roles and personal columns of a table (the Data step)."""

    path: str
    sheet: str | None = None
    roles: dict[str, str] = field(default_factory=dict)  # the user's roles (`Project.roles`): they shape warnings


@dataclass(frozen=True)
class InspectLayer(Task):
    """The layers of a boundary file."""

    path: str


@dataclass(frozen=True)
class DrawPreview(Task):
    """The map made and drawn to pixels, with what the Match step and the Export step show."""

    project: Project
    dpi: float = PREVIEW_DPI
    highlight: str | None = None  # an area id to outline (the Match step's candidate)
    check_lang: str | None = None  # also the "before you share" check, in that language
    fit: tuple[int, int] | None = None  # the preview's size in screen pixels: drawn to fill it


@dataclass(frozen=True)
class DrawHighlight(Task):
    """The current page with one area outlined (none: the page as drawn)."""

    project: Project
    area_id: str | None
    dpi: float = PREVIEW_DPI


@dataclass(frozen=True)
class ExportMap(Task):
    """The map written to each path (format from the extension; .html: the interactive map)."""

    project: Project
    paths: tuple[str, ...]
    dpi: int
    atlas: bool = False
    check_lang: str | None = None
    summary: bool = False  # the check's one-page summary written beside the first path


@dataclass(frozen=True)
class ExportData(Task):
    """The map's data, one row per area (`map_data.py`), written as CSV, GeoPackage or GeoJSON."""

    project: Project
    path: str


@dataclass(frozen=True)
class SaveProject(Task):
    project: Project
    path: str


@dataclass(frozen=True)
class OpenProject(Task):
    """A project file, or (`autosave`) the recovered session: no checksums, no outside-folder question."""

    path: str
    autosave: bool = False


@dataclass(frozen=True)
class ListTemplates(Task):
    """The bundled templates."""


# --- results: what the engine process answers ----------------------------------------------------


@dataclass(frozen=True)
class ErrorReport:
    """A failure as plain values: the user's sentence in both languages, or a bug's traceback."""

    user: bool  # a problem the person can fix (a `CartoError`), else a bug
    text: InBoth = InBoth()
    summary: str = ""  # one line, in English, for logs and tests
    details: str = ""  # the traceback
    superseded: bool = False  # a preview stopped because a newer one was asked for: never shown


@dataclass(frozen=True)
class ProjectReady:
    """The answer to `OpenSample` and `NewProject`."""

    project: Project


@dataclass(frozen=True)
class ProjectOpened:
    project: Project
    changed: tuple[str, ...] = ()  # inputs whose content changed since the project was saved
    missing: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()  # inputs found outside the project's folder: the app asks first
    saved_from: str | None = None  # the autosave's project file


@dataclass(frozen=True)
class ProjectSaved:
    path: str


@dataclass(frozen=True)
class BuiltinFit:
    """The built-in boundaries a table fits: the set, or None with why none or several fit."""

    spec: str | None
    sentence: InBoth


@dataclass(frozen=True)
class PersonalColumn:
    """A column the detection flags as personal, with its plain reason and the evidence."""

    column: str
    kind: str
    reason: InBoth
    evidence: InBoth


@dataclass(frozen=True)
class PeopleRows:
    """Whether the table's rows are people, and why."""

    people: bool
    text: InBoth


@dataclass(frozen=True)
class TableInspected:
    sheets: tuple[str, ...]
    sheet: str | None
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # the first rows, as text
    row_numbers: tuple[int, ...] = ()  # the row numbers the person sees in their file
    n_rows: int = 0
    roles: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # detected: column -> (role, level)
    numbers: tuple[str, ...] = ()  # the columns detected as numbers, in table order (what a sum may add up)
    warnings: tuple[InBoth, ...] = ()
    builtin: BuiltinFit | None = None
    personal: tuple[PersonalColumn, ...] = ()
    chosen_reason: InBoth = InBoth()  # the reason shown for a column the person marked personal
    people: PeopleRows | None = None
    error: InBoth | None = None  # this sheet cannot be used (another may): why


@dataclass(frozen=True)
class LayersInspected:
    layers: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """A drawn page's pixels (RGBA), and the outlined area with its box in image pixels."""

    pixels: bytes
    width: int
    height: int
    highlight: str | None = None
    highlight_box: tuple[int, int, int, int] | None = None


class Area(NamedTuple):
    area_id: str
    name: str


@dataclass(frozen=True)
class MatchCounts:
    matched: int
    review: int
    unmatched: int


@dataclass(frozen=True)
class ReviewLine:
    """A distinct key value still unsure or not found, its candidates and why."""

    value: str
    status: str  # "review" or "unmatched"
    rows: int
    candidates: tuple[Candidate, ...]
    why: InBoth
    why_short: InBoth


@dataclass(frozen=True)
class MatchShown:
    """What the Match step shows of a map's match."""

    key_column: str
    counts: MatchCounts
    review: tuple[ReviewLine, ...]
    areas: tuple[Area, ...]  # every area of the layer, by name
    notes: tuple[InBoth, ...] = ()  # what matching read differently from the table ("101" for "0101"), in words


@dataclass(frozen=True)
class CheckItem:
    """A line of the "before you share" check: kind "fact", "columns" (a reason and its state, with the
    column names), "none", "warning" or "ok"."""

    kind: str
    text: str
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckSection:
    heading: str
    items: tuple[CheckItem, ...]


@dataclass(frozen=True)
class CheckShown:
    """The "before you share" check of a map (`privacy.check.ShareCheck`), in its language."""

    lang: str
    title: str
    sections: tuple[CheckSection, ...]
    warnings: tuple[str, ...] = ()
    detected: tuple[str, ...] = ()  # columns detected as personal
    excluded: tuple[str, ...] = ()  # columns kept out
    scanned: tuple[str, ...] = ()  # the exported files looked into (names)
    leaks: dict[str, int] = field(default_factory=dict)  # file name -> personal values or folder paths found in it


@dataclass(frozen=True)
class CheckFailed:
    """The check could not be made (a help, never a reason to lose the map): why."""

    report: ErrorReport


@dataclass(frozen=True)
class RowsOnMap:
    """How many of the table's rows are on the map and why the others are not (`rows_account.py`): the
    headline first, then a line per reason, in the words `render` prints."""

    complete: bool  # every row is on the map
    en: tuple[str, ...] = ()
    fr: tuple[str, ...] = ()

    def lines(self, lang: str) -> tuple[str, ...]:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class Preview:
    """The answer to `DrawPreview`."""

    page: Page
    columns: tuple[str, ...]
    match: MatchShown | None = None
    check: CheckShown | CheckFailed | None = None  # asked for with `check_lang`
    small_counts: InBoth = InBoth()  # whether small counts are hidden on this map, in the person's words
    stated_source: str | None = None  # the source a credits.json beside the table gives
    rows: RowsOnMap | None = None  # None: a map of points
    notices: tuple[InBoth, ...] = ()  # what the person must be told about this map (`MapResult.notices`)
    region: str = ""  # the one region the map shows, all the data being there (`framing.py`); "" = the whole set

    def with_page(self, page: Page) -> Preview:
        """The same preview showing another drawing of its page (an area outlined)."""
        return Preview(page, self.columns, self.match, self.check, self.small_counts, self.stated_source, self.rows,
                       self.notices, self.region)


@dataclass(frozen=True)
class Exported:
    paths: tuple[str, ...]
    check: CheckShown | CheckFailed | None = None  # as `Preview.check`, with the written files looked into
    summary: str | None = None  # the check's one-page summary written beside the map


@dataclass(frozen=True)
class DataExported:
    path: str
    notice: InBoth = InBoth()  # said when the file withholds figures the map hides (empty: nothing to say)


@dataclass(frozen=True)
class TemplateShown:
    id: str
    name: InBoth
    kind: str
    thumbnail: str | None = None


@dataclass(frozen=True)
class Templates:
    templates: tuple[TemplateShown, ...]


TASK_TYPES: tuple[type[Task], ...] = (OpenSample, NewProject, InspectTable, InspectLayer, DrawPreview, DrawHighlight,
                                      ExportMap, ExportData, SaveProject, OpenProject, ListTemplates)
