"""P-codes written in another source's format, found in the boundary layer's own codes.

Sources disagree on harmless details: case, spaces, the country prefix (`MLI04` vs `ML04`,
`CMR004001` vs `CM004001`) and zero-padding per level (`BF4601` vs `BF04601`). A rewritten
code is accepted only when it is one of the layer's own codes, its parent part is one of the
layer's parent codes, and exactly one rewriting lands on a code: nothing is ever guessed.

Codes made of digits alone ("0101", a national office's codes, "01" for a region) lose their
leading zeros when a spreadsheet stores them as numbers: "0101" becomes 101. Such a value is the
layer's code with the same digits once its zeros are restored, when exactly one code has them
(`restored_zeros`); when two do ("101" and "0101"), it is none of them (`zero_rivals`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from carto_desktop.country_codes import iso2_to_iso3, iso3_to_iso2
from carto_desktop.names import normalise_pcode

_PCODE = re.compile(r"^([A-Z]{2,3})(\d+)$")
_PCODE_LINES = re.compile(r"^([A-Z]{2,3})(\d+)$", re.MULTILINE)  # normalised codes hold no line break


class PcodeIndex:
    """The layer's codes, the shape of its codes (prefix, digits per level), and the lookup."""

    def __init__(self, codes: Iterable[str], parent_codes: Iterable[str] = ()) -> None:
        written = [str(c) for c in codes]
        normal = [normalise_pcode(c) for c in written]
        self.by_code: dict[str, str] = dict(zip(normal, written))
        # each code as the layer writes it, to what `lookup` gives for it: most tables copy the
        # layer's codes, which are then found without normalising them
        self.as_written: dict[str, str] = {c: self.by_code[n] for c, n in zip(written, normal)}
        parents = {normalise_pcode(p) for p in set(parent_codes) if p}  # 10,000 villages have 700 parents
        self.parents = {p for p in parents if _PCODE.match(p)}
        shapes = _PCODE_LINES.findall("\n".join(self.by_code))  # (prefix, digits) of the codes so shaped
        prefixes = {prefix for prefix, _ in shapes}
        self.prefix = prefixes.pop() if len(prefixes) == 1 else None
        digits = {len(number) for _, number in shapes}
        self.digits = digits.pop() if len(digits) == 1 else None
        parent_digits = {len(_PCODE.match(p).group(2)) for p in self.parents}
        self.parent_digits = parent_digits.pop() if len(parent_digits) == 1 else None
        # codes of digits alone, by their digits without leading zeros: "0101" under "101"
        self.by_digits: dict[str, list[str]] = {}
        for code in self.by_code:
            if code.isdigit() and code.isascii():
                self.by_digits.setdefault(code.lstrip("0"), []).append(code)
        # "101" beside "0101": "101" in a table may be either (`_same_digits`), never found as written
        unsure = {c for same in self.by_digits.values() if len(same) > 1 for c in same if c[:1] != "0"}
        if unsure:
            self.as_written = {w: i for w, i in self.as_written.items() if normalise_pcode(w) not in unsure}

    def __len__(self) -> int:
        return len(self.by_code)

    def _prefix(self, letters: str) -> str | None:
        """The layer's country prefix for a prefix written as ISO2 or ISO3."""
        if self.prefix is None or letters == self.prefix:
            return letters
        if len(letters) == 3 and len(self.prefix) == 2 and iso3_to_iso2(letters) == self.prefix:
            return self.prefix
        if len(letters) == 2 and len(self.prefix) == 3 and iso2_to_iso3(letters) == self.prefix:
            return self.prefix
        return None

    def lookup(self, value: object) -> str | None:
        """The layer's id for a P-code written in any harmless format, or None."""
        if type(value) is str:
            found = self.as_written.get(value)
            if found is not None:
                return found
        number = self._number(value)
        if number is not None:
            found = self._same_digits(number)
            return self.by_code[found[0]] if len(found) == 1 else None
        code = normalise_pcode(value)
        if code in self.by_code:
            return self.by_code[code]
        m = _PCODE.match(code)
        if not m:
            return None
        prefix = self._prefix(m.group(1))
        if prefix is None:
            return None
        digits = m.group(2)
        if prefix + digits in self.by_code:
            return self.by_code[prefix + digits]
        found = {c for c in self._padding_variants(prefix, digits) if c in self.by_code}
        return self.by_code[found.pop()] if len(found) == 1 else None

    def _number(self, value: object) -> str | None:
        """`value` as a whole number in digits alone, as a spreadsheet writes one ("101"), when the layer has
        codes of digits alone; None for anything else: "1.01" or "01-01" is no number that lost its zeros."""
        if not self.by_digits:
            return None
        code = normalise_pcode(value)
        if not (code.isdigit() and code.isascii()) or any(c in str(value) for c in ".-_"):
            return None
        return code

    def _same_digits(self, code: str) -> list[str]:
        """The layer's codes of digits alone that `code` may be: itself when written with its leading
        zeros ("0101"), else every code with its digits once zeros are restored ("101": "0101", "00101")."""
        if code[:1] == "0" and code in self.by_code:
            return [code]  # zeros were kept: the code is as written
        return self.by_digits.get(code.lstrip("0"), [])

    def restored_zeros(self, value: object) -> bool:
        """Whether `value` is one of the layer's codes only once its leading zeros are restored ("101" for
        "0101": a spreadsheet stored the code as a number)."""
        code = self._number(value)
        if code is None:
            return False
        found = self._same_digits(code)
        return len(found) == 1 and found[0] != code

    def zero_rivals(self, value: object) -> list[str]:
        """The layer's ids a number may be once its leading zeros are restored, when there are several
        ("101" when the layer has both "101" and "0101"): the value is then none of them for sure."""
        code = self._number(value)
        if code is None:
            return []
        found = self._same_digits(code)
        return sorted(self.by_code[c] for c in found) if len(found) > 1 else []

    def _padding_variants(self, prefix: str, digits: str) -> set[str]:
        """Codes that differ from `digits` only by leading zeros of the parent or own part."""
        if self.digits is None or len(digits) == self.digits:
            return set()
        out = set()
        if self.parent_digits is None or self.parent_digits >= self.digits:
            fixed = _fit(digits, self.digits)
            return {prefix + fixed} if fixed else set()
        own = self.digits - self.parent_digits
        for cut in range(1, len(digits)):
            head, tail = _fit(digits[:cut], self.parent_digits), _fit(digits[cut:], own)
            if head and tail and prefix + head in self.parents:
                out.add(prefix + head + tail)
        return out


def _fit(part: str, length: int) -> str | None:
    """Pad with leading zeros, or drop leading zeros, to reach `length` digits."""
    if len(part) == length:
        return part
    if len(part) < length:
        return part.zfill(length)
    extra = len(part) - length
    return part[extra:] if set(part[:extra]) == {"0"} else None
