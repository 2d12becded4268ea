"""The main window: a start page, then the four steps on the left and the live map on the right.

The window is a thin driver. It holds the user's choices as a `Project` (`choices.py`), applies
the pages' edits with `edits.apply_edit` (one undo step each: `History` keeps snapshots),
autosaves, and asks the engine process (`gui/engine.py`) for everything else, so the UI thread
never waits.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMainWindow, QMessageBox, QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from carto_desktop.builtin_boundaries.catalogue import is_builtin
from carto_desktop.number_format import format_number
from carto_desktop.choices import Project
from carto_desktop.edits import ChooseBoundaries, ChooseTable, Edit, FollowPersonalDetection, apply_edit, changed_fields
from carto_desktop.engine_messages import (BuiltinFit, DataExported, ErrorReport, Exported, ExportData, ExportMap, InspectLayer, InspectTable,
                                           LayersInspected, ListTemplates, NewProject, OpenProject, OpenSample, Page,
                                           Preview, ProjectOpened, ProjectReady, ProjectSaved, SaveProject,
                                           TableInspected, Task, Templates, TemplateShown)
from carto_desktop.gui.autosave_writer import AutosaveWriter
from carto_desktop.gui.data_step import DataStep
from carto_desktop.gui.engine import EngineProcess
from carto_desktop.gui.errors import show_error
from carto_desktop.gui.export_step import ExportStep
from carto_desktop.gui.map_requests import MapRequests
from carto_desktop.gui.match_step import MatchStep
from carto_desktop.gui.navigation import STEP_KEYS, back_next, build_menus, step_bar
from carto_desktop.gui.preview import MapPreview
from carto_desktop.gui.start_page import StartPage
from carto_desktop.gui.style_step import StyleStep
from carto_desktop.project_file import SUFFIX, Autosave, History, inputs_to_confirm, path_fields
from carto_desktop.recent_projects import RECENT_MAX, RecentProjects

TABLE_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".tsv"}
BOUNDARY_SUFFIXES = {".geojson", ".json", ".gpkg", ".shp", ".zip"}
START, WORKSPACE = 0, 1


class MainWindow(QMainWindow):
    """Signals let tests and the guide's screenshot script follow what happens."""

    preview_ready = Signal()
    export_finished = Signal(str)
    export_cancelled = Signal()
    data_exported = Signal(str)  # the map's data written to this file
    failed = Signal(str)
    saved = Signal(str)
    project_changed = Signal()
    language_requested = Signal(str)
    table_ready = Signal()
    autosaved = Signal()
    highlight_ready = Signal(str)  # the preview now outlines this area ("" = none)

    def __init__(self, lang: str = "en", data_dir: str | Path | None = None, settings: QSettings | None = None,
                 state: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.lang = lang
        self.settings = settings
        self.autosave = Autosave(data_dir) if data_dir else None
        self.project: Project | None = None
        self.project_path: Path | None = None
        self.dirty = False
        self.history = History()
        self.last_preview: Preview | None = None
        self.templates: tuple[TemplateShown, ...] = ()
        self.error_box: QMessageBox | None = None
        self.recovery_box: QMessageBox | None = None
        self.outside_box: QMessageBox | None = None
        self.known_inputs: set[str] = set()  # files this session already worked with: opening them again asks nothing
        # the recent projects: a file in the app-data folder (recent_projects.py), which `carto-desktop purge`
        # can edit without Qt; a list older versions kept in the settings starts it
        self.recent = RecentProjects(data_dir, RECENT_MAX) if data_dir else None
        self._recent: list[str] = self.recent.paths() if self.recent is not None else []
        if self.recent is not None and settings is not None and settings.contains("recent"):
            self._recent = self.recent.adopt(list(settings.value("recent", []) or []))
            settings.remove("recent")
        self._pending_inputs: dict[str, str] = {}
        self._inspecting = 0  # the table's inspections asked for and not yet back (see `_allow_export`)
        self._export_job: int | None = None

        self.engine = EngineProcess(self)  # loading, matching, previews, project files
        self.exporter = EngineProcess(self)  # exports, so Cancel never stops the preview
        self.exporter.cancelled.connect(self._export_cancelled)

        self.maps = MapRequests(self.engine, lang, self)  # previews and highlights
        self.maps.preview_ready.connect(self._preview_done)
        self.maps.preview_failed.connect(self.show_failure)
        self.maps.highlight_ready.connect(self._highlight_done)
        self.setWindowTitle(self.tr("Carto Desktop"))
        self.setAcceptDrops(True)
        self._build()
        build_menus(self)
        self._fill_recent_menu()
        self.autosave_writer = AutosaveWriter(self.autosave, self._unsaved_work, self)
        self.autosave_writer.written.connect(self.autosaved)
        self.start_page.show_recent(self._recent)
        self._update_actions()
        self.engine.start()  # imports the map stack now, while the user looks at the start page
        self._run(self.engine, ListTemplates(), self._templates_ready)
        if state:
            self._restore_state(state)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.start_page = StartPage()
        self.sample_button = self.start_page.sample_button
        self.sample_button.clicked.connect(self.open_sample_project)
        self.start_page.open_button.clicked.connect(self.choose_project_file)
        self.start_page.new_button.clicked.connect(self.choose_new_files)
        self.start_page.recent_chosen.connect(self.open_project_file)

        bar = step_bar(self)

        self.data_step = DataStep()
        self.match_step = MatchStep()
        self.style_step = StyleStep()
        self.export_step = ExportStep()
        self.steps = QStackedWidget()
        for page in (self.data_step, self.match_step, self.style_step, self.export_step):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            self.steps.addWidget(scroll)
            if hasattr(page, "edited"):
                page.edited.connect(self.edit)
        self.step_buttons.idClicked.connect(self.steps.setCurrentIndex)
        self.data_step.table_chosen.connect(self.use_table)
        self.match_step.highlight_requested.connect(self.request_highlight)
        self.data_step.boundaries_chosen.connect(self.use_boundaries)
        self.export_step.export_requested.connect(lambda paths, dpi: self.export_to(paths, dpi))
        self.export_step.cancel_requested.connect(self.cancel_export)
        self.export_step.data_export_requested.connect(self.export_data_to)
        self.export_step.open_folder_button.clicked.connect(self._open_export_folder)
        self.matched_label = self.match_step.matched_label
        self.export_button = self.export_step.export_button
        self.dpi_spin = self.export_step.dpi_spin

        nav = back_next(self)
        self.steps.currentChanged.connect(self._step_shown)

        self.preview = MapPreview()
        self.maps.fit = self.preview.screen_size  # previews drawn at the size they are shown
        self.preview.setText(self.tr("The map appears here and follows every change you make."))
        self.preview.setToolTip(self.tr("Preview of the map page; the exported file is sharper"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.steps, 1)
        left_layout.addLayout(nav)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 820])
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
        self.rows_label = QLabel("")  # "M of N rows are on the map"; why the others are not in its tooltip
        self.statusBar().addPermanentWidget(self.rows_label)
        self.notices_label = QLabel("")  # "⚠ Notes on this map: 2", each in its tooltip; a click opens Export
        self.notices_label.setVisible(False)
        self.notices_label.linkActivated.connect(lambda _link: self.go_to_step(3))
        self.statusBar().addPermanentWidget(self.notices_label)
        self.counts_label = QLabel("")
        self.counts_label.setToolTip(self.tr("Rows of your table linked to an area, to check, and not found"))
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().showMessage(self.tr("Ready"))
        self._step_shown(0)

    def go_to_step(self, index: int) -> None:
        if 0 <= index < self.steps.count():
            self.step_buttons.button(index).setChecked(True)
            self.steps.setCurrentIndex(index)

    def _step_shown(self, index: int) -> None:
        if index != STEP_KEYS.index("match"):
            self.request_highlight("")  # the outline belongs to the Match step
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.steps.count() - 1)

    # --- jobs -----------------------------------------------------------------------------

    def _run(self, engine: EngineProcess, task: Task, on_done: Callable[[Any], None],
             on_error: Callable[[ErrorReport], None] | None = None) -> int:
        """Ask `engine` for `task`; a failure nobody else handles is the plain-language dialog."""
        return engine.submit(task, on_done, on_error or self.show_failure)

    def _export_failed(self, report: ErrorReport) -> None:
        self._export_job = None
        self.export_step.done(self.tr("The map was not exported."), ok=False)
        self.show_failure(report)

    def _export_cancelled(self, job_id: int) -> None:
        if job_id == self._export_job:
            self._export_job = None
            from carto_desktop.files import sweep_leftovers

            for path in getattr(self, "_export_paths", []):  # the half-written file of the ended export process
                sweep_leftovers(Path(path).parent, f".~{Path(path).stem}-")
            self.export_step.done(self.tr("Export cancelled."), ok=False)
            self.export_cancelled.emit()

    def show_failure(self, report: ErrorReport) -> None:
        """A plain-language dialog; the technical details stay folded under "Show details"."""
        self.statusBar().showMessage(self.tr("Something needs your attention"))
        self.export_button.setEnabled(self.last_preview is not None)
        self.error_box = show_error(self, report, self.lang)
        self.failed.emit(report.summary)

    def _templates_ready(self, templates: Templates) -> None:
        self.templates = templates.templates
        self.style_step.show_templates(templates.templates, self.lang)

    # --- the project ----------------------------------------------------------------------

    def open_sample_project(self) -> None:
        self.statusBar().showMessage(self.tr("Opening the sample project…"))
        self._run(self.engine, OpenSample(self.lang), self._project_loaded)

    def _project_loaded(self, loaded: ProjectReady | ProjectOpened, path: str | None = None) -> None:
        self.set_project(loaded.project, project_path=path)

    def _new_project_made(self, made: ProjectReady) -> None:
        """A project on the chosen table; a boundary file chosen while it was being made is its boundaries."""
        project = made.project
        boundaries = self._pending_inputs.pop("boundaries", None) if "table" not in self._pending_inputs else None
        if boundaries and project.boundaries is None:
            project = apply_edit(project, ChooseBoundaries(Path(boundaries)))
        self.set_project(project)

    def set_project(self, project: Project, *, project_path: str | Path | None = None, dirty: bool = False) -> None:
        """Show `project` and make its map; undo starts afresh."""
        self.project = project
        self.known_inputs |= self._inputs_in_use()
        self.project_path = Path(project_path) if project_path else None
        self.history.clear()
        self.dirty = dirty
        self.last_preview = None
        self.maps.forget()
        self.export_step.start_afresh(self._default_export_path())
        self.pages.setCurrentIndex(WORKSPACE)
        self._changed({"table", "boundaries"})

    def _inputs_in_use(self) -> set[str]:
        """The files the open project reads (table, boundaries, places list…)."""
        if self.project is None:
            return set()
        return {str(getattr(self.project, k)) for k in path_fields() if getattr(self.project, k)}

    def edit(self, edit: Edit) -> None:
        """Apply a user's edit (`edits.py`): one undo step, autosaved, and a new preview."""
        if self.project is None:
            return
        new = apply_edit(self.project, edit)
        changed = changed_fields(self.project, new)
        if not changed:
            return
        self.history.push(self.project)  # edits make new projects: the old one is the snapshot
        self.project = new
        self.dirty = True
        self._changed(changed)

    def undo(self) -> None:
        self._step_history(self.history.undo)

    def redo(self) -> None:
        self._step_history(self.history.redo)

    def _step_history(self, move: Callable[[Any], Any]) -> None:
        if self.project is None:
            return
        self.style_step.commit_texts()
        state = move(self.project)
        if state is None:
            return
        changed = changed_fields(self.project, state)
        self.project = state
        self.dirty = True
        self._changed(changed)

    def _changed(self, keys: set[str]) -> None:
        """Show the changed project on every step, autosave it, and ask the engine for what it needs.

        The map is asked for before the table's details (columns, roles, personal data: the Data step):
        both run in the one engine process, which keeps the table it read for the map, so the person sees
        the map first. Without boundaries the table's inspection comes first: it finds the built-in set.
        """
        project = self.project
        self.data_step.show_project(project, self.lang)
        self.match_step.show_project(project)
        self.style_step.show_project(project)
        self.export_step.show_project(project, self._default_export_path())
        inspect = bool(keys & {"table", "sheet", "roles"})  # the user's roles shape the table's warnings
        if "boundaries" in keys and (project.boundaries is None or is_builtin(project.boundaries)):
            self.data_step.show_layers([], None)
        self.autosave_writer.soon()
        self._update_actions()
        self.project_changed.emit()
        self.export_button.setEnabled(False)
        if project.boundaries is None:  # the table's inspection finds the built-in set (`_table_inspected`)
            if inspect:
                self._inspect_table(project)
            self.statusBar().showMessage(self.tr("Looking for the boundaries that fit the table…"))
            return
        self.statusBar().showMessage(self.tr("Making the map…"))
        self.maps.changed(project)
        if inspect:
            self._inspect_table(project)
        if "boundaries" in keys and not is_builtin(project.boundaries):
            self._run(self.engine, InspectLayer(str(project.boundaries)), self._layers_inspected,
                      lambda _report: None)

    def _inspect_table(self, project: Project) -> None:
        self._inspecting += 1  # no export until the personal columns are kept out (`_allow_export`)
        self._run(self.engine, InspectTable(str(project.table), project.sheet, dict(project.roles)),
                  self._table_inspected, self._table_failed)

    def _table_inspected(self, info: TableInspected) -> None:
        self._inspecting = max(self._inspecting - 1, 0)
        if self.project is None:
            return
        self.data_step.show_table(info, self.project, self.lang)
        self.match_step.show_columns(list(info.columns), self.project.key_column)
        self.style_step.show_columns(list(info.columns))
        self.style_step.show_numbers(info.numbers)
        self.style_step.show_people(bool(info.people and info.people.people))
        self._adopt_builtin(info.builtin)
        if info.error is None:
            # the personal columns follow the table's detection and the user's word: a rule, but no undo step
            followed = apply_edit(self.project, FollowPersonalDetection(self.data_step.detected_personal(),
                                                                        info.columns))
            if followed is not self.project:
                self.project = followed
                self._changed({"excluded_columns"})
        self._allow_export()
        self.table_ready.emit()

    def _allow_export(self) -> None:
        """Export once the map on screen is the current project's and the table's personal columns are
        known (the map may come first: a new table's detection decides which columns are kept out)."""
        self.export_button.setEnabled(not self._inspecting and self.last_preview is not None and self.maps.idle())

    def _adopt_builtin(self, fit: BuiltinFit | None) -> None:
        """No boundaries chosen: the built-in set the table fits is used (a rule, no undo step); none or
        several fit: the Data step asks, and no map is made until the person chooses."""
        self.data_step.show_builtin_fit(fit, self.lang)
        if self.project is None or self.project.boundaries is not None or not fit:
            return
        if fit.spec:
            self.project = apply_edit(self.project, ChooseBoundaries(fit.spec))
            self._changed({"boundaries"})
        else:
            self.go_to_step(0)
            self.statusBar().showMessage(self.tr("Choose the boundaries: built in, or your own file."))

    def _table_failed(self, report: ErrorReport) -> None:
        self._inspecting = max(self._inspecting - 1, 0)  # nothing to keep out: the map says what failed
        self.data_step.show_table_error(report.text.text(self.lang) or report.summary)
        self._allow_export()

    def _layers_inspected(self, info: LayersInspected) -> None:
        if self.project is not None:
            self.data_step.show_layers(list(info.layers), self.project.layer)

    def _default_export_path(self) -> Path:
        folder = self.project_path.parent if self.project_path else Path.home()
        name = self.project_path.stem if self.project_path else (self.tr("map"))
        return folder / name

    # --- preview --------------------------------------------------------------------------

    def _preview_done(self, result: Preview) -> None:
        self.last_preview = result
        page = result.page
        self.preview.show_pixels(page.pixels, page.width, page.height)
        self.style_step.show_columns(list(result.columns))
        self.export_step.show_check(result.check)
        self.style_step.show_small_counts(result.small_counts, self.lang)
        self.style_step.show_source(result.stated_source)
        self.style_step.show_region(bool(result.region))
        self.export_step.show_rows(result.rows, self.lang)
        self.export_step.show_notices(result.notices, self.lang)
        notices = [n.text(self.lang) for n in result.notices]
        self.notices_label.setVisible(bool(notices))
        self.notices_label.setText("<a href='#export'>\u26a0 %s</a>" % self.tr("Notes on this map: %1").replace(
            "%1", format_number(len(notices), self.lang)) if notices else "")
        self.notices_label.setToolTip("\n".join(f"\u2022 {n}" for n in notices))
        rows = (result.rows.lines(self.lang) if result.rows else ()) or ("",)
        self.rows_label.setText(rows[0])
        self.rows_label.setToolTip("\n".join(line.strip() for line in rows[1:]))
        self.match_step.show_match(result.match, self._status_names(), self.lang)
        if result.match is not None:
            c = result.match.counts
            self.counts_label.setText(self.tr("Matched: %1 · to review: %2 · not found: %3")
                                      .replace("%1", format_number(c.matched, self.lang))
                                      .replace("%2", format_number(c.review, self.lang))
                                      .replace("%3", format_number(c.unmatched, self.lang)))
        self._allow_export()
        self.export_step.data_button.setEnabled(True)
        self.statusBar().showMessage(self.tr("Map ready"))
        self.exporter.start()  # once, after the first map: ready by the time the user exports
        self.preview_ready.emit()

    # --- the Match step's area, outlined on the preview -----------------------------------------

    def request_highlight(self, area_id: str) -> None:
        """Outline `area_id` on the preview ("" = none), soon (`MapRequests`)."""
        self.maps.request_highlight(area_id)

    def _highlight_done(self, page: Page, area: str) -> None:
        self.last_preview = self.last_preview.with_page(page)
        self.preview.show_pixels(page.pixels, page.width, page.height)
        self.highlight_ready.emit(area)

    def _status_names(self) -> dict[str, str]:
        return {"review": self.tr("unsure"), "unmatched": self.tr("not found")}

    # --- export ---------------------------------------------------------------------------

    def export_to(self, paths: str | Path | list, dpi: int | None = None, atlas: bool | None = None) -> None:
        """Write the current map to each path (format from the extension) in the export process.

        `atlas` (default: the Export step's check box) writes one map per region.
        """
        if self.project is None:
            return
        paths = [str(p) for p in (paths if isinstance(paths, list) else [paths])]
        self._export_paths = paths
        self.export_step.started()
        self.statusBar().showMessage(self.tr("Exporting…"))
        task = ExportMap(self.project, tuple(paths), dpi or self.dpi_spin.value(),
                         atlas=self.export_step.atlas_check.isChecked() if atlas is None else atlas,
                         check_lang=self.lang, summary=self.export_step.summary_check.isChecked())
        self._export_job = self._run(self.exporter, task, self._export_done, self._export_failed)

    def _export_done(self, done: Exported) -> None:
        """The files written, the check of what they contain, and its summary if asked for."""
        self._export_job = None
        paths = list(done.paths)
        self._exported = paths
        names = ", ".join(Path(p).name for p in paths + ([done.summary] if done.summary else []))
        self.export_step.done(self.tr("Saved: %1").replace("%1", names), ok=True)
        self.export_step.show_check(done.check, exported=True)
        self.statusBar().showMessage(self.tr("Map exported"))
        for path in paths:
            self.export_finished.emit(path)

    def export_data_to(self, path: str | Path) -> None:
        """Write the map's data (one row per area) in the export process; a failure is the plain dialog."""
        if self.project is None:
            return
        self.export_step.data_started()
        self._run(self.exporter, ExportData(self.project, str(path)), self._data_written, self._data_failed)

    def _data_written(self, done: DataExported) -> None:
        self.export_step.data_done(self.tr("Map data saved: %1").replace("%1", Path(done.path).name),
                                   done.notice.text(self.lang))
        self.data_exported.emit(done.path)

    def _data_failed(self, report: ErrorReport) -> None:
        self.export_step.data_done(self.tr("The map's data was not written."))
        self.show_failure(report)

    def cancel_export(self) -> None:
        if self._export_job is not None:
            self.exporter.cancel()

    def _open_export_folder(self) -> None:
        paths = getattr(self, "_exported", None)
        if paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(paths[0]).parent)))

    # --- files ----------------------------------------------------------------------------

    def use_table(self, path: str) -> None:
        if self.project is not None:
            self.edit(ChooseTable(Path(path).resolve()))
        else:
            self._pending_inputs["table"] = str(Path(path).resolve())
            self._maybe_new_project()

    def use_boundaries(self, path: str) -> None:
        if self.project is not None:
            self.edit(ChooseBoundaries(Path(path).resolve()))
        else:
            self._pending_inputs["boundaries"] = str(Path(path).resolve())
            self._maybe_new_project()

    def _maybe_new_project(self) -> None:
        """A table is enough: the built-in boundaries it fits are found (or asked for) once it is inspected."""
        if "table" in self._pending_inputs:
            inputs, self._pending_inputs = self._pending_inputs, {}
            self._run(self.engine, NewProject(inputs["table"], self.lang, inputs.get("boundaries")),
                      self._new_project_made)
        else:
            self.statusBar().showMessage(self.tr("Now choose the table."))

    def choose_new_files(self) -> None:
        from carto_desktop.gui.data_step import TABLE_FILTER_EXTS

        table, _ = QFileDialog.getOpenFileName(self, self.tr("Choose table"), "",
                                               self.tr("Tables (%1)").replace("%1", TABLE_FILTER_EXTS))
        if not table:
            return
        self.project = None  # the boundaries: built in and recognised, or the person's own file (Data step)
        self._pending_inputs = {"table": table}
        self._maybe_new_project()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.open_paths([u.toLocalFile() for u in event.mimeData().urls()])
        event.acceptProposedAction()

    def open_paths(self, paths: list[str]) -> None:
        """Dropped files: a project is opened; tables and boundary files become the inputs."""
        for path in paths:
            suffix = Path(path).suffix.lower()
            if suffix == SUFFIX:
                self.open_project_file(path)
                return
        tables = [p for p in paths if Path(p).suffix.lower() in TABLE_SUFFIXES]
        if self.project is None and tables:  # a table dropped with a boundary file: one new project with both
            bounds = [p for p in paths if Path(p).suffix.lower() in BOUNDARY_SUFFIXES]
            self._pending_inputs.update({"table": str(Path(tables[0]).resolve()),
                                         **({"boundaries": str(Path(bounds[0]).resolve())} if bounds else {})})
            self._maybe_new_project()
            return
        for path in paths:
            suffix = Path(path).suffix.lower()
            if suffix in TABLE_SUFFIXES:
                self.use_table(path)
            elif suffix in BOUNDARY_SUFFIXES:
                self.use_boundaries(path)
            else:
                self.statusBar().showMessage(self.tr("Carto Desktop does not know what to do with %1")
                                             .replace("%1", Path(path).name))

    # --- project files --------------------------------------------------------------------

    def save(self) -> None:
        if self.project_path is None:
            self.save_as()
        else:
            self.save_project_as(self.project_path)

    def save_as(self) -> None:
        if self.project is None:
            return
        start = str(self.project_path or self._default_export_path().with_suffix(SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), start,
                                              self.tr("Carto Desktop projects (*%1)").replace("%1", SUFFIX))
        if path:
            if not path.lower().endswith(SUFFIX):
                path += SUFFIX
            self.save_project_as(path)

    def save_project_as(self, path: str | Path) -> None:
        if self.project is None:
            return
        self.style_step.commit_texts()
        generation = self.maps.generation
        self._run(self.engine, SaveProject(self.project, str(path)), lambda saved: self._saved(saved, generation))

    def _saved(self, saved: ProjectSaved, generation: int) -> None:
        path = saved.path
        self.project_path = Path(path)
        self.dirty = generation != self.maps.generation
        self._remember_recent(path)
        self.autosave_writer.now()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Project saved: %1").replace("%1", Path(path).name))
        self.saved.emit(path)

    def choose_project_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "",
                                              self.tr("Carto Desktop projects (*%1)").replace("%1", SUFFIX))
        if path:
            self.open_project_file(path)

    def open_project_file(self, path: str | Path) -> None:
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", Path(path).name))
        self._run(self.engine, OpenProject(str(path)), lambda opened: self._opened(opened, str(path)))

    def _opened(self, opened: ProjectOpened, path: str) -> None:
        outside = inputs_to_confirm(list(opened.outside), self.known_inputs | self._inputs_in_use(),
                                    project=path, familiar_projects=self._recent)
        if outside:  # a project naming files elsewhere on the computer: the user sees them before they are read
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Carto Desktop"),
                              self.tr("This project uses files outside its folder:\n%1\n\nOpen them?")
                              .replace("%1", "\n".join(outside)),
                              QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, self)
            box.setModal(False)
            accept = box.button(QMessageBox.StandardButton.Open)
            box.finished.connect(lambda _r: box.clickedButton() is accept and self._opened_checked(opened, path))
            box.show()
            self.outside_box = box
            return
        self._opened_checked(opened, path)

    def _opened_checked(self, opened: ProjectOpened, path: str) -> None:
        self._project_loaded(opened, path)
        self._remember_recent(path)
        notes = []
        if opened.missing:
            notes.append(self.tr("These input files were not found: %1. Choose them again in step 1.")
                         .replace("%1", ", ".join(opened.missing)))
        if opened.changed:
            notes.append(self.tr("These input files have changed since the project was saved: %1. The map uses "
                                 "their new content.").replace("%1", ", ".join(opened.changed)))
        if notes:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Carto Desktop"), "\n\n".join(notes),
                              QMessageBox.StandardButton.Ok, self)
            box.setModal(False)
            box.show()
            self.notice_box = box

    def _remember_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        self._recent = self.recent.remember(path) if self.recent is not None else \
            [path] + [p for p in self._recent if p != path][:RECENT_MAX - 1]
        self.start_page.show_recent(self._recent)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self._recent:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_project_file(p))
        self.recent_menu.setEnabled(bool(self._recent))

    # --- recovery of unsaved work (the autosave: `AutosaveWriter`) ------------------------------

    def _unsaved_work(self) -> tuple[Project | None, bool, Path | None]:
        """What the autosave keeps: the project, whether it has unsaved changes, its project file."""
        return self.project, self.dirty, self.project_path

    def offer_recovery(self) -> bool:
        """If the last session ended with unsaved changes, offer them back (non-blocking)."""
        found = self.autosave.recover() if self.autosave is not None else None
        if found is None:
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Carto Desktop"),
                          self.tr("Carto Desktop was closed before your last changes were saved. "
                                  "Do you want to recover them?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setModal(False)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Recover my work"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Start afresh"))
        yes, discard = box.button(QMessageBox.StandardButton.Yes), box.button(QMessageBox.StandardButton.No)
        # only "Start afresh" deletes the work: closing the box (or the app) unanswered keeps it for next time
        box.finished.connect(lambda _result: self._recovery_answered(
            True if box.clickedButton() is yes else False if box.clickedButton() is discard else None, found))
        box.show()
        self.recovery_box = box
        return True

    def _recovery_answered(self, recover: bool | None, found) -> None:
        """True: recover; False: the user chose to start afresh (the only way the autosave is deleted); None: unanswered."""
        if recover:  # checked in the engine process: a damaged autosave is a plain message, and is kept
            self._run(self.engine, OpenProject(str(self.autosave.path), autosave=True), self._recovered)
        elif recover is False and self.autosave is not None:
            self.autosave.clear()

    def _recovered(self, opened: ProjectOpened) -> None:
        self.set_project(opened.project, project_path=opened.saved_from, dirty=True)

    # --- language -------------------------------------------------------------------------

    def ask_language(self, lang: str) -> None:
        if lang != self.lang:
            self.language_requested.emit(lang)

    def state(self) -> dict[str, Any]:
        """What a new window (in another language) needs to carry on where this one is."""
        self.style_step.commit_texts()
        return {"project": self.project, "project_path": self.project_path, "dirty": self.dirty, "history": self.history,
                "step": self.steps.currentIndex(), "geometry": self.saveGeometry()}

    def _restore_state(self, state: dict[str, Any]) -> None:
        if state.get("geometry") is not None:
            self.restoreGeometry(state["geometry"])
        if state.get("project") is not None:
            self.set_project(state["project"], project_path=state["project_path"], dirty=state["dirty"])
            self.history = state["history"]
            self._update_actions()
            self.go_to_step(state.get("step", 0))

    def open_guide(self) -> None:
        from carto_desktop.paths import app_root

        guide = app_root() / "docs" / "user_guide" / f"guide.{self.lang}.md"
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(guide)))

    # --- housekeeping ---------------------------------------------------------------------

    def _update_actions(self) -> None:
        has = self.project is not None
        self.undo_action.setEnabled(self.history.can_undo)
        self.redo_action.setEnabled(self.history.can_redo)
        self.save_action.setEnabled(has)
        self.save_as_action.setEnabled(has)
        name = self.project_path.stem if self.project_path else (self.tr("Untitled map") if has else "")
        title = self.tr("Carto Desktop")
        self.setWindowTitle(f"{name}{' *' if self.dirty else ''} — {title}" if name else title)

    def shutdown(self) -> None:
        """Stop the engine processes (the window can no longer make maps)."""
        self.engine.stop()
        self.exporter.stop()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Unsaved changes stay in the autosave, so the next start offers them back."""
        self.style_step.commit_texts()
        self.autosave_writer.now(wait=True)
        self.shutdown()
        super().closeEvent(event)

