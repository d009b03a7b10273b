"""The modules of the seal's QR code: the `qrcode` package's own code, with its slow parts done faster.

`qrcode` draws the symbol once with each of the eight masks and keeps the first one its penalty (ISO/IEC 18004,
four rules) rates lowest. Its penalty walks every module of every row and column in Python, eight times: half of a
seal's QR code (about 5 ms a report). Here the eight symbols are laid side by side as bits of one Python integer
(dark modules) and its complement (light ones), and each rule is a few shifts and ANDs over all of them at once:
runs of one colour, 2x2 blocks, finder-like patterns, the dark share. Most of what was left, qrcode's encoding (a
method call per bit, error correction by dividing polynomials of Python objects), is done here with whole numbers
and tables. The scores are `qrcode.util.lost_point`'s and the codewords `qrcode.util.create_data`'s
(tests/reports/test_qr_matrix.py checks every mask and the codewords of many payloads, and every module against
`qrcode`'s own QRCode.make), so the mask chosen, and every module printed, are the package's own. No numpy: a
drawing worker would pay its import (0.2 s) for some 3 ms a report.
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

import qrcode
import qrcode.base
import qrcode.exceptions
import qrcode.LUT
import qrcode.util
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


class _Bits:
    """qrcode's BitBuffer, taking a number's bits at once (qrcode's puts them one at a time, a method call each)."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        # the low `length` bits of num, most significant first, as BitBuffer.put takes them
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def put_bit(self, bit: bool) -> None:
        self.put(1 if bit else 0, 1)

    def __len__(self) -> int:
        return self.length

    def codewords(self) -> list[int]:
        """The bits as bytes, as BitBuffer.buffer holds them (the last one filled with light bits)."""
        size = (self.length + 7) // 8
        return list((self.value << (size * 8 - self.length)).to_bytes(size, "big"))


def _create_data(version: int, error_correction: int, data_list: list[Any]) -> list[int]:
    """`qrcode.util.create_data`: the data codewords, filled to the version's capacity and padded as qrcode pads
    them, then each block's error correction codewords, interleaved; with its bits put at once and its error
    correction computed from tables (qrcode divides polynomials of Python objects: half of a seal's QR code)."""
    buffer = _Bits()
    for data in data_list:
        buffer.put(data.mode, 4)
        buffer.put(len(data), qrcode.util.length_in_bits(data.mode, version))
        data.write(buffer)
    rs_blocks = qrcode.base.rs_blocks(version, error_correction)
    bit_limit = sum(block.data_count * 8 for block in rs_blocks)
    if len(buffer) > bit_limit:
        raise qrcode.exceptions.DataOverflowError(
            f"Code length overflow. Data size ({len(buffer)}) > size available ({bit_limit})")
    buffer.put(0, min(bit_limit - len(buffer), 4))  # the terminator
    if len(buffer) % 8:
        buffer.put(0, 8 - len(buffer) % 8)
    for n in range((bit_limit - len(buffer)) // 8):
        buffer.put(qrcode.util.PAD0 if n % 2 == 0 else qrcode.util.PAD1, 8)
    codewords = buffer.codewords()
    blocks: list[list[int]] = []
    offset = 0
    for block in rs_blocks:
        blocks.append(codewords[offset:offset + block.data_count])
        offset += block.data_count
    if not all(any(block) for block in blocks):
        # A block of zero bytes only: qrcode's division fails on it (glog(0)); let it, in its own words.
        return list(qrcode.util.create_bytes(_Buffer(codewords), rs_blocks))
    corrections = [_correction(block, rs.total_count - rs.data_count) for block, rs in zip(blocks, rs_blocks,
                                                                                          strict=True)]
    out = [block[n] for n in range(max(map(len, blocks))) for block in blocks if n < len(block)]
    out += [ec[n] for n in range(max(map(len, corrections))) for ec in corrections if n < len(ec)]
    return out


class _Buffer:
    def __init__(self, codewords: list[int]):
        self.buffer = codewords


def _correction(data: list[int], count: int) -> list[int]:
    """The `count` error correction codewords of one block: the remainder of the data polynomial (times x^count)
    divided by qrcode's generator polynomial, as `util.create_bytes` computes it, by long division in GF(256)."""
    products = _products(count)
    remainder = [0] * count
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = remainder[1:]
        remainder.append(0)
        if factor:
            remainder = [r ^ p for r, p in zip(remainder, products[factor], strict=True)]
    return remainder


# Per count of error correction codewords: for each leading coefficient, the generator's other coefficients times
# it over the generator's first (the step of qrcode's Polynomial.__mod__), worked out once.
_generator_products: dict[int, list[list[int]]] = {}


def _products(count: int) -> list[list[int]]:
    products = _generator_products.get(count)
    if products is None:
        if count in qrcode.LUT.rsPoly_LUT:
            generator = list(qrcode.base.Polynomial(qrcode.LUT.rsPoly_LUT[count], 0))
        else:
            poly = qrcode.base.Polynomial([1], 0)
            for i in range(count):
                poly = poly * qrcode.base.Polynomial([1, qrcode.base.gexp(i)], 0)
            generator = list(poly)
        glog, gexp = qrcode.base.glog, qrcode.base.gexp
        lead = glog(generator[0])
        products = [[0] * count] + [
            [gexp(glog(coefficient) + glog(factor) - lead) for coefficient in generator[1:]]
            for factor in range(1, 256)]
        _generator_products[count] = products
    return products


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

    def best_fit(self, start: int | None = None) -> int:
        # qrcode's own, with the bits counted in a _Bits: the smallest version the data fits
        if start is None:
            start = 1
        qrcode.util.check_version(start)
        mode_sizes = qrcode.util.mode_sizes_for_version(start)
        buffer = _Bits()
        for data in self.data_list:
            buffer.put(data.mode, 4)
            buffer.put(len(data), mode_sizes[data.mode])
            data.write(buffer)
        self.version = bisect_left(qrcode.util.BIT_LIMIT_TABLE[self.error_correction], len(buffer), start)
        if self.version == 41:
            raise qrcode.exceptions.DataOverflowError()
        # more bits for the lengths in a larger version: again from there
        if mode_sizes is not qrcode.util.mode_sizes_for_version(self.version):
            self.best_fit(start=self.version)
        return int(self.version)

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
            # what makeImpl makes and keeps for every drawing of the symbol (util.create_data's, made faster)
            data = self.data_cache = _create_data(self.version, self.error_correction, self.data_list)
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
