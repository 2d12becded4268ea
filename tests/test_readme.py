"""The README's quick start stays true: CI runs its test command verbatim."""
import re

from conftest import REPO


def test_readme_has_exactly_two_quick_start_commands_and_ci_runs_the_test_one():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", quick, flags=re.S)
    assert len(commands) == 2
    demo, tests = commands
    assert demo.strip().endswith("carto-desktop demo")
    assert "pytest" in tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests.strip() in ci
    assert demo.strip() in ci


def test_ci_runs_the_quick_start_in_a_fresh_clone_with_nothing_beside_it():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    clone = ci.index("git clone")
    assert "mktemp -d" in ci[:clone]
    assert ci.index('cd "$fresh/') > clone
    assert ci.index("pytest") > ci.index('cd "$fresh/')
