"""The main window: the four steps as a flow on the left, the live map preview on the right."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMainWindow,
    QPushButton, QSpinBox, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from carto_desktop.gui.errors import show_error
from carto_desktop.gui.preview import MapPreview, figure_pixels
from carto_desktop.gui.workers import Job
from carto_desktop.project import MapResult, Project, build_map, sample_project

STEP_KEYS = ("data", "match", "style", "export")


class MainWindow(QMainWindow):
    """A thin driver of engine calls: it edits a `Project` and shows what workers return."""

    preview_ready = Signal()
    export_finished = Signal(str)
    failed = Signal(str)

    def __init__(self, lang: str = "en") -> None:
        super().__init__()
        self.lang = lang
        self.project: Project | None = None
        self.result: MapResult | None = None
        self.pool = QThreadPool(self)
        self._generation = 0  # newest render request; older results are discarded
        self.setWindowTitle(self.tr("Carto Desktop"))
        self.resize(1280, 720)

        self.step_buttons = QButtonGroup(self)
        bar = QHBoxLayout()
        titles = (self.tr("1. Data"), self.tr("2. Match"), self.tr("3. Style"), self.tr("4. Export"))
        for i, title in enumerate(titles):
            if i:
                bar.addWidget(QLabel("→"))
            button = QPushButton(title)
            button.setCheckable(True)
            button.setObjectName(f"step_{STEP_KEYS[i]}")
            self.step_buttons.addButton(button, i)
            bar.addWidget(button)
        bar.addStretch(1)
        self.step_buttons.button(0).setChecked(True)

        self.steps = QStackedWidget()
        self.steps.addWidget(self._data_page())
        self.steps.addWidget(self._match_page())
        self.steps.addWidget(self._style_page())
        self.steps.addWidget(self._export_page())
        self.step_buttons.idClicked.connect(self.steps.setCurrentIndex)

        self.preview = MapPreview()
        self.preview.setText(self.tr("Open the sample project or choose your files to see a map here."))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.steps, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 860])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage(self.tr("Ready"))

    # --- pages ------------------------------------------------------------------------

    def _data_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.sample_button = QPushButton(self.tr("Open sample project"))
        self.sample_button.setToolTip(self.tr("Mali: where humanitarian partners work (OCHA 3W, December 2023)"))
        self.sample_button.clicked.connect(self.open_sample_project)
        form.addRow(self.sample_button)
        self.table_label = QLabel(self.tr("No table chosen"))
        table_button = QPushButton(self.tr("Choose table…"))
        table_button.setToolTip(self.tr("A spreadsheet (Excel, CSV) with one row per activity or place"))
        table_button.clicked.connect(self._choose_table)
        form.addRow(table_button, self.table_label)
        self.boundaries_label = QLabel(self.tr("No boundaries chosen"))
        boundaries_button = QPushButton(self.tr("Choose boundaries…"))
        boundaries_button.setToolTip(self.tr("The outlines of the admin areas (regions, districts): GeoJSON, "
                                             "GeoPackage or shapefile"))
        boundaries_button.clicked.connect(self._choose_boundaries)
        form.addRow(boundaries_button, self.boundaries_label)
        return page

    def _match_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.key_label = QLabel("–")
        self.matched_label = QLabel("–")
        self.review_label = QLabel("–")
        self.unmatched_label = QLabel("–")
        form.addRow(self.tr("Matched on column:"), self.key_label)
        form.addRow(self.tr("Matched rows:"), self.matched_label)
        form.addRow(self.tr("Rows to review:"), self.review_label)
        form.addRow(self.tr("Unmatched rows:"), self.unmatched_label)
        return page

    def _style_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.title_edit = QLineEdit()
        self.subtitle_edit = QLineEdit()
        self.map_lang = QComboBox()
        self.map_lang.addItem(self.tr("English"), "en")
        self.map_lang.addItem(self.tr("French"), "fr")
        self.map_lang.setCurrentIndex(1 if self.lang == "fr" else 0)
        apply_button = QPushButton(self.tr("Update map"))
        apply_button.clicked.connect(self.apply_style)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Subtitle:"), self.subtitle_edit)
        form.addRow(self.tr("Map language:"), self.map_lang)
        form.addRow(apply_button)
        return page

    def _export_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.format_combo = QComboBox()
        for label, suffix in ((self.tr("PNG image"), ".png"), (self.tr("PDF document (vector)"), ".pdf"),
                              (self.tr("SVG drawing (vector)"), ".svg")):
            self.format_combo.addItem(label, suffix)
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(72, 600)
        self.dpi_spin.setValue(300)
        self.dpi_spin.setSuffix(" dpi")
        self.dpi_spin.setToolTip(self.tr("Dots per inch: 150 for screens, 300 for print"))
        self.export_button = QPushButton(self.tr("Export map…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._choose_export_path)
        self.export_label = QLabel("")
        self.export_label.setWordWrap(True)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Resolution:"), self.dpi_spin)
        form.addRow(self.export_button)
        form.addRow(self.export_label)
        return page

    # --- actions ----------------------------------------------------------------------

    def open_sample_project(self) -> None:
        self.set_project(sample_project(self.lang))

    def set_project(self, project: Project) -> None:
        self.project = project
        self.table_label.setText(Path(project.table).name)
        self.boundaries_label.setText(Path(project.boundaries).name)
        self.title_edit.setText(project.title or "")
        self.subtitle_edit.setText(project.subtitle or "")
        self.request_preview()

    def apply_style(self) -> None:
        if self.project is None:
            return
        lang = self.map_lang.currentData()
        if lang != self.project.lang and Path(self.project.table) == sample_project().table:
            base = sample_project(lang)  # the sample's texts exist in both languages
            self.title_edit.setText(base.title or "")
            self.subtitle_edit.setText(base.subtitle or "")
            self.project = base
        self.project = replace(self.project, lang=lang, title=self.title_edit.text() or None,
                               subtitle=self.subtitle_edit.text() or None)
        self.request_preview()

    def request_preview(self) -> None:
        """Render in a worker; only the newest request's result is shown."""
        if self.project is None:
            return
        self._generation += 1
        generation = self._generation
        project = self.project
        self.statusBar().showMessage(self.tr("Making the map…"))
        self.export_button.setEnabled(False)

        def work():
            result = build_map(project)
            return generation, result, figure_pixels(result.figure)

        job = Job(work)
        job.signals.finished.connect(self._preview_done)
        job.signals.failed.connect(self._job_failed)
        self.pool.start(job)

    def _preview_done(self, payload) -> None:
        generation, result, (pixels, width, height) = payload
        if generation != self._generation:
            return
        self.result = result
        self.preview.show_pixels(pixels, width, height)
        c = result.match.counts
        self.key_label.setText(result.match.key_column)
        self.matched_label.setText(str(c["matched"]))
        self.review_label.setText(str(c["review"]))
        self.unmatched_label.setText(str(c["unmatched"]))
        self.export_button.setEnabled(True)
        self.statusBar().showMessage(self.tr("Map ready"))
        self.preview_ready.emit()

    def export_to(self, path: str | Path) -> None:
        """Write the current map to `path` (format from the extension) in a worker."""
        if self.result is None:
            return
        from carto_desktop.export import save_map

        figure, dpi = self.result.figure, self.dpi_spin.value()
        self.statusBar().showMessage(self.tr("Exporting…"))
        job = Job(lambda: str(save_map(figure, path, dpi)))
        job.signals.finished.connect(self._export_done)
        job.signals.failed.connect(self._job_failed)
        self.pool.start(job)

    def _export_done(self, path: str) -> None:
        self.export_label.setText(self.tr("Saved: %1").replace("%1", path))
        self.statusBar().showMessage(self.tr("Map exported"))
        self.export_finished.emit(path)

    def _job_failed(self, exc: BaseException, details: str) -> None:
        self.statusBar().showMessage(self.tr("Something needs your attention"))
        self.export_button.setEnabled(self.result is not None)
        self.error_box = show_error(self, exc, details, self.lang)
        self.failed.emit(str(exc))

    # --- file choosers (dialogs stay on the UI thread; no data work here) -------------

    def _choose_table(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose table"), "",
                                              self.tr("Tables (*.xlsx *.xls *.ods *.csv *.txt)"))
        if path:
            self.table_label.setText(Path(path).name)
            self._pending_table = Path(path)
            self._maybe_start_user_project()

    def _choose_boundaries(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose boundaries"), "",
                                              self.tr("Boundaries (*.geojson *.json *.gpkg *.shp *.zip)"))
        if path:
            self.boundaries_label.setText(Path(path).name)
            self._pending_boundaries = Path(path)
            self._maybe_start_user_project()

    def _maybe_start_user_project(self) -> None:
        table = getattr(self, "_pending_table", None)
        boundaries = getattr(self, "_pending_boundaries", None)
        if table and boundaries:
            self.set_project(Project(table=table, boundaries=boundaries, lang=self.map_lang.currentData()))

    def _choose_export_path(self) -> None:
        suffix = self.format_combo.currentData()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export map"), f"map{suffix}", f"*{suffix}")
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_to(path)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.pool.waitForDone(10000)
        super().closeEvent(event)
