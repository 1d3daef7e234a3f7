"""Money at the edge: cents to "¥80.00" and what a person types back to cents."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.errors import ValidationError
from shopdesk.rules.money import MAX_CENTS, NotAnAmount, format_yuan, parse_yuan


@pytest.mark.parametrize(
    ("cents", "text"),
    [
        (8000, "¥80.00"), (0, "¥0.00"), (5, "¥0.05"), (128000, "¥1,280.00"), (123456789, "¥1,234,567.89"),
        (-500, "-¥5.00"),
    ],
)
def test_format_yuan(cents, text):
    assert format_yuan(cents) == text


@pytest.mark.parametrize("value", [80.0, "80", None, True, 1.5])
def test_format_yuan_takes_integer_cents_only(value):
    with pytest.raises(TypeError):
        format_yuan(value)


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("80", 8000), ("80.5", 8050), ("80.50", 8050), ("0.01", 1), ("¥80.00", 8000), ("￥80", 8000),
        (" 80 ", 8000), ("80元", 8000), ("1,280.00", 128000), ("¥1,234,567.89", 123456789),
        ("８０．５", 8050), ("８０", 8000), ("0", 0), ("007", 700),
    ],
)
def test_parse_yuan_accepts_what_people_type(text, cents):
    assert parse_yuan(text) == cents


@pytest.mark.parametrize(
    "text",
    [
        "80.555", "-5", "−5", "-0.01", "abc", "", " ", "80.", ".5", "1e3", "NaN", "1,28", "12,34,567", "8 0", "٣",
        "¥", "80$",
    ],
)
def test_parse_yuan_refuses_anything_else(text):
    with pytest.raises(ValueError):
        parse_yuan(text)


def test_refusals_are_messages_a_person_can_act_on():
    with pytest.raises(ValidationError) as caught:
        parse_yuan("80.555")
    assert "two decimals" in str(caught.value)
    with pytest.raises(NotAnAmount) as caught:
        parse_yuan("-5")
    assert "negative" in str(caught.value)


def test_absurd_amounts_are_refused():
    assert parse_yuan(format_yuan(MAX_CENTS)) == MAX_CENTS
    with pytest.raises(NotAnAmount):
        parse_yuan(str(MAX_CENTS))  # that many yuan is 100× more cents
    with pytest.raises(NotAnAmount):
        parse_yuan("9" * 40)


@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_what_is_printed_reads_back_as_the_same_cents(cents):
    assert parse_yuan(format_yuan(cents)) == cents


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_yuan_and_fen_typed_plainly(yuan, fen):
    assert parse_yuan(f"{yuan}.{fen:02d}") == yuan * 100 + fen
    assert parse_yuan(str(yuan)) == yuan * 100


@given(st.text(max_size=20))
def test_any_text_gives_cents_or_a_value_error(text):
    try:
        cents = parse_yuan(text)
    except ValueError:
        return
    assert isinstance(cents, int) and 0 <= cents <= MAX_CENTS
