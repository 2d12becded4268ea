"""When a near-miss name may be accepted without a person looking: the guards.

A fuzzy candidate is accepted automatically only when all of these hold, because each one
stands for a silent wrong match seen in real tables:
- the score is high (a typo, not a different word) and the name is long enough to judge;
- the best candidate beats the second by a clear margin ("Kouritenga"/"Kourwéogo");
- direction words, roman numerals and numbers agree ("Batha Est" is never "Batha Ouest");
- the first letters agree (typos rarely hit the first letter; other towns often do);
- the name is not a bare stem of several areas ("Batha" for "Batha Est"/"Batha Ouest");
- with a parent, no area under another parent scores as well (a name from elsewhere).
"""
from __future__ import annotations

from carto_desktop.names import compact_key, distinguishing_words

ACCEPT_SCORE = 85.0  # rapidfuzz ratio (Indel similarity) on compared keys
ACCEPT_SCORE_NO_PARENT = 90.0  # without a parent to narrow the choice, ask for more
MARGIN = 10.0  # best − second
MIN_LENGTH = 5  # characters in the compact key
REVIEW_SCORE = 60.0  # from here a candidate is worth showing


def why_not_automatic(query: str, best: str, best_score: float, second_score: float, *, has_parent: bool) -> str | None:
    """None when the fuzzy candidate `best` is safe to accept for `query` (both name keys),
    else the method word that says why a person must look."""
    if best_score < (ACCEPT_SCORE if has_parent else ACCEPT_SCORE_NO_PARENT):
        return "fuzzy name"
    if distinguishing_words(query) != distinguishing_words(best):
        return "direction words differ"
    if best_score - second_score < MARGIN:
        return "close second"
    q, b = compact_key(query), compact_key(best)
    if len(q) < MIN_LENGTH or len(b) < MIN_LENGTH:
        return "name too short"
    if q[0] != b[0]:
        return "fuzzy name"
    return None


def stem_of(query: str, keys: list[str]) -> list[int]:
    """Indexes of keys of which `query` is a strict part, word for word ("batha" in "batha est")."""
    words = query.split()
    if not words:
        return []
    n = len(words)
    out = []
    for i, key in enumerate(keys):
        kw = key.split()
        if len(kw) > n and any(kw[j:j + n] == words for j in range(len(kw) - n + 1)):
            out.append(i)
    return out
