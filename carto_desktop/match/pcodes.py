"""P-codes written in another source's format, found in the boundary layer's own codes.

Sources disagree on harmless details: case, spaces, the country prefix (`MLI04` vs `ML04`,
`CMR004001` vs `CM004001`) and zero-padding per level (`BF4601` vs `BF04601`). A rewritten
code is accepted only when it is one of the layer's own codes, its parent part is one of the
layer's parent codes, and exactly one rewriting lands on a code: nothing is ever guessed.
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
