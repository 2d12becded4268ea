"""Step 2, Match: how many rows found their area, and the unsure ones for the user to decide."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from carto_desktop.gui.data_step import AUTO, _select

NO_CHOICE = ""


class MatchStep(QWidget):
    """The counts and a review table: one line per unsure or unknown place, with a chooser."""

    edited = Signal(dict)

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
        self.matched_label = QLabel("–")
        self.review_label = QLabel("–")
        self.unmatched_label = QLabel("–")
        self.decided_label = QLabel("0")
        form.addRow(self.tr("Matched rows:"), self.matched_label)
        form.addRow(self.tr("Rows to review:"), self.review_label)
        form.addRow(self.tr("Unmatched rows:"), self.unmatched_label)
        form.addRow(self.tr("Your decisions:"), self.decided_label)
        layout.addLayout(form)

        self.review_table = QTableWidget(0, 4)
        self.review_table.setHorizontalHeaderLabels(
            [self.tr("In your table"), self.tr("Rows"), self.tr("Status"), self.tr("Area on the map")])
        self.review_table.setToolTip(self.tr("Pick the right area for each place name Carto Desktop was not sure "
                                             "about; leave it empty to keep those rows off the map"))
        self.review_table.verticalHeader().setVisible(False)
        self.review_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.review_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.review_table, 1)
        buttons = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("Forget my decisions"))
        self.clear_button.setToolTip(self.tr("Go back to the automatic matching for every row"))
        self.clear_button.clicked.connect(lambda: self.edited.emit({"decisions": {}}))
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout.addLayout(buttons)
        self._decisions: dict[str, str] = {}

    def show_columns(self, columns: list[str], key_column: str | None) -> None:
        self.key_combo.clear()
        self.key_combo.addItem(self.tr("Detect automatically"), AUTO)
        for column in columns:
            self.key_combo.addItem(column, column)
        _select(self.key_combo, key_column or AUTO)

    def show_project(self, project: dict[str, Any]) -> None:
        self._decisions = dict(project.get("decisions") or {})
        self.decided_label.setText(str(len(self._decisions)))
        self.clear_button.setEnabled(bool(self._decisions))
        _select(self.key_combo, project.get("key_column") or AUTO)

    def show_match(self, match: dict[str, Any] | None, status_names: dict[str, str]) -> None:
        """Counts and review lines from the engine's preview (`engine_tasks.preview`)."""
        if match is None:
            for label in (self.key_label, self.matched_label, self.review_label, self.unmatched_label):
                label.setText("–")
            self.review_table.setRowCount(0)
            return
        counts = match["counts"]
        self.key_label.setText(match["key_column"])
        self.matched_label.setText(str(counts["matched"]))
        self.review_label.setText(str(counts["review"]))
        self.unmatched_label.setText(str(counts["unmatched"]))
        lines = match["review"]
        self.review_table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            value = QTableWidgetItem(line["value"] or self.tr("(empty)"))
            value.setFlags(value.flags() & ~Qt.ItemFlag.ItemIsEditable)
            rows = QTableWidgetItem(str(line["rows"]))
            rows.setFlags(rows.flags() & ~Qt.ItemFlag.ItemIsEditable)
            status = QTableWidgetItem(status_names.get(line["status"], line["status"]))
            status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.review_table.setItem(i, 0, value)
            self.review_table.setItem(i, 1, rows)
            self.review_table.setItem(i, 2, status)
            self.review_table.setCellWidget(i, 3, self._chooser(line, match["areas"]))

    def _chooser(self, line: dict[str, Any], areas: list[list[str]]) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(self.tr("★ = suggested by Carto Desktop, with how alike the names are (100 % = the same)"))
        combo.addItem(self.tr("Leave off the map"), NO_CHOICE)
        suggested = set()
        for area_id, name, score in line["candidates"]:
            combo.addItem(f"★ {name} · {area_id} ({score:.0f} %)", area_id)
            suggested.add(area_id)
        if line["candidates"] and areas:
            combo.insertSeparator(combo.count())
        for area_id, name in areas:
            if area_id not in suggested:
                combo.addItem(f"{name} · {area_id}", area_id)
        combo.setProperty("key_value", line["value"])
        combo.activated.connect(lambda _=None, c=combo: self._decide(c))
        return combo

    def _decide(self, combo: QComboBox) -> None:
        value, area = combo.property("key_value"), combo.currentData()
        decisions = dict(self._decisions)
        if area:
            decisions[value] = area
        else:
            decisions.pop(value, None)
        self.edited.emit({"decisions": decisions})

    def choose(self, row: int, area_id: str) -> None:
        """Pick `area_id` for review line `row`, as a user would (used by tests and the guide)."""
        combo = self.review_table.cellWidget(row, 3)
        combo.setCurrentIndex(combo.findData(area_id))
        self._decide(combo)

    def _key_changed(self) -> None:
        value = self.key_combo.currentData()
        self.edited.emit({"key_column": None if value == AUTO else value, "decisions": {}})
