"""Step 3, Style: the kind of map, what number to show, how to group and colour it, the texts."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from carto_desktop.choices import Project
from carto_desktop.edits import Choose, ChooseAggregation, ChooseValueColumn
from carto_desktop.engine_messages import InBoth, TemplateShown
from carto_desktop.gui.widgets import FittingComboBox, select_item

DEFAULT = ""  # combo data for "as the template says"
WARNING_BACKGROUND, WARNING_TEXT = "#fff3cd", "#7a4a00"  # a pale amber box, as the Export step's warnings
TEXT_DELAY_MS = 600  # typing pauses this long before the title counts as one edit

# ColorBrewer (colorbrewer2.org) 5-class swatches, only to draw the chooser's icons; the
# engine computes the real colours.
PALETTES = {
    "YlOrRd": ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    "OrRd": ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"),
    "Reds": ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"),
    "Blues": ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
    "Greens": ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"),
    "Purples": ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"),
    "YlGnBu": ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    "Greys": ("#f7f7f7", "#cccccc", "#969696", "#636363", "#252525"),
}


def breakable(name: str, run: int = 16) -> str:
    """A file name that may wrap (zero-width spaces after _ - . and within long runs): a long logo name
    wraps under its buttons instead of widening the page or being cut."""
    out, since = [], 0
    for char in name:
        out.append(char)
        since += 1
        if char in "_-. " or since >= run:
            out.append("\u200b")
            since = 0
    return "".join(out).rstrip("\u200b")


def swatch(colours: tuple[str, ...], size: QSize = QSize(60, 14)) -> QIcon:
    pixmap = QPixmap(size)
    step = size.width() // len(colours)
    pixmap.fill(QColor("white"))
    from PySide6.QtGui import QPainter

    painter = QPainter(pixmap)
    for i, colour in enumerate(colours):
        painter.fillRect(i * step, 0, step, size.height(), QColor(colour))
    painter.end()
    return QIcon(pixmap)


class StyleStep(QWidget):
    """Shows the project's style; every control emits `edited` with one edit (`edits.py`)."""

    edited = Signal(object)  # an `edits.Edit`

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)

        kind = QGroupBox(self.tr("Kind of map"))
        kind_form = QFormLayout(kind)
        self.template_combo = FittingComboBox()
        self.template_combo.setIconSize(QSize(64, 45))
        self.template_combo.setToolTip(self.tr("A template sets the page, colours and what is drawn; you can change "
                                               "the details below"))
        self.template_combo.activated.connect(
            lambda: self.edited.emit(Choose(template=self.template_combo.currentData())))
        kind_form.addRow(self._label(self.tr("Template:"), self.template_combo), self.template_combo)
        self.whole_country_check = QCheckBox(self.tr("Whole country"))
        self.whole_country_check.setToolTip(self.tr(
            "Show every region of the boundaries. Unticked, a table whose data all lie in one region is mapped on "
            "that region only, and the map says so."))
        self.whole_country_check.clicked.connect(
            lambda checked: self.edited.emit(Choose(whole_country=bool(checked))))
        kind_form.addRow("", self.whole_country_check)
        self.whole_country_check.setVisible(False)  # offered when the map shows one region (`show_region`)
        self._one_region = False
        layout.addWidget(kind)

        indicator = QGroupBox(self.tr("What the colours show"))
        ind_form = QFormLayout(indicator)
        self.agg_combo = FittingComboBox()
        for label, value in ((self.tr("Number of rows"), "count"), (self.tr("Number of different values"), "distinct"),
                             (self.tr("Sum of a column"), "sum"), (self.tr("Average of a column"), "mean")):
            self.agg_combo.addItem(label, value)
        self.agg_combo.setToolTip(self.tr("How the rows of each area are combined into one number"))
        self.agg_combo.activated.connect(self._agg_changed)
        ind_form.addRow(self._label(self.tr("Count or add up:"), self.agg_combo), self.agg_combo)
        self.value_combo = FittingComboBox()
        self.value_combo.setToolTip(self.tr("The column whose values are counted, added up or averaged"))
        self.value_combo.activated.connect(self._value_changed)
        ind_form.addRow(self._label(self.tr("Column:"), self.value_combo), self.value_combo)
        self.no_numbers = QLabel(self.tr(
            "No column of this table holds numbers to add up: codes, identifiers, coordinates and dates are never "
            "added up. Choose the column in \"Column:\", or mark it as \"Number\" in the Data step."))
        self.no_numbers.setWordWrap(True)
        self.no_numbers.setStyleSheet(f"background-color: {WARNING_BACKGROUND}; color: {WARNING_TEXT}; "
                                      "padding: 4px; border-radius: 3px")
        self.no_numbers.setVisible(False)
        ind_form.addRow("", self.no_numbers)
        self.category_combo = FittingComboBox()
        self.category_combo.setToolTip(self.tr("The column that puts rows into groups, for example the sector or "
                                               "cluster; each group gets its own small map or colour"))
        self.category_combo.activated.connect(
            lambda: self.edited.emit(Choose({"category_column": self.category_combo.currentData() or None})))
        self.category_label = self._label(self.tr("Groups (sector):"), self.category_combo)
        ind_form.addRow(self.category_label, self.category_combo)
        self.lat_combo = FittingComboBox()
        self.lon_combo = FittingComboBox()
        for combo, key in ((self.lat_combo, "lat_column"), (self.lon_combo, "lon_column")):
            combo.setToolTip(self.tr("Latitude and longitude: the GPS position of each site, in degrees"))
            combo.activated.connect(
                lambda _=None, c=combo, k=key: self.edited.emit(Choose({k: c.currentData() or None})))
        self.lat_label = self._label(self.tr("Latitude column:"), self.lat_combo)
        self.lon_label = self._label(self.tr("Longitude column:"), self.lon_combo)
        ind_form.addRow(self.lat_label, self.lat_combo)
        ind_form.addRow(self.lon_label, self.lon_combo)
        self.people_combo = FittingComboBox()
        self.people_combo.addItem(self.tr("area"), "areas")
        self.people_combo.addItem(self.tr("hexagon grid"), "hexagons")
        self.people_combo.setToolTip(self.tr(
            "The rows of this table are people or households, so their GPS points are not drawn one by one: "
            "a dot can show where a family lives. They are counted per area, or per hexagon of a grid of "
            "equal cells, and small counts are shown as \"fewer than 5\"."))
        self.people_combo.activated.connect(
            lambda: self.edited.emit(Choose({"people_points": self.people_combo.currentData()})))
        self.people_label = self._label(self.tr("Count people per:"), self.people_combo)
        ind_form.addRow(self.people_label, self.people_combo)
        self.hexagon_spin = QSpinBox()
        self.hexagon_spin.setRange(0, 500)
        self.hexagon_spin.setSpecialValueText(self.tr("Automatic"))  # 0: chosen from the extent of the points
        self.hexagon_spin.setSuffix(self.tr(" km"))
        self.hexagon_spin.setKeyboardTracking(False)  # one edit when the typing is done, not one per digit
        self.hexagon_spin.setToolTip(self.tr("The width of one hexagon, in kilometres. Larger hexagons protect "
                                             "people better; \"Automatic\" gives about 30 across the points."))
        self.hexagon_spin.valueChanged.connect(self._hexagon_changed)
        self.hexagon_label = self._label(self.tr("Hexagon size:"), self.hexagon_spin)
        ind_form.addRow(self.hexagon_label, self.hexagon_spin)
        self.threshold_combo = FittingComboBox()
        for label, value in ((self.tr("Off: every figure shown"), 0), (self.tr("Under 3"), 3),
                             (self.tr("Under 5"), 5), (self.tr("Under 10"), 10)):
            self.threshold_combo.addItem(label, value)
        self.threshold_combo.setToolTip(self.tr("Small counts of people can single someone out: they are shown as "
                                                "\"fewer than N\" instead of the figure"))
        self.threshold_combo.activated.connect(
            lambda: self.edited.emit(Choose(min_count=int(self.threshold_combo.currentData()))))
        ind_form.addRow(self._label(self.tr("Hide small counts:"), self.threshold_combo), self.threshold_combo)
        self.threshold_help = QLabel(self.tr("Areas with fewer people than this show \"fewer than N\" instead of "
                                             "the figure. Only counts of people are hidden, never organisations, "
                                             "activities or sites."))
        self.threshold_help.setWordWrap(True)
        self.threshold_applies = QLabel("")  # the engine's word on this map (`counted.small_counts_text`)
        self.threshold_applies.setWordWrap(True)
        self.threshold_applies.setStyleSheet("font-style: italic")
        threshold_notes = QVBoxLayout()
        threshold_notes.setContentsMargins(0, 0, 0, 0)
        threshold_notes.addWidget(self.threshold_help)
        threshold_notes.addWidget(self.threshold_applies)
        ind_form.addRow("", threshold_notes)
        layout.addWidget(indicator)

        classes = QGroupBox(self.tr("Colours"))
        cls_form = QFormLayout(classes)
        self.scheme_combo = FittingComboBox()
        for label, value in ((self.tr("As the template says"), DEFAULT),
                             (self.tr("Same number of areas in each class (quantiles)"), "quantiles"),
                             (self.tr("Classes of equal width (equal intervals)"), "equal_interval"),
                             (self.tr("Natural groups in the data (natural breaks)"), "natural_breaks")):
            self.scheme_combo.addItem(label, value)
        self.scheme_combo.setToolTip(self.tr("Classification: how the numbers are cut into a few colour classes"))
        self.scheme_combo.activated.connect(
            lambda: self.edited.emit(Choose({"scheme": self.scheme_combo.currentData() or None})))
        cls_form.addRow(self._label(self.tr("Grouping:"), self.scheme_combo), self.scheme_combo)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(2, 9)
        self.classes_spin.setSpecialValueText(self.tr("As the template says"))
        self.classes_spin.setMinimum(1)  # 1 is shown as the special text: "template default"
        self.classes_spin.setToolTip(self.tr("How many colours the legend has (3 to 7 read best)"))
        self.classes_spin.valueChanged.connect(self._classes_changed)
        cls_form.addRow(self._label(self.tr("Number of classes:"), self.classes_spin), self.classes_spin)
        self.palette_combo = FittingComboBox()
        self.palette_combo.setIconSize(QSize(60, 14))
        self.palette_combo.addItem(self.tr("As the template says"), DEFAULT)
        names = {"YlOrRd": self.tr("Yellow to red"), "OrRd": self.tr("Orange to dark red"), "Reds": self.tr("Reds"),
                 "Blues": self.tr("Blues"), "Greens": self.tr("Greens"), "Purples": self.tr("Purples"),
                 "YlGnBu": self.tr("Yellow to blue"), "Greys": self.tr("Greys (for black and white printing)")}
        for key, colours in PALETTES.items():
            self.palette_combo.addItem(swatch(colours), names[key], key)
        self.palette_combo.setToolTip(self.tr("Palette: the range of colours, light for low values, dark for high "
                                              "values"))
        self.palette_combo.activated.connect(
            lambda: self.edited.emit(Choose({"palette": self.palette_combo.currentData() or None})))
        cls_form.addRow(self._label(self.tr("Palette:"), self.palette_combo), self.palette_combo)
        layout.addWidget(classes)

        texts = QGroupBox(self.tr("Texts"))
        txt_form = QFormLayout(texts)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Automatic title"))
        self.subtitle_edit = QLineEdit()
        self.subtitle_edit.setPlaceholderText(self.tr("Automatic subtitle"))
        self.legend_edit = QLineEdit()
        self.legend_edit.setPlaceholderText(self.tr("Automatic legend heading"))
        self.legend_edit.setToolTip(self.tr("The legend is the box that explains the colours"))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("Who collected or published the data"))
        self.source_edit.setToolTip(self.tr("Your words for the data's source, printed in the map's sources line, "
                                            "for example \"OCHA Mali, 3W, December 2023\""))
        self.source_missing = QLabel(self.tr("No source is given for the data: the map says \"source not given\". "
                                             "Type where the data come from."))
        self.source_missing.setWordWrap(True)
        self.source_missing.setStyleSheet(f"background-color: {WARNING_BACKGROUND}; color: {WARNING_TEXT}; "
                                          "padding: 4px")
        self.source_missing.setVisible(False)
        self._stated_source: str | None = None  # the table's credits.json entry, as the engine read it
        self._source_known = False  # the engine has said whether credits.json names a source
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TEXT_DELAY_MS)
        self._typing.timeout.connect(self.commit_texts)
        for edit in (self.title_edit, self.subtitle_edit, self.legend_edit, self.source_edit):
            edit.textEdited.connect(lambda _=None: self._typing.start())
            edit.editingFinished.connect(self.commit_texts)
        txt_form.addRow(self._label(self.tr("Title:"), self.title_edit), self.title_edit)
        txt_form.addRow(self._label(self.tr("Subtitle:"), self.subtitle_edit), self.subtitle_edit)
        txt_form.addRow(self._label(self.tr("Legend heading:"), self.legend_edit), self.legend_edit)
        txt_form.addRow(self._label(self.tr("Source:"), self.source_edit), self.source_edit)
        txt_form.addRow("", self.source_missing)
        self.map_lang = FittingComboBox()
        self.map_lang.addItem(self.tr("English"), "en")
        self.map_lang.addItem(self.tr("French"), "fr")
        self.map_lang.setToolTip(self.tr("The language of the texts on the map itself"))
        self.map_lang.activated.connect(lambda: self.edited.emit(Choose(lang=self.map_lang.currentData())))
        txt_form.addRow(self._label(self.tr("Map language:"), self.map_lang), self.map_lang)
        logo_row = QHBoxLayout()
        self.logo_button = QPushButton(self.tr("Choose logo…"))
        self.logo_button.setToolTip(self.tr("Your organisation's logo (a PNG image), shown at the top right of the map"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_clear = QPushButton(self.tr("No logo"))
        self.logo_clear.clicked.connect(lambda: self.edited.emit(Choose({"logo": None})))
        self.logo_label = QLabel(self.tr("As the template says"))
        self.logo_label.setWordWrap(True)  # a long file name or French wraps under the buttons, never cut
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        logo_row.addStretch(1)
        txt_form.addRow(self._label(self.tr("Logo:"), self.logo_button), logo_row)
        txt_form.addRow("", self.logo_label)
        layout.addWidget(texts)
        layout.addStretch(1)
        self._project: Project | None = None
        self._kinds: dict[str, str] = {}
        self._people = False  # the table's rows are people (`show_people`)
        self._numbers: tuple[str, ...] = ()  # the columns detected as numbers (`show_numbers`)
        self._columns: tuple[str, ...] = ()
        self._loading = False
        self._show_kind_controls()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # --- showing --------------------------------------------------------------------------

    def show_templates(self, templates: tuple[TemplateShown, ...], lang: str) -> None:
        current = self.template_combo.currentData()
        self._kinds = {t.id: t.kind for t in templates}
        self.template_combo.clear()
        for t in templates:
            icon = QIcon(t.thumbnail) if t.thumbnail else QIcon()
            self.template_combo.addItem(icon, t.name.text(lang) or t.id, t.id)
        select_item(self.template_combo, self._project.template if self._project else current)
        self._show_kind_controls()

    def show_columns(self, columns: list[str]) -> None:
        if tuple(columns) != self._columns:
            self.no_numbers.setVisible(False)
        self._columns = tuple(columns)
        self.value_combo.clear()
        self.value_combo.addItem(self.tr("(none: count rows)"), DEFAULT)
        for combo in (self.category_combo, self.lat_combo, self.lon_combo):
            combo.clear()
            combo.addItem(self.tr("Detect automatically"), DEFAULT)
        for column in columns:
            for combo in (self.value_combo, self.category_combo, self.lat_combo, self.lon_combo):
                combo.addItem(column, column)
        self._select_columns()

    def _select_columns(self) -> None:
        for combo, key in ((self.value_combo, "value_column"), (self.category_combo, "category_column"),
                           (self.lat_combo, "lat_column"), (self.lon_combo, "lon_column")):
            select_item(combo, (getattr(self._project, key) if self._project else None) or DEFAULT)

    def _show_kind_controls(self) -> None:
        """Groups only for sector maps, latitude/longitude only for point maps."""
        project = self._project
        kind = self._kinds.get(project.template, "choropleth") if project else "choropleth"
        for widget in (self.category_label, self.category_combo):
            widget.setVisible(kind in ("sectors", "points") and project is not None)
        for widget in (self.lat_label, self.lat_combo, self.lon_label, self.lon_combo):
            widget.setVisible(kind == "points" and project is not None)
        people = kind == "points" and self._people and project is not None and not project.raw_points
        for widget in (self.people_label, self.people_combo):
            widget.setVisible(people)
        for widget in (self.hexagon_label, self.hexagon_spin):
            widget.setVisible(people and project.people_points == "hexagons")

    def show_numbers(self, numbers: tuple[str, ...]) -> None:
        """The columns the table's detection calls numbers (`TableInspected.numbers`): what a sum may add up."""
        self._numbers = tuple(numbers)

    def show_people(self, people: bool) -> None:
        """Whether the table's rows are people (the engine's `is_people_points`): only then is the choice offered."""
        self._people = bool(people)
        self._show_kind_controls()

    def show_region(self, one_region: bool) -> None:
        """Whether the map shows one region only (the engine's `framing`): only then, or when the person asked for the
        whole country, is "Whole country" offered; on a map of the whole country it would change nothing."""
        self._one_region = one_region
        self._show_whole_country()

    def _show_whole_country(self) -> None:
        project = self._project
        self.whole_country_check.setVisible(self._one_region or bool(project is not None and project.whole_country))

    def show_source(self, stated: str | None) -> None:
        """What the table's credits.json says its source is (None: nothing), as the engine read it."""
        self._stated_source, self._source_known = stated, True
        self._show_source()

    def _show_source(self) -> None:
        """The source is missing until the user gives one or a credits.json beside the table does."""
        given = bool(self._project and self._project.data_credit)
        self.source_missing.setVisible(self._source_known and not given and not self._stated_source)
        self.source_edit.setPlaceholderText(self.tr("From credits.json: %1").replace("%1", self._stated_source)
                                            if self._stated_source else self.tr("Who collected or published the data"))

    def show_small_counts(self, texts: InBoth, lang: str) -> None:
        """The engine's sentence saying whether the threshold hides anything on this map (both languages)."""
        text = texts.text(lang)
        self.threshold_applies.setText(text)
        self.threshold_applies.setVisible(bool(text))

    def show_project(self, project: Project) -> None:
        self._project = project
        self._loading = True
        try:
            if self.template_combo.findData(project.template) < 0:
                self.template_combo.addItem(str(project.template), project.template)
            select_item(self.template_combo, project.template)
            select_item(self.agg_combo, project.agg or "count")
            self._select_columns()
            select_item(self.people_combo, project.people_points or "areas")
            if self.threshold_combo.findData(int(project.min_count)) < 0:  # a project from the command line
                self.threshold_combo.addItem(self.tr("Under %1").replace("%1", str(project.min_count)),
                                             int(project.min_count))
            select_item(self.threshold_combo, int(project.min_count))
            self.hexagon_spin.setValue(int(round(project.hexagon_km or 0)))
            self._show_kind_controls()
            select_item(self.scheme_combo, project.scheme or DEFAULT)
            self.classes_spin.setValue(project.classes or 1)
            select_item(self.palette_combo, project.palette or DEFAULT)
            for edit, key in ((self.title_edit, "title"), (self.subtitle_edit, "subtitle"),
                              (self.legend_edit, "legend_heading"), (self.source_edit, "data_credit")):
                if not edit.hasFocus() or edit.text() != (getattr(project, key) or ""):
                    edit.setText(getattr(project, key) or "")
            select_item(self.map_lang, project.lang or "en")
            self.whole_country_check.setChecked(bool(project.whole_country))
            self._show_whole_country()
            self._show_source()
            logo = project.logo
            self.logo_label.setText(breakable(str(logo).replace("\\", "/").rsplit("/", 1)[-1]) if logo
                                    else self.tr("As the template says"))
            self.logo_label.setToolTip(str(logo) if logo else "")
            self.logo_clear.setEnabled(bool(logo))
        finally:
            self._loading = False

    # --- editing --------------------------------------------------------------------------

    def choose_logo(self) -> None:
        """Ask for a PNG; the engine checks it when the map is made (a bad file gives a dialog)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose logo"), "", self.tr("PNG images (*.png)"))
        if path:
            self.edited.emit(Choose({"logo": path}))

    def _agg_changed(self) -> None:
        first = self.value_combo.itemData(1) if self.value_combo.count() > 1 else None
        edit = ChooseAggregation(self.agg_combo.currentData(), first, self._numbers, self._columns or None)
        refused = self._project is not None and edit.refused(self._project)
        self.no_numbers.setVisible(refused)  # the map keeps what it shows: said, never a code added up
        if refused:
            select_item(self.agg_combo, self._project.agg or "count")
            return
        self.edited.emit(edit)

    def _value_changed(self) -> None:
        self.no_numbers.setVisible(False)
        self.edited.emit(ChooseValueColumn(self.value_combo.currentData() or None))

    def _hexagon_changed(self, value: int) -> None:
        if not self._loading:
            self.edited.emit(Choose({"hexagon_km": float(value) if value else None}))

    def _classes_changed(self, value: int) -> None:
        if not self._loading:
            self.edited.emit(Choose({"classes": value if value > 1 else None}))

    def commit_texts(self) -> None:
        """Send the typed texts as one edit (after a pause in typing, or on leaving the field)."""
        self._typing.stop()
        change = {}
        for edit, key in ((self.title_edit, "title"), (self.subtitle_edit, "subtitle"),
                          (self.legend_edit, "legend_heading"), (self.source_edit, "data_credit")):
            value = edit.text().strip() or None
            if self._project is not None and value != (getattr(self._project, key) or None):
                change[key] = value
        if change:
            self.edited.emit(Choose(change))
