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


MUTATORS = {"update", "pop", "popitem", "clear", "setdefault", "append", "extend", "remove", "insert",
            "__setitem__", "__setattr__", "add", "discard"}


def _project_writes(source: str, fields: set[str]) -> list[str]:
    """Places in `source` that change a Project other than through `edits.apply_edit`: a field set,
    a dict or list field changed in place, `replace`/`setattr` (how a new Project is made)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        for target in targets:
            if isinstance(target, ast.Attribute) and target.attr in fields and \
                    not (isinstance(target.value, ast.Name) and target.value.id == "self"):
                found.append(f"line {node.lineno}: sets .{target.attr}")
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute) and \
                    target.value.attr in fields:
                found.append(f"line {node.lineno}: changes .{target.value.attr}[…]")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("replace", "setattr", "__setattr__") and not (
                    isinstance(func, ast.Attribute) and isinstance(func.value, (ast.Constant, ast.JoinedStr))) and \
                    not (name == "replace" and len(node.args) == 2 and not node.keywords):  # str.replace(a, b)
                found.append(f"line {node.lineno}: {name}(…)")
            if name in MUTATORS and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute) and \
                    func.value.attr in fields:
                found.append(f"line {node.lineno}: .{func.value.attr}.{name}(…)")
    return found


def test_the_project_write_finder_sees_each_kind_of_write():
    fields = {"title", "roles", "decisions"}
    source = ("window.project.title = 'x'\nproject.roles['a'] = 'ignore'\nself.project.decisions.pop('v')\n"
              "p = dataclasses.replace(project, title='y')\nsetattr(project, 'title', 'z')\n"
              "self.title = 'a widget attribute'\ntext = label.replace('%1', 'n')\n")
    assert len(_project_writes(source, fields)) == 5


def test_the_app_changes_the_project_only_through_the_edit_functions():
    """Widgets show a Project and emit edits; what an edit means is edits.py, tested without Qt."""
    import dataclasses

    from carto_desktop.choices import Project

    fields = {f.name for f in dataclasses.fields(Project)}
    offenders = [f"{path.name} {where}" for path in (PACKAGE / "gui").glob("*.py")
                 for where in _project_writes(path.read_text(encoding="utf-8"), fields)]
    assert offenders == []
