"""The seal's QR code: the faster mask choice (reports/qr_matrix.py) prints every module as `qrcode` does."""

from __future__ import annotations

import hashlib

import pytest
import qrcode
import qrcode.util
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode.constants import ERROR_CORRECT_M

from evaluator_app.reports.qr_matrix import penalty, qr_matrix
from evaluator_app.reports.seal import qr_payload


def _theirs(payload: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return code


SEALS = [qr_payload(number, hashlib.sha256(str(number).encode()).hexdigest()) for number in range(1, 41)]


@pytest.mark.parametrize("payload", [*SEALS[:12], "x", "x" * 40, "x" * 300, "รายงาน 2569", "a" * 1200])
def test_every_mask_scores_as_qrcode_scores_it(payload: str):
    code = _theirs(payload)
    for mask in range(8):
        code.makeImpl(True, mask)
        assert penalty(code.modules) == qrcode.util.lost_point(code.modules)


def test_the_seals_of_a_batch_print_the_same_modules():
    for payload in SEALS:
        assert qr_matrix(payload) == _theirs(payload).get_matrix()


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_prints_the_same_modules(payload: str):
    assert qr_matrix(payload) == _theirs(payload).get_matrix()
