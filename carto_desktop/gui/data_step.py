"""Step 1, Data: which table and which boundaries, what the table looks like, which columns matter."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QGroupBox, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

TABLE_FILTER_EXTS = "*.xlsx *.xlsm *.xls *.ods *.csv *.txt"
BOUNDARY_FILTER_EXTS = "*.geojson *.json *.gpkg *.shp *.zip"
AUTO = "\u0000auto"  # combo data for "detect automatically"


class RowsModel(QAbstractTableModel):
    """The first rows of the table, as text, with the row numbers the user sees in the file."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.columns: list[str] = []
        self.rows: list[list[str]] = []
        self.row_numbers: list[int] = []

    def set_rows(self, columns: list[str], rows: list[list[str]], row_numbers: list[int]) -> None:
        self.beginResetModel()
        self.columns, self.rows, self.row_numbers = columns, rows, row_numbers
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt name)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section] if section < len(self.columns) else None
        return str(self.row_numbers[section]) if section < len(self.row_numbers) else str(section + 1)


class DataStep(QWidget):
    """Emits `edited` with the project fields the user changed; `files_chosen` for new inputs."""

    edited = Signal(dict)
    table_chosen = Signal(str)
    boundaries_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)

        files = QGroupBox(self.tr("Your files"))
        form = QFormLayout(files)
        self.table_button = QPushButton(self.tr("Choose table…"))
        self.table_button.setToolTip(self.tr("A spreadsheet (Excel, CSV) with one row per activity or place"))
        self.table_button.clicked.connect(self._choose_table)
        self.table_label = QLabel(self.tr("No table chosen"))
        self.table_label.setWordWrap(True)
        form.addRow(self.table_button, self.table_label)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setToolTip(self.tr("A workbook can hold several sheets (tabs); pick the one with your data"))
        self.sheet_combo.activated.connect(self._sheet_changed)
        self.sheet_label = QLabel(self.tr("Sheet:"))
        self.sheet_label.setBuddy(self.sheet_combo)
        form.addRow(self.sheet_label, self.sheet_combo)
        self.boundaries_button = QPushButton(self.tr("Choose boundaries…"))
        self.boundaries_button.setToolTip(self.tr("The outlines of the admin areas (regions, districts): GeoJSON, "
                                                  "GeoPackage or shapefile"))
        self.boundaries_button.clicked.connect(self._choose_boundaries)
        self.boundaries_label = QLabel(self.tr("No boundaries chosen"))
        self.boundaries_label.setWordWrap(True)
        form.addRow(self.boundaries_button, self.boundaries_label)
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(self.tr("A GeoPackage can hold several layers (for example regions and "
                                            "districts); pick the areas your table talks about"))
        self.layer_combo.activated.connect(self._layer_changed)
        self.layer_label = QLabel(self.tr("Layer:"))
        self.layer_label.setBuddy(self.layer_combo)
        form.addRow(self.layer_label, self.layer_combo)
        layout.addWidget(files)

        roles = QGroupBox(self.tr("What the columns mean"))
        roles_form = QFormLayout(roles)
        self.key_combo = QComboBox()
        self.key_combo.setToolTip(self.tr("The column that says where each row is: a P-code (official place code, "
                                          "like ML0701) or a place name"))
        self.key_combo.activated.connect(lambda: self._combo_edit("key_column", self.key_combo))
        key_label = QLabel(self.tr("Place column:"))
        key_label.setBuddy(self.key_combo)
        roles_form.addRow(key_label, self.key_combo)
        self.roles_label = QLabel("")
        self.roles_label.setWordWrap(True)
        self.roles_label.setToolTip(self.tr("What Carto Desktop understood each column to be; choose the place "
                                            "column above and the value column in step 3 if it guessed wrong"))
        roles_form.addRow(self.roles_label)
        self.warnings_label = QLabel("")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #8a4b00;")
        self.warnings_label.setVisible(False)
        roles_form.addRow(self.warnings_label)
        layout.addWidget(roles)

        self.summary_label = QLabel("")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.rows_view = QTableView()
        self.rows_model = RowsModel(self)
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setToolTip(self.tr("The first rows of your table, as Carto Desktop reads them"))
        self.rows_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.rows_view.setWordWrap(False)  # one line per row: cheaper to lay out, easier to scan
        self.rows_view.verticalHeader().setDefaultSectionSize(22)
        self.rows_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.rows_view.horizontalHeader().setDefaultSectionSize(130)
        layout.addWidget(self.rows_view, 1)
        self._set_row_visible(self.sheet_label, self.sheet_combo, False)
        self._set_row_visible(self.layer_label, self.layer_combo, False)

    # --- showing --------------------------------------------------------------------------

    @staticmethod
    def _set_row_visible(label: QWidget, field: QWidget, visible: bool) -> None:
        label.setVisible(visible)
        field.setVisible(visible)

    def show_project(self, project: dict[str, Any]) -> None:
        self.table_label.setText(Path(project["table"]).name)
        self.table_label.setToolTip(str(project["table"]))
        self.boundaries_label.setText(Path(project["boundaries"]).name)
        self.boundaries_label.setToolTip(str(project["boundaries"]))
        _select(self.key_combo, project.get("key_column") or AUTO)
        if project.get("sheet") and self.sheet_combo.count():
            _select(self.sheet_combo, project["sheet"])

    def show_table(self, info: dict[str, Any], project: dict[str, Any], lang: str) -> None:
        """Fill the sheet chooser, the column choosers and the table preview from `inspect_table`."""
        self.sheet_combo.clear()
        for sheet in info["sheets"]:
            self.sheet_combo.addItem(sheet, sheet)
        self._set_row_visible(self.sheet_label, self.sheet_combo, len(info["sheets"]) > 1)
        _select(self.sheet_combo, project.get("sheet") or info.get("sheet"))
        self.key_combo.clear()
        self.key_combo.addItem(self.tr("Detect automatically"), AUTO)
        for column in info["columns"]:
            self.key_combo.addItem(column, column)
        _select(self.key_combo, project.get("key_column") or AUTO)
        self.rows_model.set_rows(info["columns"], info["rows"], info["row_numbers"])
        if info.get("error"):
            self.summary_label.setText(self.tr("This sheet cannot be used: %1").replace("%1", info["error"][lang]))
            self.roles_label.setText("")
            self.warnings_label.setVisible(False)
            return
        self.summary_label.setText(self.tr("Rows read: %1. The first ones are shown below.")
                                   .replace("%1", f"{info['n_rows']:,}".replace(",", "\u202f")))
        names = self.role_names()
        notes = []
        for column, (role, level) in info.get("roles", {}).items():
            if role in ("text", "empty", "form metadata"):
                continue
            text = names.get(role, role)
            if level is not None and role in ("admin name", "P-code"):
                text = self.tr("%1, admin level %2").replace("%1", text).replace("%2", str(level))
            notes.append(f"{column} → {text}")
        self.roles_label.setText(self.tr("Detected: %1").replace("%1", "; ".join(notes)) if notes else "")
        warnings = info.get("warnings", {}).get(lang, [])
        self.warnings_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings_label.setVisible(bool(warnings))

    def role_names(self) -> dict[str, str]:
        """The engine's column roles (intake/roles.py) in the user's words."""
        return {"admin name": self.tr("place name"), "P-code": self.tr("P-code (official place code)"),
                "latitude": self.tr("latitude (GPS)"), "longitude": self.tr("longitude (GPS)"),
                "geopoint": self.tr("GPS point"), "number": self.tr("number"), "date": self.tr("date"),
                "identifier": self.tr("identifier"), "multiple choice": self.tr("multiple choice")}

    def show_table_error(self, text: str) -> None:
        self.rows_model.set_rows([], [], [])
        self.summary_label.setText(self.tr("This table cannot be read: %1").replace("%1", text))

    def show_layers(self, layers: list[str], chosen: str | None) -> None:
        self.layer_combo.clear()
        for name in layers:
            self.layer_combo.addItem(name, name)
        _select(self.layer_combo, chosen)
        self._set_row_visible(self.layer_label, self.layer_combo, len(layers) > 1)

    # --- editing --------------------------------------------------------------------------

    def _combo_edit(self, key: str, combo: QComboBox) -> None:
        value = combo.currentData()
        self.edited.emit({key: None if value == AUTO else value})

    def _sheet_changed(self) -> None:
        self.edited.emit({"sheet": self.sheet_combo.currentData(), "key_column": None, "value_column": None,
                          "agg": "count", "decisions": {}})

    def _layer_changed(self) -> None:
        self.edited.emit({"layer": self.layer_combo.currentData()})

    def _choose_table(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose table"), "",
                                              self.tr("Tables (%1)").replace("%1", TABLE_FILTER_EXTS))
        if path:
            self.table_chosen.emit(path)

    def _choose_boundaries(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose boundaries"), "",
                                              self.tr("Boundaries (%1)").replace("%1", BOUNDARY_FILTER_EXTS))
        if path:
            self.boundaries_chosen.emit(path)


def _select(combo: QComboBox, data: Any) -> None:
    """Select the item holding `data` without emitting `activated` (only user choices do)."""
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
