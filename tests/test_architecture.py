"""The engine never imports Qt, and every engine message has its French translation."""
import ast
import subprocess
import sys

from conftest import REPO

from carto_desktop.i18n import FRENCH

PACKAGE = REPO / "carto_desktop"


def _engine_files():
    return [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]


def test_no_module_outside_gui_imports_qt():
    offenders = []
    for path in _engine_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(REPO)}: {n}" for n in names if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}]
    assert offenders == []


def test_running_the_engine_loads_no_qt():
    code = (
        "import sys; import carto_desktop.cli, carto_desktop.project, carto_desktop.export;"
        "from carto_desktop.project import build_map, sample_project;"
        "build_map(sample_project('en'));"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def _error_strings():
    """Literal message and hint strings given to CartoError and its kinds in the engine."""
    kinds = {"CartoError", "DataError", "TemplateError", "ExportError", "OptionError"}
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in kinds:
                if node.args and isinstance(node.args[0], ast.Constant):
                    found.append((path.name, node.args[0].value))
                for kw in node.keywords:
                    if kw.arg == "hint" and isinstance(kw.value, ast.Constant):
                        found.append((path.name, kw.value.value))
    return found


def test_every_error_message_has_a_french_translation():
    strings = _error_strings()
    assert len(strings) > 20
    missing = [(f, s) for f, s in strings if s not in FRENCH]
    assert missing == []


def test_french_translations_keep_their_placeholders():
    import re

    for en, fr in FRENCH.items():
        assert set(re.findall(r"{\w+}", en)) == set(re.findall(r"{\w+}", fr)), en
