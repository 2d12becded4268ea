"""Vendor Leaflet into web/ from the npm registry's tarball, recording version, checksums and licence.

Run once when Leaflet is updated (needs the npm client, and internet for `npm pack`):

    cd /tmp && npm pack leaflet@1.9.4
    python tools/vendor_leaflet.py /tmp/leaflet-1.9.4.tgz

Only `dist/leaflet.js`, `dist/leaflet.css` and `LICENSE` are kept: interactive maps inline
them into one HTML file (`carto_desktop/interactive.py`), so nothing is downloaded when a
map is opened. The app itself never runs this script.
"""
from __future__ import annotations

import base64
import hashlib
import json
import sys
import tarfile
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "web"
KEEP = {"package/dist/leaflet.js": "leaflet.js", "package/dist/leaflet.css": "leaflet.css",
        "package/LICENSE": "LICENSE-leaflet.txt"}


def vendor(tarball: Path) -> None:
    raw = tarball.read_bytes()
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(raw).digest()).decode()
    rows = []
    with tarfile.open(tarball, "r:gz") as tar:
        package = json.load(tar.extractfile("package/package.json"))
        for member, name in KEEP.items():
            data = tar.extractfile(member).read()
            (WEB / name).write_bytes(data)
            rows.append(f"| `{name}` | `{member.removeprefix('package/')}` | `{hashlib.sha256(data).hexdigest()}` |")
    (WEB / "SOURCES.md").write_text(f"""# web/: what interactive maps inline

Interactive maps (`carto-desktop render -o map.html`) are one HTML file with everything inside:
these files are read by `carto_desktop/interactive.py` and written into the page.

## Leaflet {package['version']} (vendored, not modified)

- Source: the npm registry, package `leaflet`, version {package['version']}
  (`npm pack leaflet@{package['version']}`, tarball `{tarball.name}`).
- Tarball sha1 `{hashlib.sha1(raw).hexdigest()}`, integrity `{integrity}`
  (the registry's `dist.shasum` / `dist.integrity`).
- Licence: {package['license']} (`LICENSE-leaflet.txt`), © Volodymyr Agafonkin, © CloudMade.
- Homepage: {package.get('homepage', '')}
- Vendored by `tools/vendor_leaflet.py`.

| file | from the tarball | sha256 |
|---|---|---|
""" + "\n".join(rows) + """

## Carto Desktop's own

- `carto-map.js`, `carto-map.css`: the page's behaviour (legend, search, hover, sectors) and look;
  MIT, like the rest of Carto Desktop.
""", encoding="utf-8")


if __name__ == "__main__":
    vendor(Path(sys.argv[1]))
