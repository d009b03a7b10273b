"""parse_number's shortcut for plain ASCII numbers gives exactly what the general path gives (value, exponent,
refusal)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from evaluator_app.domain.numbers import NumberFormatError, parse_decimal
from evaluator_app.exchange.cells import NUMBER_LIMIT, CellError, _strip_words, parse_number


def _general(text: str) -> Decimal:
    """parse_number as it was before the shortcut."""
    try:
        value = parse_decimal(text)
    except NumberFormatError:
        value = parse_decimal(_strip_words(text, ("ร้อยละ",)))
    if abs(value) >= NUMBER_LIMIT:
        raise CellError("too large", "too large")
    return value


def _outcome(parse, text):
    try:
        value = parse(text)
    except (NumberFormatError, CellError) as exc:
        return ("refused", isinstance(exc, CellError) and not isinstance(exc, NumberFormatError))
    return ("value", value.as_tuple())


@given(st.text(alphabet="0123456789.+-, %๙๒\n\t", max_size=12) | st.decimals(allow_nan=False,
                                                                               allow_infinity=False).map(str))
def test_the_shortcut_equals_the_general_path(text):
    fast, general = _outcome(parse_number, text), _outcome(_general, text)
    if general[0] == "refused":
        assert fast[0] == "refused"
    else:
        assert fast == general
