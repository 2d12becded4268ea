"""The first thing a person sees: try the sample, reopen a recent map, or bring their own files."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    recent_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(14)
        welcome = QLabel(self.tr("Make a map from your spreadsheet in four steps"))
        welcome.setStyleSheet("font-size: 20px; font-weight: bold;")
        welcome.setWordWrap(True)
        layout.addWidget(welcome)
        intro = QLabel(self.tr("You need a table (Excel or CSV) with one row per place or activity, and the "
                               "boundaries of the areas (regions, districts). Carto Desktop works without "
                               "internet."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.sample_button = QPushButton(self.tr("Open sample project"))
        self.sample_button.setToolTip(self.tr("Mali: where humanitarian partners work (OCHA 3W, December 2023)"))
        self.new_button = QPushButton(self.tr("New map from my files…"))
        self.new_button.setToolTip(self.tr("Choose your table, then the boundary file"))
        self.open_button = QPushButton(self.tr("Open project…"))
        self.open_button.setToolTip(self.tr("A .cartoproj file saved earlier"))
        for button in (self.sample_button, self.new_button, self.open_button):
            button.setMinimumHeight(40)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        recent_label = QLabel(self.tr("Recent projects:"))
        layout.addWidget(recent_label)
        self.recent_list = QListWidget()
        self.recent_list.setToolTip(self.tr("Double-click or press Enter to open"))
        recent_label.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.recent_list, 1)
        self.empty_label = QLabel(self.tr("No recent project yet."))
        layout.addWidget(self.empty_label)
        self.filler = QWidget()  # takes the recent list's room while it is empty
        layout.addWidget(self.filler, 1)
        drop = QLabel(self.tr("Tip: you can also drop a table, a boundary file or a project anywhere in this window."))
        drop.setWordWrap(True)
        drop.setStyleSheet("color: #555; padding: 12px; border: 2px dashed #aaa; border-radius: 6px;")
        drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(drop)

    def show_recent(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).stem}    ({Path(path).parent})")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        self.empty_label.setVisible(not paths)
        self.filler.setVisible(not paths)
        self.recent_list.setVisible(bool(paths))
