"""The seal's QR code: the eight masks scored at once (reports/qr_matrix.py) as `qrcode` scores each, and the
codewords made as `qrcode` makes them, so the mask chosen and every module printed are those of `qrcode`'s own
QRCode.make; what qrcode refuses is refused the same way."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest
import qrcode
import qrcode.util
from hypothesis import example, given, settings
from hypothesis import strategies as st
from qrcode.constants import ERROR_CORRECT_M

from evaluator_app.reports.qr_matrix import _create_data, mask_penalties, qr_matrix
from evaluator_app.reports.seal import qr_payload


def _theirs(payload: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return code


def _their_penalties(payload: str) -> list[int]:
    code = _theirs(payload)
    scores = []
    for mask in range(8):
        code.makeImpl(True, mask)
        scores.append(qrcode.util.lost_point(code.modules))
    return scores


SEALS = [qr_payload(number, hashlib.sha256(str(number).encode()).hexdigest()) for number in range(1, 41)]
# every size from the smallest symbol to beyond version 7 (which adds the version information areas)
SIZES = ["x", "x" * 40, "x" * 120, "x" * 300, "รายงาน 2569", "a" * 1200, "0123456789" * 30, "ABC DEF:" * 40]


@pytest.mark.parametrize("payload", [*SEALS[:12], *SIZES])
def test_every_mask_scores_as_qrcode_scores_it(payload: str):
    assert mask_penalties(payload) == _their_penalties(payload)


def test_the_seals_of_a_batch_print_the_same_modules():
    for payload in SEALS:
        assert qr_matrix(payload) == _theirs(payload).get_matrix()


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=400) | st.builds(qr_payload, st.integers(1, 10 ** 7),
                                                     st.text("0123456789abcdef", min_size=64, max_size=64)))
@example("x" * 2000)
def test_any_text_prints_the_same_modules_as_qrcode_make(payload: str):
    assert qr_matrix(payload) == _theirs(payload).get_matrix()


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_any_text_scores_each_mask_as_qrcode(payload: str):
    assert mask_penalties(payload) == _their_penalties(payload)


def _made(make: Callable[[Any], object], payload: bytes | str) -> object:
    try:
        return make(payload)
    except Exception as exc:  # what qrcode refuses, refused alike
        return f"{type(exc).__name__}: {exc}"


# zero bytes only (a block of them is refused by qrcode's division), too long for any version, digits only
@pytest.mark.parametrize("payload", ["\x00", "\x00" * 40, "\x00" * 200, "\x00" * 20 + "abc", "x" * 3000, "1" * 30])
def test_odd_payloads_print_or_fail_as_qrcode(payload: str):
    assert _made(qr_matrix, payload) == _made(lambda text: _theirs(text).get_matrix(), payload)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text("0123456789", max_size=300) | st.text("ABCDEFGH 0123456789$%*+-./:",
                                                                                 max_size=300),
       st.sampled_from([qrcode.constants.ERROR_CORRECT_L, ERROR_CORRECT_M, qrcode.constants.ERROR_CORRECT_Q,
                        qrcode.constants.ERROR_CORRECT_H]))
def test_the_codewords_are_qrcodes(payload: bytes | str, level: int):
    code = qrcode.QRCode(error_correction=level)
    code.add_data(payload)
    code.best_fit()
    assert _made(lambda _: _create_data(code.version, level, code.data_list), payload) == _made(
        lambda _: qrcode.util.create_data(code.version, level, code.data_list), payload)
