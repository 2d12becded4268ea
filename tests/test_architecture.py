"""The shape of the code: layers, no import cycles, no private imports across modules, the engine
without Qt, and every engine message with its French translation."""
import ast
import subprocess
import sys

from conftest import REPO

from carto_desktop.i18n import FRENCH

PACKAGE = REPO / "carto_desktop"


def test_import_contracts_hold():
    """pyproject.toml's [tool.importlinter]: the layers (intake, match, aggregate, carto, project,
    then the command and the app) and "only gui imports PySide6"."""
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True) == 0


def _import_graph() -> dict[str, set[str]]:
    import grimp

    graph = grimp.build_graph("carto_desktop", cache_dir=None)
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph.get(module, ()):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                m = stack.pop()
                group.append(m)
                if m == module:
                    break
            if len(group) > 1 or module in graph.get(module, ()):
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_cycle_finder_sees_a_loop():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules():
    """Imports inside functions count too: a cycle hidden in a function is still a cycle."""
    graph = _import_graph()
    assert "carto_desktop.match.matcher" in graph
    assert _cycles(graph) == []


def test_no_private_name_is_imported_from_another_module():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("carto_desktop"):
                offenders += [f"{path.relative_to(REPO)}: {node.module}.{a.name}" for a in node.names
                              if a.name.startswith("_") and not a.name.startswith("__")]
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
