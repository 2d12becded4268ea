"""The page's reprojections made from PROJ pipelines give the coordinates geopandas' to_crs gives, to the bit."""
import geopandas as gpd
import numpy as np
import pytest
import shapely

from carto_desktop.carto.projection import MapProjection, _laea_pipeline, reprojected, to_crs


def _same(ours, theirs) -> bool:
    return len(ours) == len(theirs) and all((a is None and b is None) or shapely.equals_identical(a, b)
                                            for a, b in zip(ours, theirs))


@pytest.fixture(scope="module")
def mali(real_data):
    from carto_desktop.intake.layers import read_layer

    return read_layer(real_data / "boundaries" / "mali_adm2.geojson")


@pytest.mark.parametrize("lat0, lon0", [(17.6, -4.0), (15.4, 18.7), (-1.3, 36.8), (0.0, 0.0), (-29.5, 24.6)])
def test_to_and_from_the_equal_area_projection_as_geopandas(mali, lat0, lon0):
    crs = MapProjection(lat0, lon0).crs
    _laea_pipeline.cache_clear()
    ours = reprojected(mali.geometry.to_numpy(), mali.crs, crs)
    assert _laea_pipeline.cache_info().currsize == 1  # the pipeline was used, not PROJ's database
    theirs = mali.geometry.to_crs(crs).to_numpy()
    assert _same(ours, theirs)
    back = reprojected(theirs, crs, "EPSG:4326")
    assert _same(back, gpd.GeoSeries(theirs, crs=crs).to_crs(4326).to_numpy())
    lines, points = shapely.boundary(mali.geometry.to_numpy()), shapely.point_on_surface(mali.geometry.to_numpy())
    for geoms in (lines, points, np.array([None, shapely.Polygon()], dtype=object)):
        assert _same(reprojected(geoms, 4326, crs), gpd.GeoSeries(geoms, crs=4326).to_crs(crs).to_numpy())


def test_a_frame_keeps_its_columns_and_index(mali):
    crs = MapProjection(17.6, -4.0).crs
    ours, theirs = to_crs(mali.iloc[::3], crs), mali.iloc[::3].to_crs(crs)
    assert list(ours.columns) == list(theirs.columns) and ours.index.equals(theirs.index) and ours.crs == crs
    assert ours.drop(columns="geometry").equals(theirs.drop(columns="geometry"))
    assert _same(ours.geometry.to_numpy(), theirs.geometry.to_numpy())


def test_another_projection_goes_through_geopandas(mali):
    _laea_pipeline.cache_clear()
    ours = reprojected(mali.geometry.to_numpy(), mali.crs, "EPSG:32630")  # a user's UTM zone
    assert _laea_pipeline.cache_info().currsize == 0
    assert _same(ours, mali.geometry.to_crs(32630).to_numpy())
