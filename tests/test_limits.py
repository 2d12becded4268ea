"""Every resource limit is a named constant documented with the sentence the user gets, in English and French."""
from __future__ import annotations

import ast
import re

from conftest import REPO

from carto_desktop.i18n import FRENCH


def _documented(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = tree.body
    out = {}
    for node, after in zip(body, body[1:]):
        if isinstance(node, ast.Assign) and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            name = node.targets[0].id
            if name.startswith("MAX_"):
                out[name] = after.value.value
    return out


def test_each_limit_says_what_the_user_reads_in_both_languages():
    limits = _documented(REPO / "carto_desktop" / "limits.py")
    limits.update({k: v for k, v in _documented(REPO / "carto_desktop" / "project_file.py").items()
                   if k in ("MAX_PROJECT_BYTES", "MAX_TEXT_CHARS")})
    assert {"MAX_COLUMNS", "MAX_SHEET_CELLS", "MAX_VERTICES", "MAX_PARTS", "MAX_FIELDS", "MAX_TEXT_CHARS"} <= set(limits)
    for name, doc in limits.items():
        sentences = re.findall(r'"([^"]+?[.!])"', doc)
        assert sentences, name
        for sentence in sentences:
            assert sentence in FRENCH, (name, sentence)
            assert FRENCH[sentence] != sentence, (name, sentence)
