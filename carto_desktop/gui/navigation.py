"""How a person finds their way around the window: the four steps in a bar (Ctrl+1…4), Back and
Next, and the menus. Built for the app's `MainWindow` (passed in), whose methods the buttons and menu items call.

The texts keep the window's translation context ("MainWindow"), so the French catalogue
(`ui/carto_desktop_fr.ts`) holds them once, where the window's other texts are.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QMainWindow, QPushButton

STEP_KEYS = ("data", "match", "style", "export")
STEP_STYLE = ("QPushButton { padding: 4px 10px; } QPushButton:checked { background: #2c7fb8; color: white; "
              "border: 1px solid #1d5f8a; border-radius: 3px; }")  # the current step stands out


def step_bar(window: QMainWindow) -> QHBoxLayout:
    """"1. Data → 2. Match → 3. Style → 4. Export" as checkable buttons (`window.step_buttons`)."""
    titles = (QCoreApplication.translate("MainWindow", "1. Data"), QCoreApplication.translate("MainWindow", "2. Match"),
              QCoreApplication.translate("MainWindow", "3. Style"), QCoreApplication.translate("MainWindow", "4. Export"))
    tips = (QCoreApplication.translate("MainWindow", "Your table and boundary files (Ctrl+1)"),
            QCoreApplication.translate("MainWindow", "Link each row of the table to an area of the map (Ctrl+2)"),
            QCoreApplication.translate("MainWindow", "Kind of map, colours and texts (Ctrl+3)"),
            QCoreApplication.translate("MainWindow", "Save the map as an image or a PDF (Ctrl+4)"))
    window.step_buttons = QButtonGroup(window)
    bar = QHBoxLayout()
    for i, (title, tip) in enumerate(zip(titles, tips)):
        if i:
            bar.addWidget(QLabel("→"))
        button = QPushButton(title)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setObjectName(f"step_{STEP_KEYS[i]}")
        button.setStyleSheet(STEP_STYLE)
        window.step_buttons.addButton(button, i)
        bar.addWidget(button)
        QShortcut(QKeySequence(f"Ctrl+{i + 1}"), window, activated=button.click)
    bar.addStretch(1)
    window.step_buttons.button(0).setChecked(True)
    return bar


def back_next(window: QMainWindow) -> QHBoxLayout:
    """"← Back" and "Next →" under the steps (`window.back_button`, `window.next_button`)."""
    nav = QHBoxLayout()
    window.back_button = QPushButton(QCoreApplication.translate("MainWindow", "← Back"))
    window.next_button = QPushButton(QCoreApplication.translate("MainWindow", "Next →"))
    window.back_button.clicked.connect(lambda: window.go_to_step(window.steps.currentIndex() - 1))
    window.next_button.clicked.connect(lambda: window.go_to_step(window.steps.currentIndex() + 1))
    nav.addWidget(window.back_button)
    nav.addStretch(1)
    nav.addWidget(window.next_button)
    return nav


def build_menus(window: QMainWindow) -> None:
    """File, Edit, Language and Help; the actions the window enables are kept on it (`save_action`…)."""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.new_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "&New map from my files…"),
                                            window.choose_new_files)
    window.sample_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "Open &sample project"),
                                               window.open_sample_project)
    window.open_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "&Open project…"),
                                             window.choose_project_file)
    window.open_action.setShortcut(QKeySequence.StandardKey.Open)
    window.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Open &recent"))
    file_menu.addSeparator()
    window.save_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "&Save project"), window.save)
    window.save_action.setShortcut(QKeySequence.StandardKey.Save)
    window.save_as_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "Save project &as…"),
                                                window.save_as)
    window.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
    file_menu.addSeparator()
    quit_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "&Quit"), window.close)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    window.undo_action = edit_menu.addAction(QCoreApplication.translate("MainWindow", "&Undo"), window.undo)
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.redo_action = edit_menu.addAction(QCoreApplication.translate("MainWindow", "&Redo"), window.redo)
    window.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])

    lang_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    for code, name in (("en", "English"), ("fr", "Français")):  # each language in its own words
        action = QAction(name, window, checkable=True, checked=code == window.lang)
        action.triggered.connect(lambda _=False, c=code: window.ask_language(c))
        lang_menu.addAction(action)

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(QCoreApplication.translate("MainWindow", "&User guide"), window.open_guide)
