"""Step 4, Export: formats (PNG, PDF, SVG, interactive HTML), page size, resolution, where to save; progress with Cancel; and the
"before you share" check (privacy/check.py, made in the engine process with each preview;
after an export it also says what the written files were found to contain).
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from carto_desktop.choices import Project
from carto_desktop.edits import Choose
from carto_desktop.engine_messages import CheckFailed, CheckShown, InBoth, RowsOnMap
from carto_desktop.gui.widgets import FittingComboBox, select_item

SHOW_PROGRESS_AFTER_MS = 500
WARNING_BACKGROUND = "#fff3cd"  # a pale amber box: read before sharing
WARNING_TEXT = "#7a4a00"
OK_TEXT = "#1b6e20"


class ExportStep(QWidget):
    """`export_requested(paths, dpi)` when the user presses Export; `cancel_requested` for Cancel."""

    export_requested = Signal(list, int)
    data_export_requested = Signal(str)  # "Export the map's data": the file chosen (.csv, .gpkg, .geojson)
    cancel_requested = Signal()
    edited = Signal(object)  # an `edits.Edit`

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        formats = QGridLayout()  # two by two: the four formats fit the steps' column in French too
        self.format_checks: dict[str, QCheckBox] = {}
        for suffix, label, tip in ((".png", self.tr("PNG image"), self.tr("A picture for reports, e-mail and "
                                                                           "WhatsApp")),
                                   (".pdf", self.tr("PDF document"), self.tr("Best for printing: sharp at any size")),
                                   (".svg", self.tr("SVG drawing"), self.tr("For graphic designers: every line can "
                                                                            "be edited")),
                                   (".html", self.tr("Interactive map (HTML)"),
                                    self.tr("One file that opens in any web browser, even without internet: zoom, "
                                            "search an area, see each area's figures on hover"))):
            box = QCheckBox(label)
            box.setToolTip(tip)
            box.setChecked(suffix in (".png", ".pdf"))
            self.format_checks[suffix] = box
            place = len(self.format_checks) - 1
            formats.addWidget(box, place // 2, place % 2)
        form.addRow(self.tr("Formats:"), formats)
        self.page_combo = FittingComboBox()
        # the values are the engine's page presets (carto/templates.py PAGE_PRESETS)
        for label, value in ((self.tr("As the template says"), ""), (self.tr("A4 landscape"), "A4 landscape"),
                             (self.tr("A4 portrait"), "A4 portrait"), (self.tr("A3 landscape"), "A3 landscape"),
                             (self.tr("A3 portrait"), "A3 portrait"), (self.tr("Letter landscape"), "Letter landscape"),
                             (self.tr("Letter portrait"), "Letter portrait"),
                             (self.tr("Square picture, 1080 × 1080 pixels"), "square_1080"),
                             (self.tr("Wide picture, 1200 × 675 pixels"), "landscape_1200x675"),
                             (self.tr("Phone story, 1080 × 1920 pixels"), "story_1080x1920")):
            self.page_combo.addItem(label, value)
        self.page_combo.setToolTip(self.tr("The paper size the map is laid out for"))
        self.page_combo.activated.connect(lambda: self.edited.emit(Choose(page=self.page_combo.currentData() or None)))
        self.page_label = QLabel(self.tr("Page size:"))
        self.page_label.setBuddy(self.page_combo)
        form.addRow(self.page_label, self.page_combo)
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(72, 600)
        self.dpi_spin.setValue(300)
        self.dpi_spin.setSuffix(" dpi")
        self.dpi_spin.setToolTip(self.tr("Dots per inch: 150 for screens, 300 for print"))
        dpi_label = QLabel(self.tr("Resolution:"))
        dpi_label.setBuddy(self.dpi_spin)
        form.addRow(dpi_label, self.dpi_spin)
        self.atlas_check = QCheckBox(self.tr("One map per region (atlas)"))
        self.atlas_check.setToolTip(self.tr("The same map once for each region, with the same colours: one PDF "
                                            "page per region, or one image per region"))
        form.addRow("", self.atlas_check)
        where = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setToolTip(self.tr("The folder and file name; the extension is added for each format"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        where.addWidget(self.file_edit, 1)
        where.addWidget(browse)
        file_label = QLabel(self.tr("Save as:"))
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, where)
        layout.addLayout(form)

        self.rows_label = QLabel("")  # "M of N rows are on the map" and why the others are not (rows_account.py)
        self.rows_label.setWordWrap(True)
        self.rows_label.setTextFormat(Qt.TextFormat.RichText)
        self.rows_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows_label.setVisible(False)
        layout.addWidget(self.rows_label)
        self.notices_label = QLabel("")  # what the engine says the person must know about this map (`Preview.notices`)
        self.notices_label.setWordWrap(True)
        self.notices_label.setTextFormat(Qt.TextFormat.RichText)
        self.notices_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notices_label.setStyleSheet(f"background-color: {WARNING_BACKGROUND}; color: {WARNING_TEXT}; padding: 4px")
        self.notices_label.setVisible(False)
        layout.addWidget(self.notices_label)

        self.export_button = QPushButton(self.tr("Export map"))
        self.export_button.setEnabled(False)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._export)
        layout.addWidget(self.export_button)
        progress = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: drawing a page gives no finer progress
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        layout.addLayout(progress)
        self.export_label = QLabel("")
        self.export_label.setWordWrap(True)
        layout.addWidget(self.export_label)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.setToolTip(self.tr("Show the exported files in your file manager"))
        self.open_folder_button.setVisible(False)
        layout.addWidget(self.open_folder_button)

        data_row = QHBoxLayout()
        self.data_button = QPushButton(self.tr("Export the map's data…"))
        self.data_button.setToolTip(self.tr("A table with one row per area: its figure, the rows behind it, what the "
                                            "map shows, its class and colour; for Excel (CSV) or QGIS (GeoPackage, "
                                            "GeoJSON)"))
        self.data_button.setEnabled(False)
        self.data_button.clicked.connect(self._choose_data_file)
        data_row.addWidget(self.data_button)
        data_row.addStretch(1)
        layout.addLayout(data_row)
        self.data_label = QLabel("")
        self.data_label.setWordWrap(True)
        self.data_label.setVisible(False)
        layout.addWidget(self.data_label)

        self.check_group = QGroupBox(self.tr("Before you share"))
        self.check_group.setToolTip(self.tr("What this map could reveal about the people in your table"))
        check_layout = QVBoxLayout(self.check_group)
        self.check_label = QLabel(self.tr("The check appears here once the map is made."))
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        check_layout.addWidget(self.check_label)
        self.summary_check = QCheckBox(self.tr("Save this check beside the map"))
        self.summary_check.setToolTip(self.tr("A one-page text file to keep with the map, its name ending in "
                                              ".check.md: it names the columns and counts checked, never their "
                                              "values"))
        self.summary_check.setChecked(True)
        check_layout.addWidget(self.summary_check)
        layout.addWidget(self.check_group)
        layout.addStretch(1)
        self.check: CheckShown | CheckFailed | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(SHOW_PROGRESS_AFTER_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self.set_progress_visible(False)

    def show_project(self, project: Project, default_path: Path) -> None:
        select_item(self.page_combo, project.page or "")
        if not self.file_edit.text():
            self.file_edit.setText(str(default_path))

    def start_afresh(self, default_path: Path) -> None:
        """Another project: its own file name, and nothing said of the previous project's exports."""
        self.file_edit.setText(str(default_path))
        self.export_label.setText("")
        self.open_folder_button.setVisible(False)
        self.data_label.setText("")
        self.data_label.setVisible(False)

    def paths(self) -> list[str]:
        base = Path(self.file_edit.text().strip() or "map")
        if base.suffix.lower() in self.format_checks:
            base = base.with_suffix("")
        return [str(base) + suffix for suffix, box in self.format_checks.items() if box.isChecked()]

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export map"), self.file_edit.text())
        if path:
            self.file_edit.setText(path)

    def _export(self) -> None:
        paths = self.paths()
        if paths:
            self.export_requested.emit(paths, self.dpi_spin.value())

    def _choose_data_file(self) -> None:
        filters = {self.tr("CSV table (*.csv)"): ".csv", self.tr("GeoPackage (*.gpkg)"): ".gpkg",
                   self.tr("GeoJSON (*.geojson)"): ".geojson"}
        start = str(Path(self.file_edit.text().strip() or "map").with_suffix("")) + "-data.csv"
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the map's data"), start, ";;".join(filters))
        if path:
            if Path(path).suffix.lower() not in filters.values():
                path += filters.get(chosen, ".csv")
            self.data_export_requested.emit(path)

    def data_started(self) -> None:
        self.data_button.setEnabled(False)
        self.data_label.setVisible(True)
        self.data_label.setStyleSheet("")
        self.data_label.setText(self.tr("Writing the map's data…"))

    def data_done(self, message: str, notice: str = "") -> None:
        """`message`: what was written (or not); `notice`: the engine's word when the file withholds figures the
        map hides (amber)."""
        self.data_button.setEnabled(True)
        self.data_label.setVisible(True)
        self.data_label.setText(f"{message}\n{notice}".strip())
        self.data_label.setStyleSheet(f"background-color: {WARNING_BACKGROUND}; color: {WARNING_TEXT}; padding: 4px"
                                      if notice else "")

    # --- progress -------------------------------------------------------------------------

    def started(self) -> None:
        self.export_button.setEnabled(False)
        self.open_folder_button.setVisible(False)
        self.export_label.setText(self.tr("Exporting…"))
        self._progress_timer.start()

    def _show_progress(self) -> None:
        self.set_progress_visible(True)

    def set_progress_visible(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)

    def done(self, message: str, ok: bool) -> None:
        self._progress_timer.stop()
        self.set_progress_visible(False)
        self.export_button.setEnabled(True)
        self.export_label.setText(message)
        self.open_folder_button.setVisible(ok)

    # --- the rows on the map ------------------------------------------------------------------

    def show_rows(self, rows: RowsOnMap | None, lang: str) -> None:
        """The engine's account of the rows (`rows_account.py`): the headline, then why each other row is not on
        the map, in the words `render` prints; in an amber box when some row is missing."""
        lines = rows.lines(lang) if rows else ()
        self.rows_label.setVisible(bool(lines))
        if not lines:
            self.rows_label.setText("")
            return
        text = f"<b>{html.escape(lines[0])}</b>" + "".join(f"<br>\u2022 {html.escape(line.strip())}"
                                                         for line in lines[1:])
        self.rows_label.setStyleSheet("" if rows.complete else  # amber (a label's own background: it wraps)
                                      f"background-color: {WARNING_BACKGROUND}; color: {WARNING_TEXT}; padding: 4px")
        self.rows_label.setText(text)

    def show_notices(self, notices: tuple[InBoth, ...], lang: str) -> None:
        """The engine's notices about this map (letters the fonts lack, a basemap covering part of the frame,
        points counted per area…), one per line, in the person's language, in an amber box."""
        said = [n.text(lang) for n in notices if n.text(lang)]
        heading = html.escape(self.tr("About this map:"))
        self.notices_label.setVisible(bool(said))
        self.notices_label.setText(f"<b>{heading}</b>" + "".join(f"<br>\u26a0 {html.escape(line)}" for line in said)
                                   if said else "")

    def notices_text(self) -> str:
        """The notices as a person reads them (plain text)."""
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(self.notices_label.text()).toPlainText()

    def rows_text(self) -> str:
        """The rows' account as a person reads it (plain text)."""
        from PySide6.QtGui import QTextDocumentFragment

        text = QTextDocumentFragment.fromHtml(self.rows_label.text()).toPlainText()
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())

    # --- the "before you share" check -------------------------------------------------------

    def show_check(self, check: CheckShown | CheckFailed | None, exported: bool = False) -> None:
        """Show the engine's check (`CheckShown`); `exported`: it also looked into the written files."""
        self.check = check
        if not check:
            self.check_label.setText(self.tr("The check appears here once the map is made."))
            return
        if isinstance(check, CheckFailed):
            self.check_label.setText(html.escape(self.tr("The check could not be made: %1")
                                                 .replace("%1", check.report.summary)))
            return
        self.check_label.setText(check_html(check))
        if exported:
            found = self.tr("Personal values or folder paths were found in the exported files: see \u201c%1\u201d "
                            "below.").replace("%1", self.check_group.title()) if check.leaks else \
                self.tr("No personal value and no folder path was found in the exported files.")
            self.export_label.setText(f"{self.export_label.text()}\n{found}".strip())

    def warnings(self) -> list[str]:
        """The check's warnings now shown (empty when there is nothing to fix)."""
        return list(self.check.warnings) if isinstance(self.check, CheckShown) else []


def check_html(check: CheckShown) -> str:
    """The check's sections as rich text: the verdict first (warnings in an amber box), then the facts and the
    personal columns as lists, column names set apart."""
    parts = []
    verdict_first = sorted(check.sections, key=lambda s: not any(i.kind in ("warning", "ok") for i in s.items))
    for section in verdict_first:
        parts.append(f"<p style='margin-top:6px; margin-bottom:2px'><b>{html.escape(section.heading)}</b></p>")
        for item in section.items:
            text = html.escape(item.text)
            if item.columns:
                text += "\u00a0: " if check.lang == "fr" else ": "  # French: a no-break space before ":"
                text += ", ".join(f"<i>{html.escape(c)}</i>" for c in item.columns)
            if item.kind == "warning":
                parts.append(f"<table width='100%' cellpadding='4' style='background-color:{WARNING_BACKGROUND}; "
                             f"margin-top:2px'><tr><td style='color:{WARNING_TEXT}'>\u26a0 {text}</td></tr></table>")
            elif item.kind == "ok":
                parts.append(f"<p style='margin:2px 0; color:{OK_TEXT}'>\u2713 {text}</p>")
            else:
                parts.append(f"<p style='margin:2px 0 2px 10px'>\u2022 {text}</p>")
    return "".join(parts)
