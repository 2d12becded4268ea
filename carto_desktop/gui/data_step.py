"""Step 1, Data: which table and which boundaries, what the table looks like, which columns matter.

What each column holds (the engine's `detect_roles`) is shown and can be changed per column
(`Project.roles`); the columns that look personal (`detect_sensitive`, run in the engine
process with the table's inspection) are listed with the plain reason and a box the user
can untick (`Project.personal_columns`, and the resulting `Project.excluded_columns`).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHeaderView, QLabel, QPushButton,
    QStyledItemDelegate, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from carto_desktop.builtin_boundaries.catalogue import boundaries_text, builtin_choices, is_builtin
from carto_desktop.choices import IGNORE, PLACE_ROLES, ROLE_CHOICES, Project, role_spec
from carto_desktop.edits import ChooseBoundaries, ChooseKeyColumn, ChooseLayer, ChooseRole, ChooseSheet, Edit, MarkPersonal, kept_out
from carto_desktop.engine_messages import BuiltinFit, InBoth, PersonalColumn, TableInspected
from carto_desktop.gui.widgets import AUTO, select_item

TABLE_FILTER_EXTS = "*.xlsx *.xlsm *.xls *.ods *.csv *.txt"
BOUNDARY_FILTER_EXTS = "*.geojson *.json *.gpkg *.shp *.zip"
ROLE_TABLE_HEIGHT = 210
PERSONAL_TABLE_HEIGHT = 260


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


class RolesModel(QAbstractTableModel):
    """One row per column of the table: its name, and what it holds in the user's words.

    A model rather than a chooser widget per row: a wide Kobo export has hundreds of
    columns, and the page is refilled after each change of role.
    """

    def __init__(self, step: "DataStep", headers: list[str]) -> None:
        super().__init__(step)
        self.step = step
        self.columns: list[str] = []
        self.headers = headers

    def set_columns(self, columns: list[str]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def refresh(self) -> None:
        """The roles shown changed (the user's choice, undo, a new detection)."""
        if self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.columns) - 1, 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.columns)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else 2

    def flags(self, index):
        if index.column() == 1:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        step, column = self.step, self.columns[index.row()]
        if role == Qt.ItemDataRole.FontRole:  # the roles the user chose, in bold in both columns
            if column not in step.chosen_roles():
                return None
            font = QFont(step.font())
            font.setBold(True)
            return font
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return column
            if role == Qt.ItemDataRole.ToolTipRole:
                return step.detected_tip(column)
            return None
        spec = step.role_of(column) or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{step.role_label(spec)}  ▾"
        if role == Qt.ItemDataRole.ToolTipRole:
            return step.role_tip(spec)
        if role == Qt.ItemDataRole.UserRole:
            return spec
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt name)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class RoleDelegate(QStyledItemDelegate):
    """The chooser of a column's role, opened on click; the choice is one edit of the project."""

    def __init__(self, step: "DataStep") -> None:
        super().__init__(step)
        self.step = step

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt name)
        combo = QComboBox(parent)
        combo.setModel(self.step.role_choices(index.data(Qt.ItemDataRole.UserRole)))
        column = self.step.roles_model.columns[index.row()]
        combo.activated.connect(lambda _i, box=combo, c=column: self._chosen(box, c))
        QTimer.singleShot(0, combo.showPopup)  # one click shows the choices
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802 (Qt name)
        select_item(editor, index.data(Qt.ItemDataRole.UserRole))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 (Qt name)
        pass  # the project changes through DataStep.edited only (one undo step)

    def _chosen(self, combo: QComboBox, column: str) -> None:
        spec = combo.currentData()
        self.closeEditor.emit(combo)
        self.step.choose_role(column, spec)


class DataStep(QWidget):
    """Shows the project's inputs and columns; emits `edited` with an edit (`edits.py`) for each user choice."""

    edited = Signal(object)  # an `edits.Edit`
    table_chosen = Signal(str)
    boundaries_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._columns: list[str] = []
        self._detected: dict[str, str] = {}  # column -> detected role spec (without the user's choices)
        self._findings: tuple[PersonalColumn, ...] = ()  # detected personal columns
        self._chosen_reason = InBoth()
        self._lang = "en"
        self._updating = False  # set while the page shows the project: no edits come from that
        self._personal_rows: list[str] = []
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
        self.boundaries_label = QLabel(self.tr("No boundaries chosen"))
        self.boundaries_label.setWordWrap(True)
        boundaries_title = QLabel(self.tr("Boundaries:"))
        form.addRow(boundaries_title, self.boundaries_label)
        self.builtin_combo = QComboBox()
        self.builtin_combo.setToolTip(self.tr("Admin boundaries that come with Carto Desktop (OCHA COD-AB): "
                                              "nothing to download"))
        self.builtin_combo.activated.connect(self._builtin_chosen)
        self.boundaries_button = QPushButton(self.tr("Open my own file…"))
        self.boundaries_button.setToolTip(self.tr("The outlines of the admin areas (regions, districts): GeoJSON, "
                                                  "GeoPackage or shapefile"))
        self.boundaries_button.clicked.connect(self._choose_boundaries)
        change_label = QLabel(self.tr("Change…"))
        change_label.setBuddy(self.builtin_combo)
        form.addRow(change_label, self.builtin_combo)  # a row of its own: "République démocratique…" fits
        form.addRow("", self.boundaries_button)
        self._fit: BuiltinFit | None = None  # the built-in set the table fits (`engine_tasks.builtin_fit`)
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
        self.key_combo.activated.connect(self._key_chosen)
        key_label = QLabel(self.tr("Place column:"))
        key_label.setBuddy(self.key_combo)
        roles_form.addRow(key_label, self.key_combo)
        self.roles_label = QLabel(self.tr("Carto Desktop guessed what each column holds. If a guess is wrong, "
                                          "choose what the column really holds."))
        self.roles_label.setWordWrap(True)
        roles_form.addRow(self.roles_label)
        self._choices = QStandardItemModel(self)  # the roles a column can be given, shared by the choosers
        self.roles_model = RolesModel(self, [self.tr("Column"), self.tr("What it holds")])
        self.roles_view = QTableView()
        self.roles_view.setModel(self.roles_model)
        self.roles_view.setItemDelegateForColumn(1, RoleDelegate(self))
        self.roles_view.setToolTip(self.tr("What Carto Desktop understood each column to be; your choices are "
                                           "in bold and are kept with the project"))
        self.roles_view.verticalHeader().setVisible(False)
        self.roles_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.roles_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.roles_view.clicked.connect(lambda index: self.roles_view.edit(index) if index.column() == 1 else None)
        self.roles_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.roles_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.roles_view.setColumnWidth(0, 185)
        self.roles_view.verticalHeader().setDefaultSectionSize(24)
        self.roles_view.setFixedHeight(ROLE_TABLE_HEIGHT)
        roles_form.addRow(self.roles_view)
        self.warnings_label = QLabel("")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #8a4b00;")
        self.warnings_label.setVisible(False)
        roles_form.addRow(self.warnings_label)
        layout.addWidget(roles)

        self.personal_box = QGroupBox(self.tr("Personal data"))
        self.personal_box.setToolTip(self.tr("Columns that could identify a person: names, phone numbers, ID numbers, "
                                             "GPS points of homes…"))
        personal = QVBoxLayout(self.personal_box)
        self.personal_label = QLabel("")
        self.personal_label.setWordWrap(True)
        personal.addWidget(self.personal_label)
        self.personal_table = QTableWidget(0, 2)
        self.personal_table.setHorizontalHeaderLabels([self.tr("Keep out"), self.tr("Why it looks personal")])
        self.personal_table.setToolTip(self.tr("Ticked: personal, kept out of the map. Untick a column only if it "
                                               "holds nothing personal."))
        self.personal_table.verticalHeader().setVisible(False)
        self.personal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.personal_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.personal_table.setWordWrap(True)
        self.personal_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.personal_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.personal_table.setColumnWidth(0, 210)
        self.personal_table.verticalHeader().setDefaultSectionSize(24)
        self.personal_table.setFixedHeight(PERSONAL_TABLE_HEIGHT)
        self.personal_table.itemChanged.connect(self._personal_ticked)
        self.personal_table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_personal_rows())
        personal.addWidget(self.personal_table)
        self.people_label = QLabel("")
        self.people_label.setWordWrap(True)
        self.people_label.setToolTip(self.tr("GPS points count as personal only when each row is a person or a "
                                             "household: then a point shows where they live"))
        personal.addWidget(self.people_label)
        self.more_personal_combo = QComboBox()
        self.more_personal_combo.setToolTip(self.tr("A column Carto Desktop did not flag but that identifies people "
                                                    "(a nickname, a description…)"))
        self.more_personal_combo.activated.connect(self._more_personal)
        personal.addWidget(self.more_personal_combo)
        layout.addWidget(self.personal_box)
        self.personal_box.setVisible(False)

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

    def show_project(self, project: Project, lang: str | None = None) -> None:
        self._project = project
        self._lang = lang or self._lang
        self.table_label.setText(Path(project.table).name)
        self.table_label.setToolTip(str(project.table))
        self._show_boundaries()
        select_item(self.key_combo, project.key_column or AUTO)
        if project.sheet and self.sheet_combo.count():
            select_item(self.sheet_combo, project.sheet)
        self._show_roles_chosen()
        self._show_personal_ticks()

    def show_table(self, info: TableInspected, project: Project, lang: str) -> None:
        """Fill the sheet chooser, the column choosers and the table preview from `inspect_table`."""
        self._project, self._lang = project, lang
        self.sheet_combo.clear()
        for sheet in info.sheets:
            self.sheet_combo.addItem(sheet, sheet)
        self._set_row_visible(self.sheet_label, self.sheet_combo, len(info.sheets) > 1)
        select_item(self.sheet_combo, project.sheet or info.sheet)
        self.key_combo.clear()
        self.key_combo.addItem(self.tr("Detect automatically"), AUTO)
        self.key_combo.addItems(list(info.columns))  # the column is the item's text (`_select` finds it)
        select_item(self.key_combo, project.key_column or AUTO)
        columns, rows = list(info.columns), [list(row) for row in info.rows]
        if (columns, rows) != (self.rows_model.columns, self.rows_model.rows):
            self.rows_model.set_rows(columns, rows, list(info.row_numbers))
        self._columns = columns
        self._detected = {c: role_spec(role, level) for c, (role, level) in info.roles.items()}
        self._findings = info.personal
        self._chosen_reason = info.chosen_reason
        self._fill_roles()
        if info.error is not None:
            self.summary_label.setText(self.tr("This sheet cannot be used: %1").replace("%1", info.error.text(lang)))
            self.warnings_label.setVisible(False)
            self.personal_box.setVisible(False)
            return
        self.summary_label.setText(self.tr("Rows read: %1. The first ones are shown below.")
                                   .replace("%1", f"{info.n_rows:,}".replace(",", "\u202f")))
        warnings = [w.text(lang) for w in info.warnings]
        self.warnings_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings_label.setVisible(bool(warnings))
        people = info.people
        gps = any(spec in ("latitude", "longitude", "geopoint") for spec in self._detected.values())
        self.people_label.setText(people.text.text(lang) if people and gps else "")
        self.people_label.setVisible(bool(people and gps))
        self.personal_box.setVisible(True)
        self._fill_personal()

    # --- what each column holds -----------------------------------------------------------

    def role_label(self, spec: str) -> str:
        """A role in the user's words ("Admin area name (level 2)")."""
        role, _, level = spec.partition(":")
        if role in PLACE_ROLES:
            text = self.tr("Admin area name") if role == "admin name" else self.tr("P-code")
            return self.tr("%1 (level %2)").replace("%1", text).replace("%2", level) if level else text
        names = {"latitude": self.tr("Latitude"), "longitude": self.tr("Longitude"),
                 "geopoint": self.tr("GPS point (Kobo/ODK)"), "number": self.tr("Number"), "date": self.tr("Date"),
                 "identifier": self.tr("Identifier"), "multiple choice": self.tr("Multiple choice (0/1)"),
                 "form metadata": self.tr("Form information"), "text": self.tr("Text"),
                 "empty": self.tr("Empty"), IGNORE: self.tr("Ignore")}
        return names.get(role, role)

    def role_tip(self, spec: str) -> str:
        """What a role means, GIS words explained plainly (the choice's tooltip)."""
        role = spec.partition(":")[0]
        tips = {
            "admin name": self.tr("The name of an administrative area. Level 1 is the largest division of the "
                                  "country (region, province), level 2 the next one (cercle, département), level 3 "
                                  "the next (commune)…"),
            "P-code": self.tr("An official place code (P-code) such as ML0701: the country's letters, then more "
                              "digits for smaller areas. The surest way to put a row on the map."),
            "latitude": self.tr("How far north or south a GPS point is, in degrees (about 10 to 25 in Mali)"),
            "longitude": self.tr("How far east or west a GPS point is, in degrees (about -12 to 4 in Mali)"),
            "geopoint": self.tr("Latitude, longitude, altitude and accuracy in one cell, as KoboToolbox and ODK "
                                "write a GPS point"),
            "number": self.tr("A figure that can be added up or averaged (people reached, amounts)"),
            "date": self.tr("A day, or a day and a time"),
            "identifier": self.tr("A code for each row (form number, site ID): not a place, not a figure to add up"),
            "multiple choice": self.tr("The 0/1 columns a multiple-choice question makes in a Kobo or ODK export, "
                                       "one per answer"),
            "form metadata": self.tr("What the survey tool adds itself: start and end time, device, submission ID"),
            "text": self.tr("Words with no special meaning for the map (organisation, sector, remarks)"),
            "empty": self.tr("The column has no values"),
            IGNORE: self.tr("Carto Desktop leaves this column out: it is never used to find places or to make "
                            "the map"),
        }
        return tips.get(role, "")

    def detected_tip(self, column: str) -> str | None:
        """What was detected for `column`, with a few of its values from the rows shown (to help choose)."""
        detected = self._detected.get(column)
        if not detected:
            return None
        text = self.tr("Detected: %1").replace("%1", self.role_label(detected))
        rows = self.rows_model
        if column in rows.columns:
            i = rows.columns.index(column)
            examples = list(dict.fromkeys(v[i] for v in rows.rows if i < len(v) and v[i].strip()))[:3]
            if examples:
                shown = ", ".join(e if len(e) <= 30 else e[:29] + "…" for e in examples)
                text += "\n" + self.tr("For example: %1").replace("%1", shown)
        return text

    def role_of(self, column: str) -> str | None:
        """The role shown for `column` (the user's choice, else the detected one)."""
        return self.chosen_roles().get(column) or self._detected.get(column)

    def chosen_roles(self) -> dict[str, str]:
        """The roles the user chose (`Project.roles`), shown in bold."""
        return self._project.roles if self._project is not None else {}

    def role_choices(self, current: str | None = None) -> QStandardItemModel:
        """The roles a column can be given, with their explanations (built once; a rare detected role added)."""
        if self._choices.rowCount() == 0:
            for spec in ROLE_CHOICES:
                self._choices.appendRow(self._choice(spec))
        have = {self._choices.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self._choices.rowCount())}
        if current and current not in have:  # e.g. "admin name:0", "empty": before Ignore, which stays last
            self._choices.insertRow(self._choices.rowCount() - 1, self._choice(current))
        return self._choices

    def _choice(self, spec: str) -> QStandardItem:
        item = QStandardItem(self.role_label(spec))
        item.setData(spec, Qt.ItemDataRole.UserRole)
        item.setToolTip(self.role_tip(spec))
        return item

    def _fill_roles(self) -> None:
        if self.roles_model.columns != self._columns:
            self.roles_model.set_columns(self._columns)
        else:
            self.roles_model.refresh()

    def _show_roles_chosen(self) -> None:
        self.roles_model.refresh()

    def choose_role(self, column: str, spec: str) -> None:
        """The user gave `column` the role `spec` ("admin name:2", "latitude", "ignore"…)."""
        if spec and spec != self.role_of(column):
            self._role_chosen(column, spec)

    def _role_chosen(self, column: str, spec: str) -> None:
        self.edited.emit(ChooseRole(column, spec, self._detected.get(column)))

    # --- personal data --------------------------------------------------------------------

    def personal_rows(self) -> list[str]:
        """The columns listed as personal: detected ones, then those the user marked, in table order."""
        marked = {c for c, v in (self._project.personal_columns if self._project else {}).items() if v}
        listed = {f.column for f in self._findings} | marked
        return [c for c in self._columns if c in listed]

    def _fill_personal(self) -> None:
        """One row per personal column, grouped by reason: the reason is written once beside its columns."""
        lang = self._lang
        reasons = {f.column: f for f in self._findings}
        rows = self.personal_rows()
        groups: dict[str, list[str]] = {}  # reason -> columns, reasons in the order their first column comes
        for column in rows:
            finding = reasons.get(column)
            groups.setdefault(finding.reason.text(lang) if finding else self._chosen_reason.text(lang),
                              []).append(column)
        self._updating = True
        try:
            table = self.personal_table
            table.clearSpans()
            table.setRowCount(0)
            table.setRowCount(len(rows))
            row = 0
            for reason, columns in groups.items():
                why = QTableWidgetItem(reason)
                how = {reasons[c].evidence.text(lang) for c in columns if c in reasons}
                why.setToolTip(" ".join(sorted(how)) or reason)
                table.setItem(row, 1, why)
                if len(columns) > 1:
                    table.setSpan(row, 1, len(columns), 1)
                for column in columns:  # the item's text is the column; items are checkable by default
                    table.setItem(row, 0, QTableWidgetItem(column))
                    row += 1
            self._personal_rows = rows
        finally:
            self._updating = False
        QTimer.singleShot(0, self._fit_personal_rows)  # once the table has its width
        self.personal_table.setVisible(bool(rows))
        self.personal_label.setText(
            self.tr("These columns look like personal data. Ticked columns are kept out of the map; untick one "
                    "only if it holds nothing personal.") if rows else
            self.tr("No column looks like personal data (names, phone numbers, ID numbers, GPS points of homes…)."))
        others = [c for c in self._columns if c not in rows]
        self.more_personal_combo.clear()
        self.more_personal_combo.addItem(self.tr("Mark another column as personal…"))
        self.more_personal_combo.addItems(others)  # one call: a wide table has hundreds of columns
        self.more_personal_combo.setVisible(bool(others))
        self._show_personal_ticks()

    def _fit_personal_rows(self) -> None:
        """Rows tall enough for each reason to be read whole beside its group of columns."""
        table = self.personal_table
        width = max(table.columnWidth(1), 120) - 8
        metrics = table.fontMetrics()
        row = 0
        while row < table.rowCount():
            why = table.item(row, 1)
            span = max(table.rowSpan(row, 1), 1)
            needed = metrics.boundingRect(0, 0, width, 10000, Qt.TextFlag.TextWordWrap, why.text() if why else "")
            each = max(24, -(-(needed.height() + 8) // span))
            for r in range(row, row + span):
                table.setRowHeight(r, each)
            row += span

    def _show_personal_ticks(self) -> None:
        if set(self.personal_rows()) != set(self._personal_rows):  # a column was marked or unmarked (or undone)
            QTimer.singleShot(0, self._fill_personal)  # later: never rebuild the table from its own signal
            return
        excluded = set(self._project.excluded_columns if self._project else ())
        self._updating = True
        try:
            for row in range(self.personal_table.rowCount()):
                item = self.personal_table.item(row, 0)
                state = Qt.CheckState.Checked if item.text() in excluded else \
                    Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self._updating = False

    def kept_out(self) -> tuple[str, ...]:
        """The columns the project shown keeps out, by the detection and the user's word."""
        return kept_out(self.detected_personal(), self._project.personal_columns if self._project else {},
                        self._columns)

    def detected_personal(self) -> tuple[str, ...]:
        """The columns the detection flags as personal (the user's word aside)."""
        return tuple(f.column for f in self._findings)

    def _set_personal(self, column: str, personal: bool) -> None:
        self.edited.emit(MarkPersonal(column, personal, self.detected_personal(), tuple(self._columns)))

    def _personal_ticked(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != 0:
            return
        self._set_personal(item.text(), item.checkState() == Qt.CheckState.Checked)

    def _more_personal(self, index: int) -> None:
        if index > 0:
            self._set_personal(self.more_personal_combo.itemText(index), True)

    def show_table_error(self, text: str) -> None:
        self.rows_model.set_rows([], [], [])
        self._columns, self._detected, self._findings = [], {}, ()
        self.roles_model.set_columns([])
        self.personal_box.setVisible(False)
        self.warnings_label.setVisible(False)
        self.summary_label.setText(self.tr("This table cannot be read: %1").replace("%1", text))

    def show_builtin_fit(self, fit: BuiltinFit | None, lang: str) -> None:
        """What the table fits among the built-in boundaries (`engine_tasks.builtin_fit`), said under the choice."""
        self._fit, self._lang = fit, lang
        self._show_boundaries()

    def _show_boundaries(self) -> None:
        """"Niger — départements, built in" and the evidence; or the question when nothing is chosen."""
        project, lang = self._project, self._lang
        if project is None:
            return
        if self.builtin_combo.count() == 0 or self.builtin_combo.property("lang") != lang:
            self.builtin_combo.clear()
            self.builtin_combo.addItem(self.tr("Built-in boundaries…"), "")
            for spec, label in builtin_choices(lang):
                self.builtin_combo.addItem(label, spec)
            self.builtin_combo.setProperty("lang", lang)
        chosen = project.boundaries
        select_item(self.builtin_combo, chosen if is_builtin(chosen) else "")
        fit = self._fit
        spec = fit.spec if fit else None
        sentence = fit.sentence.text(lang) if fit else ""
        if chosen is None:
            text = sentence + "\n" + self.tr("Choose built-in boundaries below, or open your own file.") \
                if sentence and not spec else self.tr("Looking for the boundaries that fit the table…")
        else:
            text = boundaries_text(chosen, lang)
            if is_builtin(chosen) and spec == chosen and sentence:
                text += "\n" + sentence
        self.boundaries_label.setText(text)
        self.boundaries_label.setToolTip("" if chosen is None or is_builtin(chosen) else str(chosen))

    def _builtin_chosen(self) -> None:
        spec = self.builtin_combo.currentData()
        if spec:
            self.edited.emit(ChooseBoundaries(spec))

    def show_layers(self, layers: list[str], chosen: str | None) -> None:
        self.layer_combo.clear()
        for name in layers:
            self.layer_combo.addItem(name, name)
        select_item(self.layer_combo, chosen)
        self._set_row_visible(self.layer_label, self.layer_combo, len(layers) > 1)

    # --- editing --------------------------------------------------------------------------

    def _key_chosen(self) -> None:
        value = self.key_combo.currentData()
        self.edited.emit(ChooseKeyColumn(None if value == AUTO else self.key_combo.currentText() if value is None
                                         else value))

    def _sheet_changed(self) -> None:
        self.edited.emit(ChooseSheet(self.sheet_combo.currentData()))

    def _layer_changed(self) -> None:
        self.edited.emit(ChooseLayer(self.layer_combo.currentData()))

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
