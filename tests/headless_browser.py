"""Open an interactive map in headless Chromium with the network off, as someone receiving it would.

Debian's `chromium` and `chromium-driver` (installed by `.ci/run`) driven by Selenium. The
browser gets no network at all: a dead proxy, every host name unresolvable, and Chrome's own
offline mode; every request the page makes is still recorded (DevTools performance log), and
so are Content-Security-Policy violations and console errors. Used by tests/test_interactive.py
and bench/bench_interactive.py.
"""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

# recorded before the page's own scripts run: anything the page's policy blocked
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if CHROMIUM is None or DRIVER is None:
        return "headless Chromium is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


def start_browser(width: int = 1280, height: int = 800):
    """A headless Chromium with no network, at `width` × `height` CSS pixels."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                f"--window-size={width},{height}", "--proxy-server=http://127.0.0.1:9",
                "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-features=Translate,OptimizationHints,MediaRouter"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_VIOLATIONS})
    driver.set_window_size(width, height)
    return driver


@dataclass
class OpenedPage:
    requests: list[str] = field(default_factory=list)  # every URL the page asked for, its own file included
    errors: list[str] = field(default_factory=list)  # console errors and CSP violations
    seconds: float = 0.0  # from navigation to the map drawn (two animation frames after the script finished)

    @property
    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:", "about:"))]


def open_page(driver, path: Path, timeout: float = 30.0) -> OpenedPage:
    """Load `path`, wait until the map's script has drawn it, and report what the page asked for."""
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get_log("browser")
    driver.get(Path(path).resolve().as_uri())
    deadline = time.monotonic() + timeout
    while driver.execute_script("return document.documentElement.getAttribute('data-ready')") != "1":
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
    seconds = driver.execute_async_script(
        "var done = arguments[0]; requestAnimationFrame(function () { requestAnimationFrame(function () {"
        " done(performance.now() / 1000); }); });")
    page = OpenedPage(seconds=float(seconds))
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            page.requests.append(message["params"]["request"]["url"])
    page.errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    page.errors += driver.execute_script("return window.__violations || []")
    if driver.execute_script("return document.documentElement.getAttribute('data-ready')") != "1":
        page.errors.append("the map's script did not finish")
    return page
