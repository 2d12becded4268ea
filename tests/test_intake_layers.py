"""Boundary layers from every format partners use, always polygons in WGS84."""
from __future__ import annotations

import pytest

from conftest import REPO, REAL

from carto_desktop.errors import DataError
from carto_desktop.intake import list_layers, read_layer

GOOD = REPO / "tests" / "data" / "intake"
NAMES = ["Ségou", "Kéniéba", "Diré"]


def _keys(gdf):
    return [w.key for w in gdf.attrs["warnings"]]


def test_zipped_shapefile_is_read_from_a_private_folder():
    gdf = read_layer(GOOD / "areas_shapefile.zip")
    assert gdf["name"].tolist() == NAMES and gdf.crs.to_epsg() == 4326
    assert gdf.attrs["layer"] == "areas.shp"
    assert list_layers(GOOD / "areas_shapefile.zip") == ["areas.shp"]


def test_cpg_gives_the_text_encoding():
    gdf = read_layer(GOOD / "latin1_cpg" / "areas.shp")
    assert (GOOD / "latin1_cpg" / "areas.cpg").exists()
    assert gdf["name"].tolist() == NAMES


def test_projected_layer_is_reprojected_and_says_so():
    gdf = read_layer(GOOD / "utm" / "areas.shp")
    assert gdf.crs.to_epsg() == 4326
    minx, miny, _, _ = gdf.total_bounds
    assert minx == pytest.approx(-8.0, abs=1e-6) and miny == pytest.approx(12.0, abs=1e-6)
    assert _keys(gdf) == ["The layer was reprojected from {crs} to WGS84 longitude/latitude."]


def test_geopackage_layer_choice():
    path = GOOD / "multi_layer.gpkg"
    assert list_layers(path) == ["villes", "cercles", "regions"]
    gdf = read_layer(path)  # the points layer comes first: the first layer with areas is taken
    assert gdf.attrs["layer"] == "cercles" and gdf["name"].tolist() == NAMES
    assert _keys(gdf) == ["Layer \"{layer}\" was read; the file also has: {others}."]
    assert len(read_layer(path, "regions")) == 1
    with pytest.raises(DataError) as err:
        read_layer(path, "communes")
    assert err.value.params["layers"] == "villes, cercles, regions"
    with pytest.raises(DataError, match="no polygons"):
        read_layer(path, "villes")
    assert read_layer(path, "villes", areas_only=False).geom_type.tolist() == ["Point"]


@pytest.mark.parametrize("name", ["my_maps.kml", "google_earth.kmz"])
def test_kml_folders_are_read_together(name):
    gdf = read_layer(GOOD / name)
    assert gdf["Name"].tolist() == ["Diré", "Goundam", "Kéniéba"]
    assert gdf["folder"].tolist() == ["Cercles du nord", "Cercles du nord", "Cercles du sud"]
    assert not gdf.geometry.has_z.any()
    assert _keys(gdf) == ["The {count} folders of the KML file were read together (column \"folder\")."]
    one = read_layer(GOOD / name, "Cercles du sud")
    assert one["Name"].tolist() == ["Kéniéba"]


def test_gpx_points_can_be_read_when_points_are_wanted():
    gdf = read_layer(GOOD / "waypoints.gpx", areas_only=False)
    assert gdf["name"].tolist() == ["Puits Ségou", "École"] and gdf.attrs["layer"] == "waypoints"
    with pytest.raises(DataError, match="no polygons"):
        read_layer(GOOD / "waypoints.gpx")


def test_polygons_and_multipolygons_mix():
    gdf = read_layer(GOOD / "multipolygon_mixed.geojson")
    assert sorted(gdf.geom_type) == ["MultiPolygon", "Polygon"] and _keys(gdf) == []


@pytest.mark.parametrize("path", sorted((REAL / "boundaries").glob("*.geojson")), ids=lambda p: p.name)
def test_every_shared_boundary_geojson_loads_untouched(path):
    gdf = read_layer(path)
    assert len(gdf) >= 8 and gdf.crs.to_epsg() == 4326 and gdf.is_valid.all()
    if path.name.startswith(("mali", "bfa", "tcd", "ner")):
        level = path.stem[-1]
        codes = gdf[f"adm{level}_pcode"]
        assert codes.is_unique and codes.str.fullmatch(r"[A-Z]{2}\d+").all()
        assert _keys(gdf) == []


def test_shared_boundaries_keep_their_accents():
    assert {"Diéma", "Kéniéba", "Ségou"} <= set(read_layer(REAL / "boundaries" / "mali_adm2.geojson")["adm2_name"])
    assert "Guéra" in set(read_layer(REAL / "boundaries" / "tcd_adm1.geojson")["adm1_name"])
    assert "N'Djamena" in set(read_layer(REAL / "boundaries" / "tcd_adm1.geojson")["adm1_name"])


def test_the_bench_geopackage_loads_all_ten_thousand_areas():
    gdf = read_layer(REAL / "bench" / "mali_voronoi_10k.gpkg")
    assert len(gdf) == 10000 and gdf["pcode"].str.startswith("ML").all()


def test_a_zip_with_two_shapefiles_reads_the_one_asked_for():
    path = REPO / "tests" / "data" / "bad" / "two_shapefiles.zip"
    assert list_layers(path) == ["areas.shp", "zones.shp"]
    gdf = read_layer(path, "zones")
    assert gdf.attrs["layer"] == "zones.shp" and gdf.attrs["layers"] == ["areas.shp", "zones.shp"]
    assert _keys(gdf) == []
    with pytest.raises(DataError):
        read_layer(path, "communes")


def test_only_boundary_formats_reach_gdal():
    # GDAL would open a workbook or a CSV as a "layer"; a workbook bomb must not get that far
    with pytest.raises(DataError, match="cannot be read as boundaries"):
        read_layer(REPO / "tests" / "data" / "bad" / "zip_bomb.xlsx")
    with pytest.raises(DataError, match="cannot be read as boundaries"):
        list_layers(GOOD / "kobo_export.csv")


def test_only_an_archive_is_unpacked_into_a_temporary_folder(monkeypatch):
    """Every read of a GeoPackage made and removed a folder in the system's temporary folder (up to 0.7 s of
    the app's first map on a busy disk): now only a zip or KMZ is unpacked there, and a zip's read still is."""
    from carto_desktop.intake import layers

    made = []
    real = layers.private_folder
    monkeypatch.setattr(layers, "private_folder", lambda *a: made.append(a) or real(*a))
    gdf = read_layer(GOOD / "multi_layer.gpkg")
    assert gdf.attrs["layer"] == "cercles" and list_layers(GOOD / "multi_layer.gpkg") == ["villes", "cercles", "regions"]
    assert made == []
    assert read_layer(GOOD / "areas_shapefile.zip")["name"].tolist() == NAMES
    assert len(made) == 1
