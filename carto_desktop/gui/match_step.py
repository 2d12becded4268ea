"""Step 2, Match: how many rows found their area, and the unsure ones for the user to decide.

Each review line says in a few words why Carto Desktop was not sure (the whole sentence and
the candidates below the table, both in the user's language, from the engine), offers the
candidates (best first) and a one-click button for the best one. The
area a person is looking at — the selected line's choice or best candidate, or the one under
the pointer in the chooser — is asked for with `highlight_requested`; the window has the
engine outline it on the map preview. "Places (villages, towns)" chooses `Project.gazetteer`:
the bundled GeoNames list, none, or the user's own CSV (read by the engine process, like the table).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from carto_desktop.number_format import format_number
from carto_desktop.choices import Project
from carto_desktop.edits import Choose, ChooseKeyColumn, DecideArea, ForgetDecisions
from carto_desktop.engine_messages import Area, MatchShown, ReviewLine
from carto_desktop.gui.widgets import AUTO, select_item

NO_CHOICE = ""
GEONAMES, NO_PLACES, OWN_LIST = "geonames", "none", "own"  # the places chooser (Project.gazetteer)
VALUE, ROWS, WHY, AREA, ACCEPT = range(5)  # review table columns


def _folded(text: str) -> str:
    """Lower case without accents: "segou" finds "Ségou"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


class _AreaChooser(QComboBox):
    """The area chooser of one review line; says when its list closes (to end a hover highlight)."""

    popup_closed = Signal()

    def hidePopup(self) -> None:  # noqa: N802 (Qt name)
        super().hidePopup()
        self.popup_closed.emit()


class MatchStep(QWidget):
    """The counts and a review table: one line per unsure or unknown place, with a chooser."""

    edited = Signal(object)  # an `edits.Edit`
    highlight_requested = Signal(str)  # an area id to outline on the preview; "" = none

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Each row of your table must be linked to one area of the map. Rows linked "
                               "automatically are counted as matched; check the unsure ones below."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.key_combo = QComboBox()
        self.key_combo.setToolTip(self.tr("The column that says where each row is: a P-code (official place code, "
                                          "like ML0701) or a place name"))
        self.key_combo.activated.connect(self._key_changed)
        key_label = QLabel(self.tr("Matched on column:"))
        key_label.setBuddy(self.key_combo)
        form.addRow(key_label, self.key_combo)
        self.key_label = QLabel("–")  # the column actually used (after automatic detection)
        form.addRow(self.tr("Column used:"), self.key_label)
        self.places_combo = QComboBox()
        self.places_combo.addItem(self.tr("GeoNames (built in)"), GEONAMES)
        self.places_combo.addItem(self.tr("None"), NO_PLACES)
        self.places_combo.addItem(self.tr("My list…"), OWN_LIST)
        self.places_combo.setToolTip(self.tr("Names that are not admin areas are looked up in a list of places, "
                                             "then put in the area that contains them"))
        self.places_combo.activated.connect(self._places_changed)
        places_label = QLabel(self.tr("Places (villages, towns):"))
        places_label.setBuddy(self.places_combo)
        form.addRow(places_label, self.places_combo)
        self.matched_label = QLabel("–")
        self.review_label = QLabel("–")
        self.unmatched_label = QLabel("–")
        self.decided_label = QLabel("0")
        form.addRow(self.tr("Matched rows:"), self.matched_label)
        form.addRow(self.tr("Rows to review:"), self.review_label)
        form.addRow(self.tr("Unmatched rows:"), self.unmatched_label)
        form.addRow(self.tr("Your decisions:"), self.decided_label)
        layout.addLayout(form)
        self.notes_label = QLabel("")  # what matching read differently from the table ("101" for "0101"), in words
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #8a4b00;")
        self.notes_label.hide()
        layout.addWidget(self.notes_label)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the names to review…"))
        self.search_edit.setToolTip(self.tr("Show only the lines whose name, or a suggested area, contains this text"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        layout.addWidget(self.search_edit)

        self.review_table = QTableWidget(0, 5)
        self.review_table.setHorizontalHeaderLabels(
            [self.tr("Your table"), self.tr("Rows"), self.tr("Why unsure"), self.tr("Area"), self.tr("Suggestion")])
        self.review_table.setToolTip(self.tr("Pick the right area for each place name Carto Desktop was not sure "
                                             "about; leave it empty to keep those rows off the map"))
        self.review_table.verticalHeader().setVisible(False)
        self.review_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.review_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.review_table.horizontalHeader()
        for column in (VALUE, ROWS, ACCEPT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)  # elided; the whole sentence is below
        header.setSectionResizeMode(AREA, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(AREA, 125)
        self.review_table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.review_table, 1)
        self.detail_label = QLabel()  # the selected line: why, in a sentence, and its suggestions
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_label)
        self.shown_label = QLabel("")  # "3 of 12 lines shown" while searching
        buttons = QHBoxLayout()
        buttons.addWidget(self.shown_label)
        self.clear_button = QPushButton(self.tr("Forget my decisions"))
        self.clear_button.setToolTip(self.tr("Go back to the automatic matching for every row"))
        self.clear_button.clicked.connect(self._forget)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout.addLayout(buttons)
        self._decisions: dict[str, str] = {}
        self._gazetteer: str | None = GEONAMES
        self._lines: tuple[ReviewLine, ...] = ()
        self.lang = "en"

    def show_columns(self, columns: list[str], key_column: str | None) -> None:
        self.key_combo.clear()
        self.key_combo.addItem(self.tr("Detect automatically"), AUTO)
        for column in columns:
            self.key_combo.addItem(column, column)
        select_item(self.key_combo, key_column or AUTO)

    def show_project(self, project: Project) -> None:
        self._decisions = dict(project.decisions)
        self.decided_label.setText(str(len(self._decisions)))
        self.clear_button.setEnabled(bool(self._decisions))
        select_item(self.key_combo, project.key_column or AUTO)
        self._gazetteer = project.gazetteer
        self._show_places()

    def _show_places(self) -> None:
        """The chooser on the project's list of places; a user's list is named by its file."""
        value = self._gazetteer
        own = bool(value) and str(value).strip().lower() not in (GEONAMES, NO_PLACES)
        self.places_combo.setItemText(2, self.tr("My list: %1").replace("%1", Path(str(value)).name)
                                      if own else self.tr("My list…"))
        self.places_combo.setItemData(2, str(value) if own else None, Qt.ItemDataRole.ToolTipRole)
        select_item(self.places_combo, OWN_LIST if own else GEONAMES if value and str(value).strip().lower() == GEONAMES
                else NO_PLACES)

    def _places_changed(self) -> None:
        choice = self.places_combo.currentData()
        if choice == OWN_LIST:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a list of places"), "",
                                                  self.tr("Lists of places: name, lat, lon (*.csv *.txt *.tsv)"))
            value: str | None = path or self._gazetteer  # cancelled: as it was
        else:
            value = GEONAMES if choice == GEONAMES else None
        self._show_places()  # the project's value until the edit comes back through show_project
        if value != self._gazetteer:
            self.edited.emit(Choose(gazetteer=value))

    def show_match(self, match: MatchShown | None, status_names: dict[str, str], lang: str | None = None) -> None:
        """Counts and review lines from the engine's preview (`engine_tasks.preview`)."""
        self.lang = lang or self.lang
        notes = "\n".join(note.text(self.lang) for note in match.notes) if match is not None else ""
        self.notes_label.setText(notes)
        self.notes_label.setVisible(bool(notes))
        if match is None:
            for label in (self.key_label, self.matched_label, self.review_label, self.unmatched_label):
                label.setText("–")
            self._lines = ()
            self.review_table.setRowCount(0)
            self._filter()
            self._show_detail()
            return
        counts = match.counts
        self.key_label.setText(match.key_column)
        self.matched_label.setText(format_number(counts.matched, self.lang))
        self.review_label.setText(format_number(counts.review, self.lang))
        self.unmatched_label.setText(format_number(counts.unmatched, self.lang))
        selected = self.selected_value()
        lines = self._lines = match.review
        table = self.review_table
        table.blockSignals(True)  # rebuilding is no new selection
        table.clearSelection()
        table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            status = status_names.get(line.status, line.status)
            why = line.why.text(self.lang) or status
            for column, text in ((VALUE, line.value or self.tr("(empty)")), (ROWS, format_number(line.rows, self.lang)),
                                 (WHY, line.why_short.text(self.lang) or status)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(why)
                table.setItem(i, column, item)
            table.setCellWidget(i, AREA, self._chooser(line, match.areas))
            table.setCellWidget(i, ACCEPT, self._accept_button(i, line))
        row = next((i for i, line in enumerate(lines) if line.value == selected), None)
        if row is not None:
            table.selectRow(row)
        table.blockSignals(False)
        self._filter()
        self._show_detail()

    def _chooser(self, line: ReviewLine, areas: tuple[Area, ...]) -> QComboBox:
        combo = _AreaChooser()
        combo.setToolTip(self.tr("★ = suggested by Carto Desktop, with how alike the names are (100 % = the same)"))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        # no decision: the rows stay off the map until the person picks an area (not a choice to leave them off)
        combo.addItem(self.tr("Choose…"), NO_CHOICE)
        suggested = set()
        for candidate in line.candidates:
            combo.addItem(f"★ {candidate.name} · {candidate.area_id} ({candidate.score:.0f} %)", candidate.area_id)
            suggested.add(candidate.area_id)
        if line.candidates and areas:
            combo.insertSeparator(combo.count())
        for area in areas:
            if area.area_id not in suggested:
                combo.addItem(f"{area.name} · {area.area_id}", area.area_id)
        combo.setProperty("key_value", line.value)
        combo.activated.connect(lambda _=None, c=combo: self._decide(c))
        combo.highlighted.connect(lambda index, c=combo: self._ask_highlight(c.itemData(index) or ""))
        combo.popup_closed.connect(self._selection_changed)
        return combo

    def _accept_button(self, row: int, line: ReviewLine) -> QPushButton:
        """One click puts the line's rows in its best suggestion."""
        if line.candidates:
            best = line.candidates[0]
            button = QPushButton(f"✓ {best.name}")
            button.setToolTip(self.tr("Put these rows in %1, the best suggestion")
                              .replace("%1", f"{best.name} · {best.area_id}"))
            button.clicked.connect(lambda _=False, v=line.value, a=best.area_id: self._apply(v, a))
        else:
            button = QPushButton(self.tr("None"))
            button.setEnabled(False)
            button.setToolTip(self.tr("No suggestion: pick an area in the list"))
        return button

    def _decide(self, combo: QComboBox) -> None:
        self._apply(combo.property("key_value"), combo.currentData())

    def _apply(self, value: str, area: str | None) -> None:
        self.edited.emit(DecideArea(value, area or None))

    def choose(self, row: int, area_id: str) -> None:
        """Pick `area_id` for review line `row`, as a user would (used by tests and the guide)."""
        combo = self.review_table.cellWidget(row, AREA)
        combo.setCurrentIndex(combo.findData(area_id))
        self._decide(combo)

    def accept(self, row: int) -> None:
        """Click review line `row`'s "Accept" (its best suggestion), as a user would."""
        self.review_table.cellWidget(row, ACCEPT).click()

    def selected_value(self) -> str | None:
        rows = self.review_table.selectionModel().selectedRows() if self.review_table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._lines):
            return None
        return self._lines[rows[0].row()].value

    def _selection_changed(self) -> None:
        """Outline the selected line's chosen area, else its best suggestion."""
        rows = self.review_table.selectionModel().selectedRows()
        area = ""
        if rows:
            row = rows[0].row()
            combo = self.review_table.cellWidget(row, AREA)
            line = self._lines[row] if row < len(self._lines) else None
            if combo is not None and combo.currentData():
                area = combo.currentData()
            elif line and line.candidates:
                area = line.candidates[0].area_id
        self._ask_highlight(area)
        self._show_detail()

    def _show_detail(self) -> None:
        """The selected line's reason in a whole sentence, and its suggestions with their scores."""
        value = self.selected_value()
        line = next((line for line in self._lines if line.value == value), None) if value is not None else None
        if line is None:
            self.detail_label.setText(self.tr("Select a line to read why it is unsure and see its best suggestion "
                                              "outlined on the map.") if self._lines else "")
            return
        text = self.tr("“%1” (rows: %2) — %3").replace("%1", line.value or self.tr("(empty)")) \
            .replace("%2", format_number(line.rows, self.lang)).replace("%3", line.why.text(self.lang))
        if line.candidates:
            names = ", ".join(f"{c.name} ({c.score:.0f} %)" for c in line.candidates)
            text += " " + self.tr("Suggestions: %1.").replace("%1", names)
        self.detail_label.setText(text)

    def _ask_highlight(self, area_id: str) -> None:
        self.highlight_requested.emit(area_id)  # the window skips repeats and debounces

    def _filter(self) -> None:
        """Show only the lines whose name or suggestions contain the search text (case and accents aside)."""
        wanted = _folded(self.search_edit.text().strip())
        shown = 0
        for i, line in enumerate(self._lines):
            texts = [line.value] + [f"{c.name} {c.area_id}" for c in line.candidates]
            visible = not wanted or any(wanted in _folded(t) for t in texts)
            self.review_table.setRowHidden(i, not visible)
            shown += visible
        self.shown_label.setText(self.tr("%1 of %2 lines shown").replace("%1", str(shown))
                                 .replace("%2", str(len(self._lines))) if wanted else "")

    def visible_values(self) -> list[str]:
        """The review lines the search leaves visible (for tests and the guide)."""
        return [line.value for i, line in enumerate(self._lines) if not self.review_table.isRowHidden(i)]

    def _forget(self) -> None:
        self._ask_highlight("")  # the outlined area belonged to a decision now gone
        self.edited.emit(ForgetDecisions())

    def _key_changed(self) -> None:
        value = self.key_combo.currentData()
        self._ask_highlight("")  # other review lines are coming
        self.edited.emit(ChooseKeyColumn(None if value == AUTO else value))
