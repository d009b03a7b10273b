"""The modules of the seal's QR code: the `qrcode` package's own code, with its choice of mask scored faster.

`qrcode` draws the symbol once with each of the eight masks and keeps the one its penalty (ISO/IEC 18004, four
rules) rates lowest. Its penalty walks every module of every row and column in Python, half of a seal's QR code
(about 5 ms a report). The same four rules are counted here on each row and column as a bit string: runs by a
regular expression, 2x2 blocks by bit operations, the finder-like pattern by an overlapping search. The scores are
equal to `qrcode.util.lost_point` (tests/reports/test_qr_matrix.py checks every mask of many payloads), so the
mask chosen, and every module printed, are the package's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

import qrcode
from qrcode.constants import ERROR_CORRECT_M

__all__ = ["penalty", "qr_matrix"]

_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_RUN = re.compile(r"0{5,}|1{5,}")
# 1:1:3:1:1 dark:light:dark:light:dark with four light modules after or before; overlapping matches counted.
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")


def penalty(modules: Sequence[Sequence[bool]]) -> int:
    """`qrcode.util.lost_point` of a symbol: the four penalty rules summed."""
    count = len(modules)
    # Every module is set (True or False) once makeImpl has placed the data: "1" for dark, "0" for light.
    rows = [bytes(row).translate(_AS_DIGITS).decode("ascii") for row in modules]  # type: ignore[arg-type]
    # Every row and column in one text, a separator between them: one search per rule for the whole symbol.
    lines = "2".join(rows + ["".join(column) for column in zip(*rows, strict=True)])
    # Rule 1: a run of five or more modules of one colour costs its length less two.
    lost = sum(len(run) - 2 for run in _RUN.findall(lines))
    # Rule 2: each 2x2 block of one colour costs 3.
    bits = [int(row, 2) for row in rows]
    pairs = (1 << (count - 1)) - 1
    full = (1 << count) - 1
    for upper, lower in pairwise(bits):
        same_below = ~(upper ^ lower) & full
        same_beside = ~(upper ^ (upper >> 1))
        lost += 3 * (same_below & (same_below >> 1) & same_beside & pairs).bit_count()
    # Rule 3: each finder-like pattern in a row or column costs 40.
    lost += 40 * len(_FINDER_LIKE.findall(lines))
    # Rule 4: every 5 % the dark share departs from half costs 10 (the same float steps as qrcode).
    dark = sum(row.count("1") for row in rows)
    percent = float(dark) / (count ** 2)
    return lost + int(abs(percent * 100 - 50) / 5) * 10


# Per symbol size: the free modules in qrcode's placement order, and per mask whether it flips each of them.
_mask_flips: dict[int, tuple[list[tuple[int, int]], dict[int, list[bool]]]] = {}


def _flips(count: int, positions: list[tuple[int, int]], mask: int) -> list[bool]:
    known = _mask_flips.get(count)
    if known is None or known[0] != positions:
        known = _mask_flips[count] = (positions, {})
    flips = known[1].get(mask)
    if flips is None:
        flip = qrcode.util.mask_func(mask)
        flips = known[1][mask] = [bool(flip(row, column)) for row, column in positions]
    return flips


# Per version and size: the free modules in qrcode's placement order.
_free_modules: dict[tuple[int, int], list[tuple[int, int]]] = {}


class _QRCode(qrcode.QRCode):  # type: ignore[misc]
    _placed: tuple[object, list[tuple[int, int]], list[bool]] | None = None

    def map_data(self, data: list[int], mask_pattern: int) -> None:
        # qrcode's walk over the free modules, done once for the eight masks of a symbol: each mask then only
        # flips the data bits where it is dark (the flips of a size are kept).
        if self._placed is None or self._placed[0] is not data:
            positions = _free_modules.get((self.version, self.modules_count))
            if positions is None:
                positions = _free_modules[(self.version, self.modules_count)] = self._free_modules()
            # The bits in order, most significant first, as qrcode takes them; light once the data runs out.
            bits = [digit == "1" for digit in "".join(f"{byte:08b}" for byte in data)[:len(positions)]]
            bits += [False] * (len(positions) - len(bits))
            self._placed = (data, positions, bits)
        _, positions, bits = self._placed
        modules = self.modules
        for (row, column), bit, flip in zip(positions, bits, _flips(self.modules_count, positions, mask_pattern),
                                            strict=True):
            modules[row][column] = bit != flip

    def _free_modules(self) -> list[tuple[int, int]]:
        """The modules left for data, in the order qrcode's map_data fills them: the same for every symbol of a
        version (finders, timing, alignment, format and version areas are placed before the data)."""
        positions: list[tuple[int, int]] = []
        count = self.modules_count
        inc, row = -1, count - 1
        for col in range(count - 1, 0, -2):
            if col <= 6:
                col -= 1
            while True:
                for c in (col, col - 1):
                    if self.modules[row][c] is None:
                        positions.append((row, c))
                row += inc
                if row < 0 or count <= row:
                    row -= inc
                    inc = -inc
                    break
        return positions

    def best_mask_pattern(self) -> int:
        # qrcode's own loop, with its scoring replaced by the equal `penalty`.
        min_lost_point = 0
        pattern = 0
        for mask in range(8):
            self.makeImpl(True, mask)
            lost_point = penalty(self.modules)
            if mask == 0 or min_lost_point > lost_point:
                min_lost_point = lost_point
                pattern = mask
        return pattern


def qr_matrix(payload: str) -> list[list[bool]]:
    """The modules of `payload`'s QR code (error correction M, no border), dark True, as `qrcode` makes them."""
    code = _QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]
