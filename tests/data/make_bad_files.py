"""Make the hostile and broken input files of tests/data/bad/ and the small good
fixtures of tests/data/intake/, reproducibly (fixed content, fixed zip timestamps).

    .venv/bin/python tests/data/make_bad_files.py

Needs the project's own dependencies plus xlwt (for the old .xls fixture; a writer only
this script uses). All data is made up (fake places near real Mali coordinates, no personal data). The
generated files are committed; this script only needs running when it changes. The
password-protected workbook needs msoffcrypto-tool, a tool for this script only
(e.g. `pip install --target /tmp/gentools msoffcrypto-tool` and CARTO_GENTOOLS=/tmp/gentools);
without it the committed file is kept.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import openpyxl
import pyogrio
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
GOOD = HERE / "intake"
STAMP = (2024, 1, 1, 0, 0, 0)


def squares(n: int = 3, x0: float = -8.0, y0: float = 12.0) -> list[Polygon]:
    return [box(x0 + i, y0, x0 + i + 0.9, y0 + 0.9) for i in range(n)]


AREAS = gpd.GeoDataFrame(
    {"pcode": ["ML0101", "ML0102", "ML0103"], "name": ["Ségou", "Kéniéba", "Diré"], "value": [1.5, 2.0, 3.25]},
    geometry=squares(), crs=4326,
)


def write_zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = compression
            zf.writestr(info, data)


def write_shapefile(folder: Path, gdf: gpd.GeoDataFrame, stem: str = "areas", **kw) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.shp"
    pyogrio.write_dataframe(gdf, path, driver="ESRI Shapefile", **kw)
    return path


def shapefile_bytes(gdf: gpd.GeoDataFrame, **kw) -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        write_shapefile(Path(tmp), gdf, **kw)
        return {p.name: p.read_bytes() for p in sorted(Path(tmp).iterdir())}


def xlsx_bytes(rows: list[list[object]], merges: list[str] = (), sheets: dict[str, list[list[object]]] | None = None,
               hidden: tuple[str, ...] = ()) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Données"
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    for name, more in (sheets or {}).items():
        extra = wb.create_sheet(name)
        for r in more:
            extra.append(r)
        if name in hidden:
            extra.sheet_state = "hidden"
    wb.properties.creator = "carto-tests"
    wb.properties.created = wb.properties.modified = __import__("datetime").datetime(2024, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return _restamp_zip(buf.getvalue())


def _restamp_zip(data: bytes) -> bytes:
    """Same zip with fixed timestamps, so regenerating gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, STAMP)
            new.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", data)
            dst.writestr(new, data)
    return out.getvalue()


TABLE_ROWS = [
    ["Région", "Cercle", "P-code", "Bénéficiaires"],
    ["Ségou", "Ségou", "ML0401", "1 234,5"],
    ["Kayes", "Kéniéba", "ML0104", "980"],
    ["Tombouctou", "Diré", "ML0602", "12,5"],
]


def csv_text(rows: list[list[str]], sep: str = ",") -> str:
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


KML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
KML_POLY = (
    "<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>"
    "{x0},{y0},0 {x1},{y0},0 {x1},{y1},0 {x0},{y1},0 {x0},{y0},0"
    "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
)


def kml_doc(folders: dict[str, list[tuple[str, float, float]]]) -> str:
    body = ""
    for folder, marks in folders.items():
        body += f"<Folder><name>{folder}</name>" + "".join(
            KML_POLY.format(name=n, x0=x, y0=y, x1=x + 0.9, y1=y + 0.9) for n, x, y in marks) + "</Folder>"
    return KML_HEAD + f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Zones</name>{body}</Document></kml>\n'


def geojson(features: list[dict]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def feature(geom: dict, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geom}


def make_bad() -> None:
    if BAD.exists():
        shutil.rmtree(BAD)
    BAD.mkdir(parents=True)
    w = lambda name, data: (BAD / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))  # noqa: E731

    # --- tables -------------------------------------------------------------------
    w("empty.csv", b"")
    w("header_only.csv", "Région,Cercle,P-code\r\n")
    w("blank_rows_only.csv", "\r\n ; ; \r\n;;\r\n\r\n")
    w("cp1252_semicolon.csv", csv_text(TABLE_ROWS, ";").encode("cp1252"))
    w("mac_roman.csv", csv_text([["Structure", "Type"], ["Hôpital de Kéniéba", "CSRéf"], ["CSCOM Ségou", "CSCOM"]]).encode("mac_roman"))
    w("mixed_encodings.csv", "Cercle,Structure\r\nSégou,Hôpital\r\n".encode("utf-8")
      + "Kéniéba,CSRéf\r\nDiré,CSCOM\r\n".encode("cp1252"))
    w("old_mac_cr_lines.csv", csv_text([["Structure", "Type"], ["Hôpital de Kéniéba", "CSRéf"],
                                        ["CSCOM Ségou", "CSCOM"]]).replace("\r\n", "\r").encode("mac_roman"))
    w("utf16_unicode_text.txt", b"\xff\xfe" + csv_text(TABLE_ROWS, "\t").encode("utf-16-le"))
    w("binary_garbage.csv", bytes(range(256)) * 8)
    w("html_saved_as.xls", "<html><body><table><tr><td>Région</td></tr><tr><td>Ségou</td></tr></table></body></html>")
    w("csv_saved_as.xls", csv_text(TABLE_ROWS, ";"))
    w("xlsx_saved_as.csv", xlsx_bytes(TABLE_ROWS))
    w("zero_bytes.xlsx", b"")
    good = xlsx_bytes(TABLE_ROWS)
    w("truncated.xlsx", good[: len(good) // 2])
    w("merged_header.xlsx", xlsx_bytes(
        [["Région", "Cercle", "Population", None, "Source"], [None, None, "Hommes", "Femmes", None],
         ["Ségou", "Ségou", 1200, 1300, "DRS"], ["Kayes", "Kéniéba", 800, 850, "DRS"]],
        merges=["C1:D1", "A1:A2", "B1:B2", "E1:E2"]))
    w("title_rows.xlsx", xlsx_bytes(
        [["Rapport 3W – Mali, décembre 2023"], ["Source : OCHA (données fictives)"], [],
         *TABLE_ROWS]))
    w("mixed_numeric.csv", csv_text([["Cercle", "Ménages"], ["Ségou", "120"], ["Kita", "n/a"], ["Diré", "12 ménages"],
                                     ["Bla", "45"], ["Kati", "1 200"], ["Mopti", "77"]]))
    w("ragged_rows.csv", "Cercle,Ménages\r\nSégou,120,en retard\r\nKita,80\r\n")
    w("coords_out_of_range.csv", csv_text([["Site", "latitude", "longitude"], ["A", "12.65", "-8.0"], ["B", "95.2", "-8.1"],
                                           ["C", "13.1", "-300"], ["D", "0", "0"], ["E", "abc", "-7.5"]]))
    w("coords_swapped.csv", csv_text([["Site", "lat", "lon"], ["A", "12.65", "-8.0"], ["B", "-7.98", "12.61"],
                                      ["C", "14.49", "-4.19"], ["D", "-3.99", "16.27"], ["E", "13.45", "-6.26"],
                                      ["F", "16.77", "-3.01"]]))
    w("unclosed_quote.csv", 'Cercle,Note\r\nSégou,ok\r\nKita,"pas fermé\r\nBla,x\r\n')
    w("duplicate_columns.csv", csv_text([["Cercle", "Valeur", "Valeur"], ["Ségou", "1", "2"], ["Kita", "3", "4"]]))
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # the sheet's XML stops in the middle of a tag
            dst.writestr(zipfile.ZipInfo(info.filename, STAMP), data)
    w("broken_sheet_xml.xlsx", broken.getvalue())
    laughing = io.BytesIO()  # "billion laughs" inside a workbook: entities that expand a billion times
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(laughing, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                ents = b'<!ENTITY a "hahahahaha">' + b"".join(
                    b'<!ENTITY %s "%s">' % (bytes([c]), (b"&%s;" % bytes([c - 1])) * 10) for c in range(ord("b"), ord("j")))
                data = b'<?xml version="1.0"?><!DOCTYPE worksheet [' + ents + b"]>" + data
                data = data.replace(b"<t>R", b"<t>&i;R", 1)
            dst.writestr(zipfile.ZipInfo(info.filename, STAMP), data)
    w("billion_laughs.xlsx", laughing.getvalue())
    password = BAD / "password.xlsx"
    gentools = os.environ.get("CARTO_GENTOOLS")
    if gentools:
        sys.path.insert(0, gentools)
    try:
        import msoffcrypto.format.ooxml as ooxml

        plain = io.BytesIO(good)
        out = io.BytesIO()
        ooxml.OOXMLFile(plain).encrypt("secret", out)
        password.write_bytes(out.getvalue())
    except ImportError:
        print("msoffcrypto-tool not found: password.xlsx not regenerated", file=sys.stderr)
    # a 64 MiB sheet of blanks that deflates to ~60 KB: refused before it is unpacked
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as f:
            block = b" " * (1 << 20)
            for _ in range(64):
                f.write(block)
    w("zip_bomb.xlsx", bomb.getvalue())

    # --- layers -------------------------------------------------------------------
    parts = shapefile_bytes(AREAS)
    for folder, drop in (("missing_dbf", ".dbf"), ("missing_shx", ".shx"), ("missing_prj", ".prj")):
        (BAD / folder).mkdir()
        for name, data in parts.items():
            if not name.endswith(drop):
                (BAD / folder / name).write_bytes(data)
    (BAD / "truncated_shp").mkdir()
    for name, data in parts.items():
        (BAD / "truncated_shp" / name).write_bytes(data[:150] if name.endswith(".shp") else data)
    (BAD / "utf8_without_cpg").mkdir()
    for name, data in shapefile_bytes(AREAS, encoding="UTF-8").items():
        if not name.endswith(".cpg"):
            (BAD / "utf8_without_cpg" / name).write_bytes(data)
    utm = shapefile_bytes(AREAS.to_crs(32630))
    (BAD / "missing_prj_utm").mkdir()
    for name, data in utm.items():
        if not name.endswith(".prj"):
            (BAD / "missing_prj_utm" / name).write_bytes(data)
    write_zip(BAD / "zip_slip.zip", {"../../evil.shp": parts["areas.shp"], "../../evil.shx": parts["areas.shx"],
                                     "../../evil.dbf": parts["areas.dbf"]})
    write_zip(BAD / "zip_absolute_path.zip", {"/tmp/carto_evil.geojson": AREAS.to_json().encode()})
    write_zip(BAD / "zip_without_layer.zip", {"LISEZMOI.txt": "Rien ici.".encode()})
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in parts.items():
            zf.writestr(zipfile.ZipInfo(name, STAMP), data)
        info = zipfile.ZipInfo("areas_big.dbf", STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as f:
            block = b"\0" * (1 << 20)
            for _ in range(64):
                f.write(block)
    w("zip_bomb.zip", bomb.getvalue())
    w("truncated.zip", (GOOD / "areas_shapefile.zip").read_bytes()[:300] if (GOOD / "areas_shapefile.zip").exists()
      else b"PK\x03\x04broken")
    xxe = (KML_HEAD + '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>&xxe;</name>'
           + KML_POLY.format(name="A", x0=-8, y0=12, x1=-7, y1=13) + "</Document></kml>\n")
    w("external_entity.kml", xxe)
    write_zip(BAD / "external_entity.kmz", {"doc.kml": xxe.encode()})
    laughs = (KML_HEAD + '<!DOCTYPE kml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
              '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>&d;</name></Document></kml>\n')
    w("billion_laughs.kml", laughs)
    w("truncated.kml", kml_doc({"Zones": [("A", -8, 12), ("B", -7, 12)]})[:300])
    w("external_entity.gpx", '<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n'
      '<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="12.6" lon="-8.0">'
      "<name>&xxe;</name></wpt></gpx>\n")
    w("track_only.gpx", '<?xml version="1.0"?>\n<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">'
      '<trk><name>Tournée</name><trkseg><trkpt lat="12.6" lon="-8.0"/><trkpt lat="12.7" lon="-7.9"/></trkseg></trk></gpx>\n')
    bowtie = {"type": "Polygon", "coordinates": [[[-8, 12], [-7, 13], [-7, 12], [-8, 13], [-8, 12]]]}
    w("invalid_geometry.geojson", geojson([
        feature(bowtie, pcode="ML0101", name="Nœud papillon"),
        feature(json.loads(gpd.GeoSeries([squares()[1]]).to_json())["features"][0]["geometry"], pcode="ML0102", name="Kéniéba"),
    ]))
    w("points_only.geojson", geojson([feature({"type": "Point", "coordinates": [-8.0, 12.6]}, name="Bamako")]))
    w("mixed_geometry_types.geojson", geojson([
        feature(json.loads(gpd.GeoSeries([squares()[0]]).to_json())["features"][0]["geometry"], name="Zone A"),
        feature({"type": "Point", "coordinates": [-8.0, 12.6]}, name="Bamako"),
        feature({"type": "LineString", "coordinates": [[-8, 12], [-7, 13]]}, name="Route"),
        feature({"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "coordinates": [[[-6, 12], [-5.1, 12], [-5.1, 12.9], [-6, 12.9], [-6, 12]]]},
            {"type": "Point", "coordinates": [-5.5, 12.5]}]}, name="Zone B"),
    ]))
    w("no_features.geojson", geojson([]))
    utm_json = json.loads(AREAS.to_crs(32630).to_json())
    utm_json["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32630"}}  # GeoJSON 2008 style
    w("old_crs_member_utm.geojson", json.dumps(utm_json, ensure_ascii=False))
    write_zip(BAD / "two_shapefiles.zip", {**{f"a/{k}": v for k, v in parts.items()},
                                           **{f"b/{k.replace('areas', 'zones')}": v for k, v in parts.items()}})
    w("truncated.geojson", AREAS.to_json()[:200])
    w("out_of_range.geojson", geojson([feature({"type": "Polygon", "coordinates": [[[500, 12], [501, 12], [501, 13],
                                                                                      [500, 13], [500, 12]]]}, name="Ailleurs")]))


def make_good() -> None:
    GOOD.mkdir(parents=True, exist_ok=True)
    for p in GOOD.iterdir():
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    w = lambda name, data: (GOOD / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))  # noqa: E731
    w("semicolon_decimal_comma.csv", csv_text(TABLE_ROWS, ";").encode("cp1252"))
    w("tab_separated.tsv", "\ufeff" + csv_text(TABLE_ROWS, "\t"))
    w("leading_zeros.csv", csv_text([["code_site", "P-code", "Nom"], ["00123", "ML0101", "Site A"], ["04567", "ML0102", "Site B"]]))
    w("two_sheets.xlsx", xlsx_bytes(TABLE_ROWS, sheets={"Notes": [["Lisez-moi"], ["Données fictives"]],
                                                        "Listes": [["Région"], ["Ségou"]]}, hidden=("Listes",)))
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Feuil1")
    for i, row in enumerate(TABLE_ROWS):
        for j, v in enumerate(row):
            sheet.write(i, j, v)
    buf = io.BytesIO()
    book.save(buf)
    w("old_excel.xls", buf.getvalue())
    w("libreoffice.ods", ods_bytes(TABLE_ROWS))
    w("kobo_export.csv", csv_text([
        ["start", "group_site/nom_site", "group_site/gps", "_group_site/gps_latitude", "_group_site/gps_longitude",
         "_group_site/gps_altitude", "_group_site/gps_precision", "besoins", "besoins/eau", "besoins/abri",
         "besoins/sante", "menages", "_geolocation", "_uuid", "_submission_time", "_index"],
        ["2024-01-05T09:12:00", "Site Ségou", "13.4317 -6.2157 290 5", "13.4317", "-6.2157", "290", "5", "eau sante",
         "1", "0", "1", "120", "[13.4317, -6.2157]", "a1", "2024-01-05T10:00:00", "1"],
        ["2024-01-06T10:30:00", "Site Kéniéba", "12.8420 -11.2350 160 8", "12.842", "-11.235", "160", "8", "abri",
         "0", "1", "0", "80", "[12.842, -11.235]", "a2", "2024-01-06T11:00:00", "2"],
    ]))
    write_shapefile(GOOD / "latin1_cpg", AREAS, encoding="ISO-8859-1")
    write_shapefile(GOOD / "utm", AREAS.to_crs(32630))
    write_zip(GOOD / "areas_shapefile.zip", {f"limites/{k}": v for k, v in shapefile_bytes(AREAS).items()})
    gpkg = GOOD / "multi_layer.gpkg"
    points = gpd.GeoDataFrame({"name": ["Bamako"]}, geometry=[Point(-8.0, 12.6)], crs=4326)
    pyogrio.write_dataframe(points, gpkg, layer="villes", driver="GPKG")
    pyogrio.write_dataframe(AREAS, gpkg, layer="cercles", driver="GPKG", append=True)
    pyogrio.write_dataframe(AREAS.dissolve().assign(name="Région"), gpkg, layer="regions", driver="GPKG", append=True)
    kml = kml_doc({"Cercles du nord": [("Diré", -8, 12), ("Goundam", -7, 12)], "Cercles du sud": [("Kéniéba", -6, 12)]})
    w("my_maps.kml", kml)
    write_zip(GOOD / "google_earth.kmz", {"doc.kml": kml.encode()})
    w("excel_sep_line.csv", "sep=;\r\n" + csv_text(TABLE_ROWS, ";"))
    w("waypoints.gpx", '<?xml version="1.0"?>\n<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">'
      '<wpt lat="12.6" lon="-8.0"><name>Puits Ségou</name></wpt><wpt lat="13.1" lon="-7.5"><name>École</name></wpt></gpx>\n')
    w("multipolygon_mixed.geojson", geojson([
        feature(json.loads(gpd.GeoSeries([MultiPolygon(squares(2))]).to_json())["features"][0]["geometry"], name="Deux"),
        feature(json.loads(gpd.GeoSeries([squares(3)[2]]).to_json())["features"][0]["geometry"], name="Un"),
    ]))
    _ = LineString  # (kept for symmetry with bad files)


def ods_bytes(rows: list[list[str]]) -> bytes:
    """A minimal OpenDocument spreadsheet (what LibreOffice reads and writes)."""
    from xml.sax.saxutils import escape

    cells = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
            for v in r) + "</table:table-row>" for r in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Feuille1">{cells}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype", STAMP), "application/vnd.oasis.opendocument.spreadsheet")
        for name, data in (("content.xml", content), ("META-INF/manifest.xml", manifest)):
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return out.getvalue()


if __name__ == "__main__":
    make_good()
    make_bad()
    files = [p for p in BAD.rglob("*") if p.is_file()]
    print(f"{len(list(BAD.iterdir()))} bad inputs ({len(files)} files, {sum(p.stat().st_size for p in files)} bytes) "
          f"in {BAD}; good fixtures in {GOOD}")
