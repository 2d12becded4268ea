"""Screenshots of the sample's interactive map (docs/screenshots/interactive_*.png), offline, in both languages.

Usage: python docs/make_interactive_screenshots.py
The sample map written as HTML, opened in headless Chromium with the network off
(tests/headless_browser.py): on a laptop screen with an area hovered (Mopti) and a legend
class shown, the search in use, and on a 360 px phone screen.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from headless_browser import open_page, start_browser  # noqa: E402
from carto_desktop.interactive import build_interactive, save_interactive_map  # noqa: E402
from carto_desktop.project import sample_project  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def hover(driver, name: str) -> None:
    from selenium.webdriver.common.action_chains import ActionBuilder

    index = driver.execute_script(f"return JSON.parse(document.getElementById('carto-data').textContent)"
                                  f".areas.names.indexOf({name!r})")
    x, y = driver.execute_script(f"return cartoMap.screenPointOf({index})")
    action = ActionBuilder(driver)
    action.pointer_action.move_to_location(int(x), int(y))
    action.perform()


def main() -> None:
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory() as folder:
        pages = {}
        for lang in ("en", "fr"):
            html, _ = build_interactive(sample_project(lang))
            pages[lang] = save_interactive_map(html, Path(folder) / f"sample_{lang}.html")
        driver = start_browser(1280, 800)
        try:
            for lang, page in pages.items():
                assert not open_page(driver, page).outside_requests
                driver.find_elements(By.CLASS_NAME, "carto-entry")[4].click()  # the highest class
                hover(driver, "Mopti")
                time.sleep(0.3)
                driver.save_screenshot(str(OUT / f"interactive_{lang}.png"))
            open_page(driver, pages["fr"])
            box = driver.find_element(By.CSS_SELECTOR, ".carto-search input")
            box.send_keys("seg")
            time.sleep(0.3)
            driver.save_screenshot(str(OUT / "interactive_search_fr.png"))
        finally:
            driver.quit()
        phone = start_browser(360, 740)
        try:
            open_page(phone, pages["fr"])
            phone.execute_script("document.querySelector('.carto-legend').open = true")
            time.sleep(0.3)
            phone.save_screenshot(str(OUT / "interactive_phone_fr.png"))
        finally:
            phone.quit()


if __name__ == "__main__":
    main()
