"""When the window asks the engine process to draw the map: previews and the Match step's outline.

One object keeps the rules that were spread over flags in the window:
- every change of the project asks for a preview: the first change after a pause at once (a click on a
  palette is drawn without waiting), the changes that follow it closer than `PREVIEW_DELAY_MS` (typing a
  title) one more when they pause;
- a change while a preview is drawn asks for the newest one at once: the engine process stops the
  older one between its steps (`engine_tasks.Superseded`), and a result made for an older project is
  never shown;
- the page is drawn to fit the preview's size on screen (`fit`), not at a fixed resolution;
- the outlined area (`request_highlight`) is drawn over the last preview's pixels, at most one at
  a time, `HIGHLIGHT_DELAY_MS` after the pointer stops; while a preview is coming, that preview
  outlines the newest area instead, and an outline for an older project or area is dropped.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from carto_desktop.choices import Project
from carto_desktop.engine_messages import DrawHighlight, DrawPreview, ErrorReport, Page, Preview
from carto_desktop.gui.engine import EngineProcess

PREVIEW_DELAY_MS = 60  # edits this close after the first make one more preview (a person's clicks are further apart)
HIGHLIGHT_DELAY_MS = 120  # the pointer running down a list of areas makes one highlight


class MapRequests(QObject):
    """Schedules the engine's previews and highlights for the window's current project."""

    preview_ready = Signal(object)  # the `Preview` of the current project
    preview_failed = Signal(object)  # an `ErrorReport`
    highlight_ready = Signal(object, str)  # the `Page` with the area outlined, and the area ("" = none)

    def __init__(self, engine: EngineProcess, lang: str, parent: QObject | None = None,
                 fit: Callable[[], tuple[int, int] | None] | None = None) -> None:
        super().__init__(parent)
        self.engine, self.lang = engine, lang
        self.fit = fit  # the preview's size in screen pixels, asked at each preview
        self.project: Project | None = None
        self.generation = 0  # bumped by every change of the project
        self.shown = False  # a preview of some project is on screen (highlights draw over it)
        self.area: str | None = None  # the area the Match step asks to outline
        self._preview: tuple[int, str | None] | None = None  # (generation, area) of the preview being drawn
        self._asked = -1  # the generation of the last preview asked for
        self._highlight: tuple[int, str | None] | None = None
        self._highlight_again = False
        self._preview_timer = self._timer(PREVIEW_DELAY_MS, self._after_pause)
        self._highlight_timer = self._timer(HIGHLIGHT_DELAY_MS, self._start_highlight)

    def _timer(self, delay: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(slot)
        return timer

    def idle(self) -> bool:
        """No preview is asked for or being drawn."""
        return self._preview is None and not (self._preview_timer.isActive() and self._asked != self.generation)

    # --- previews ---------------------------------------------------------------------------------

    def changed(self, project: Project) -> None:
        """The project changed: results for the old one are stale; a preview comes at once after a pause,
        else when the changes pause."""
        self.project = project
        self.generation += 1
        pause = not self._preview_timer.isActive()
        self._preview_timer.start()
        if pause:
            self._start_preview()

    def _after_pause(self) -> None:
        if self._asked != self.generation:  # changed since the preview asked at the burst's start
            self._start_preview()

    def forget(self) -> None:
        """Another project is shown: no preview of this one is on screen any more."""
        self.shown = False

    def _start_preview(self) -> None:
        project = self.project
        if project is None:
            return
        try:
            fit = self.fit() if self.fit else None
        except RuntimeError:  # the window showing the previews is gone (a language switch replaced it)
            return
        asked = (self.generation, self.area)
        self._preview, self._asked = asked, self.generation  # the newest; one being drawn stops when the engine sees it
        self.engine.submit(DrawPreview(project, highlight=self.area, check_lang=self.lang, fit=fit),
                           lambda result: self._preview_done(asked, result),
                           lambda report: self._preview_error(asked, report))

    def _preview_done(self, asked: tuple[int, str | None], result: Preview) -> None:
        if asked is not self._preview:  # a newer preview is coming
            return
        self._preview = None
        if asked[0] != self.generation:  # the user changed something meanwhile: its preview comes soon
            return
        self.shown = True
        self.preview_ready.emit(result)
        if asked[1] != self.area:  # asked for while the map was being made
            self._highlight_timer.start()

    def _preview_error(self, asked: tuple[int, str | None], report: ErrorReport) -> None:
        if report.superseded or asked is not self._preview:  # a newer preview is coming
            return
        self._preview = None
        if asked[0] != self.generation:  # the project changed since: its preview comes after the pause
            return
        self.preview_failed.emit(report)

    # --- the outlined area ------------------------------------------------------------------------

    def request_highlight(self, area_id: str) -> None:
        """Outline `area_id` on the preview ("" = none), soon: hovering down a list makes one request."""
        area = area_id or None
        if area != self.area:
            self.area = area
            self._highlight_timer.start()

    def _start_highlight(self) -> None:
        project = self.project
        if project is None or not self.shown or not self.idle():
            return  # the coming preview outlines the newest area (see _preview_done)
        if self._highlight is not None:
            self._highlight_again = True
            return
        self._highlight_again = False
        asked = (self.generation, self.area)
        self._highlight = asked
        self.engine.submit(DrawHighlight(project, self.area), lambda result: self._highlight_done(asked, result),
                           self._highlight_error)

    def _highlight_done(self, asked: tuple[int, str | None], result: Page) -> None:
        self._highlight = None
        if self._highlight_again or asked != (self.generation, self.area):
            self._highlight_again = False
            if asked[0] == self.generation:  # else the new preview draws it
                self._start_highlight()
            return
        self.highlight_ready.emit(result, self.area or "")

    def _highlight_error(self, _report: ErrorReport) -> None:
        self._highlight = None  # an outline is a help: the map itself is still shown
