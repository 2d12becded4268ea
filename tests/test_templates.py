"""Style templates: bundled ones valid, broken ones explained, old versions migrated."""
import json

import pytest

from conftest import REPO

from carto_desktop.carto.palettes import class_colours, greyscale_distinct
from carto_desktop.carto.templates import CURRENT_VERSION, bundled_templates, load_template, validate_template
from carto_desktop.errors import TemplateError

KINDS = {"choropleth", "presence", "sectors", "symbols", "points"}


def test_at_least_six_bundled_templates_covering_every_kind():
    ids = set(bundled_templates())
    assert {"choropleth", "presence", "sectors", "symbols", "points", "social_card"} <= ids
    assert {load_template(t).kind for t in ids} == KINDS


@pytest.mark.parametrize("template_id", sorted(bundled_templates()))
def test_bundled_template_is_current_bilingual_and_greyscale_safe(template_id):
    t = load_template(template_id)
    assert t.spec["template_version"] == CURRENT_VERSION
    validate_template(t.spec, t.path)  # load_template trusts the bundled templates: this is their check
    for lang in ("en", "fr"):
        assert t.text("title", lang) and t.text("disclaimer", lang)
        assert t.name(lang) != t.id
    assert t.text("disclaimer", "fr").startswith("Les frontières")
    if t.kind == "choropleth":
        k = t.spec["classification"]["classes"]
        assert greyscale_distinct(class_colours(t.colour("palette", ""), k))


def _write(tmp_path, spec, name="t.json"):
    p = tmp_path / name
    p.write_text(json.dumps(spec) if not isinstance(spec, str) else spec, encoding="utf-8")
    return p


def _spec():
    return json.loads((REPO / "styles" / "choropleth.json").read_text(encoding="utf-8"))


def test_broken_json_names_line_and_column(tmp_path):
    p = _write(tmp_path, '{\n  "template_version": 2,\n  "id": "x",,\n}')
    with pytest.raises(TemplateError) as e:
        load_template(p)
    assert "line 3" in e.value.text() and "t.json" in e.value.text()


def test_invalid_field_is_named_by_its_path(tmp_path):
    spec = _spec()
    spec["colours"]["no_data"] = "white"
    with pytest.raises(TemplateError) as e:
        load_template(_write(tmp_path, spec))
    assert '"colours.no_data"' in e.value.text()


def test_missing_required_field_is_named(tmp_path):
    spec = _spec()
    del spec["texts"]["fr"]["title"]
    with pytest.raises(TemplateError) as e:
        load_template(_write(tmp_path, spec))
    assert '"texts.fr"' in e.value.text() and "title" in e.value.text()


def test_newer_template_version_is_refused_with_advice(tmp_path):
    spec = _spec()
    spec["template_version"] = CURRENT_VERSION + 1
    with pytest.raises(TemplateError) as e:
        load_template(_write(tmp_path, spec))
    assert "newer" in e.value.text() and "Update Carto Desktop" in e.value.text()


def test_unknown_palette_is_refused(tmp_path):
    spec = _spec()
    spec["colours"]["palette"] = "Rainbowish"
    with pytest.raises(TemplateError) as e:
        load_template(_write(tmp_path, spec))
    assert "Rainbowish" in e.value.text("fr") and "Palette" in e.value.text("fr")


def test_version_1_template_is_migrated(tmp_path):
    v1 = {
        "template_version": 1, "id": "old_ngo", "kind": "choropleth",
        "page": {"size": "A4", "orientation": "landscape"},
        "classification": {"scheme": "natural_breaks", "classes": 4},
        "colours": {"palette": "Greens", "no_data": "#ffffff"},
        "texts": {"en": {"title": "Old", "subtitle": "s", "disclaimer": "d"},
                  "fr": {"title": "Ancien", "subtitle": "s", "disclaimer": "d"}},
    }
    t = load_template(_write(tmp_path, v1))
    assert t.spec["template_version"] == CURRENT_VERSION
    assert t.spec["classification"] == {"scheme": "natural_breaks", "classes": 4}
    assert t.spec["inset"] is True


def test_v1_document_is_checked_against_the_v1_schema(tmp_path):
    v1 = {"template_version": 1, "id": "bad", "kind": "presence", "page": {"size": "A4", "orientation": "landscape"},
          "classification": {"scheme": "quantiles", "classes": 5}, "colours": {"palette": "Greens", "no_data": "#fff"},
          "texts": {"en": {"title": "", "subtitle": "", "disclaimer": ""}, "fr": {"title": "", "subtitle": "", "disclaimer": ""}}}
    with pytest.raises(TemplateError) as e:
        load_template(_write(tmp_path, v1))
    assert '"colours.no_data"' in e.value.text() or '"kind"' in e.value.text()


def test_user_overrides_are_validated():
    t = load_template("choropleth")
    assert t.with_overrides(classes=3, palette="Blues").spec["classification"]["classes"] == 3
    with pytest.raises(TemplateError):
        t.with_overrides(classes=42)


def test_page_presets_override_the_template_page():
    t = load_template("choropleth")
    assert t.with_overrides(page="A3 portrait").spec["page"]["size"] == "A3"
    assert t.with_overrides(page="A3 portrait").spec["page"]["orientation"] == "portrait"
    assert t.with_overrides(page="square_1080").spec["page"]["size"] == "square_1080"
    with pytest.raises(TemplateError, match="A5"):
        t.with_overrides(page="A5 landscape")
