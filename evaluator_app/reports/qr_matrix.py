"""The modules of the seal's QR code: the `qrcode` package's own code, with its choice of mask scored faster.

`qrcode` draws the symbol once with each of the eight masks and keeps the first one its penalty (ISO/IEC 18004,
four rules) rates lowest. Its penalty walks every module of every row and column in Python, eight times: half of a
seal's QR code (about 5 ms a report). Here the eight symbols are laid side by side as bits of one Python integer
(dark modules) and its complement (light ones), and each rule is a few shifts and ANDs over all of them at once:
runs of one colour, 2x2 blocks, finder-like patterns, the dark share. The scores are `qrcode.util.lost_point`'s
(tests/reports/test_qr_matrix.py checks every mask of many payloads, and every module against `qrcode`'s own
QRCode.make), so the mask chosen, and every module printed, are the package's own. No numpy: a drawing worker
would pay its import (0.2 s) for some 2 ms a report.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable

import qrcode
from qrcode.constants import ERROR_CORRECT_M

__all__ = ["mask_penalties", "qr_matrix"]


# Per version: per mask, whether it flips each free module (in qrcode's placement order).
_mask_flips: dict[int, dict[int, list[bool]]] = {}


def _flips(version: int, positions: list[tuple[int, int]], mask: int) -> list[bool]:
    known = _mask_flips.setdefault(version, {})
    flips = known.get(mask)
    if flips is None:
        flip = qrcode.util.mask_func(mask)
        flips = known[mask] = [bool(flip(row, column)) for row, column in positions]
    return flips


# Per version: the free modules in qrcode's placement order.
_free_modules: dict[int, list[tuple[int, int]]] = {}


class _Layout:
    """What every symbol of one version shares, as bit planes for scoring the eight masks at once.

    A plane holds the symbol twice, its rows then its columns, each line n modules and one separator bit (no
    module: neither dark nor light, so no run, block or pattern crosses from one line to the next), the first
    module of a line lowest; the eight masks' planes side by side, mask k's shifted by k planes. Dark modules are
    the set bits of X, light ones those of Y: a rule is then a few shifts and ANDs over all eight symbols at once,
    and each mask's count the bits set in its plane."""

    def __init__(self, code: qrcode.QRCode, positions: list[tuple[int, int]]):
        count = code.modules_count
        self.count = count
        self.width = width = count + 1
        self.plane = plane = 2 * count * width  # rows, then columns
        self.positions = positions

        def bits(cells: Iterable[tuple[int, int]]) -> int:
            """One plane with these modules set, in its rows and in its columns."""
            value = 0
            for row, column in cells:
                value |= 1 << (row * width + column) | 1 << (count * width + column * width + row)
            return value

        every = [(row, column) for row in range(count) for column in range(count)]
        free = set(positions)
        self.repeat = sum(1 << (mask * plane) for mask in range(8))
        # the function patterns with the format and version areas light, as qrcode's makeImpl(True, mask) has them
        self.base = bits(cell for cell in every if cell not in free and code.modules[cell[0]][cell[1]]) * self.repeat
        self.valid = bits(every) * self.repeat
        self.flips = sum(bits(cell for cell in positions if qrcode.util.mask_func(mask)(*cell)) << (mask * plane)
                         for mask in range(8))
        # 2x2 blocks: counted once, at their top-left module, in the rows' half
        self.blocks = _bits_in_rows(((row, column) for row in range(count - 1) for column in range(count - 1)),
                                   width) * self.repeat
        self.rows = _bits_in_rows(every, width) * self.repeat
        # Where each bit of the data plane comes from: the data bit placed in that module, or a light one (the
        # index past the data's bits) for every other bit. Read as one binary number, most significant first.
        source = {}
        for n, (row, column) in enumerate(positions):
            source[row * width + column] = source[count * width + column * width + row] = n
        self.take = operator.itemgetter(*(source.get(bit, len(positions)) for bit in range(plane - 1, -1, -1)))

    def dark(self, data: list[int]) -> int:
        """The dark modules of the eight masked symbols (X), from qrcode's data codewords."""
        size = len(self.positions)
        stream = format(int.from_bytes(bytes(data), "big"), f"0{8 * len(data)}b")[:size]
        # light once the data runs out, as qrcode's map_data; and the one light bit every other module takes
        stream += "0" * (size + 1 - len(stream))
        placed = int("".join(self.take(stream)), 2)
        return self.base | ((placed * self.repeat) ^ self.flips)

    def penalties(self, dark: int) -> list[int]:
        """qrcode.util.lost_point of each of the eight symbols, from their dark modules."""
        light = self.valid ^ dark
        width, plane = self.width, self.plane
        # Rule 1: a run of five or more modules of one colour costs its length less two: one for each five-module
        # window inside it (length less four), two more for each run (its first window).
        same = (dark & (dark >> 1)) | (light & (light >> 1))  # a module and the next one alike
        windows = same & (same >> 1) & (same >> 2) & (same >> 3)
        runs = windows & ~(windows << 1)
        # Rule 2: each 2x2 block of one colour costs 3.
        below = (dark & (dark >> width)) | (light & (light >> width))
        blocks = below & (below >> 1) & same & self.blocks
        # Rule 3: each finder-like pattern, 1:1:3:1:1 with four light modules after or before, costs 40.
        finder = _pattern(dark, light, _FINDER_AFTER) | _pattern(dark, light, _FINDER_BEFORE)
        rows = dark & self.rows
        whole = (1 << plane) - 1
        squares = self.count ** 2
        lost = []
        for mask in range(8):
            shift = mask * plane
            lost_point = (((windows >> shift) & whole).bit_count() + 2 * ((runs >> shift) & whole).bit_count()
                          + 3 * ((blocks >> shift) & whole).bit_count() + 40 * ((finder >> shift) & whole).bit_count())
            # Rule 4: every 5 % the dark share departs from half costs 10 (the same float steps as qrcode).
            percent = float(((rows >> shift) & whole).bit_count()) / squares
            lost.append(lost_point + int(abs(percent * 100 - 50) / 5) * 10)
        return lost


def _bits_in_rows(cells: Iterable[tuple[int, int]], width: int) -> int:
    value = 0
    for row, column in cells:
        value |= 1 << (row * width + column)
    return value


_FINDER_AFTER = "10111010000"
_FINDER_BEFORE = "00001011101"


def _pattern(dark: int, light: int, pattern: str) -> int:
    """Where each line starts `pattern` (dark 1, light 0) at the module: a bit per starting module."""
    found = -1
    for offset, module in enumerate(pattern):
        found &= (dark if module == "1" else light) >> offset
    return found


# Per version: the layout of its symbols.
_layouts: dict[int, _Layout] = {}


class _QRCode(qrcode.QRCode):  # type: ignore[misc]
    _placed: tuple[object, list[tuple[int, int]], list[bool]] | None = None

    def layout(self) -> _Layout:
        """The layout of this symbol's version (after best_fit), made from the first symbol of it drawn."""
        layout = _layouts.get(self.version)
        if layout is None:
            self.makeImpl(True, 0)  # the version's function patterns, and which modules are free (map_data)
            assert self._placed is not None
            layout = _layouts[self.version] = _Layout(self, self._placed[1])
        return layout

    def map_data(self, data: list[int], mask_pattern: int) -> None:
        # qrcode's walk over the free modules, done once for a version (the same modules are free in every symbol
        # of it): placing the data is then flipping its bits where the mask is dark.
        if self._placed is None or self._placed[0] is not data:
            positions = _free_modules.get(self.version)
            if positions is None:
                positions = _free_modules[self.version] = self._free_modules()
            # The bits in order, most significant first, as qrcode takes them; light once the data runs out.
            bits = [digit == "1" for digit in "".join(f"{byte:08b}" for byte in data)[:len(positions)]]
            bits += [False] * (len(positions) - len(bits))
            self._placed = (data, positions, bits)
        _, positions, bits = self._placed
        modules = self.modules
        for (row, column), bit, flip in zip(positions, bits, _flips(self.version, positions, mask_pattern),
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
        # qrcode draws the symbol with each mask and keeps the first that its penalty rates lowest; here the eight
        # are scored at once from the version's layout, with the same data codewords makeImpl would make.
        lost = self.penalties()
        return lost.index(min(lost))

    def penalties(self) -> list[int]:
        """`qrcode.util.lost_point` of this symbol drawn with each mask (makeImpl(True, mask)), in mask order."""
        layout = self.layout()
        data: list[int] | None = self.data_cache  # type: ignore[has-type]  # qrcode's attribute, untyped
        if data is None:
            # what makeImpl makes and keeps for every drawing of the symbol
            data = self.data_cache = qrcode.util.create_data(self.version, self.error_correction, self.data_list)
        return layout.penalties(layout.dark(data))


def qr_matrix(payload: str) -> list[list[bool]]:
    """The modules of `payload`'s QR code (error correction M, no border), dark True, as `qrcode` makes them."""
    code = _QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


def mask_penalties(payload: str) -> list[int]:
    """The penalty of `payload`'s QR code (error correction M) drawn with each of the eight masks."""
    code = _QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.best_fit(start=None)
    return code.penalties()
