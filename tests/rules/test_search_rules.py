"""How typed text becomes a query, what customers' search columns hold, ranking, phone and e-mail checks."""

import pytest

from shopdesk.errors import ValidationError
from shopdesk.rules.search import (
    CODE, CONTAINS, CUSTOMER_NUMBER, EXACT, NAME, PHONE, PREFIX, TEXT, WORD, WORD_PREFIX, Candidate, check_email,
    check_phone, classify, match, normalise, parse, phone_digits, rank, search_text, serial_key,
)


@pytest.mark.parametrize("typed, normal", [
    ("  王伟 ", "王伟"),
    ("WangWei", "wangwei"),
    ("ＺＦＤ", "zfd"),
    ("138 0013", "1380013"),
    ("138-0013-8000", "13800138000"),
    ("１３８－００１３", "1380013"),
    ("0755 — 8345 6789", "075583456789"),
    ("wang   wei", "wang wei"),
    ("3号楼 201", "3号楼 201"),
])
def test_normalise(typed, normal):
    assert normalise(typed) == normal


@pytest.mark.parametrize("typed, kind", [
    ("1380013", PHONE), ("138 0013", PHONE), ("１３８００１３", PHONE), ("+86 138 0013 8000", PHONE), ("13", PHONE),
    ("c12", CUSTOMER_NUMBER), ("C000123", CUSTOMER_NUMBER),
    ("e1234567", CODE), ("R0000001", CODE), ("MP2555-01", CODE),
    ("王伟", TEXT), ("ww", TEXT), ("zfd", TEXT), ("wang wei", TEXT), ("", TEXT),
])
def test_classify(typed, kind):
    assert classify(normalise(typed)) == kind


def test_a_phone_typed_with_the_country_code_matches_the_national_number():
    assert parse("+86 138 0013 8000").digits == "13800138000"
    assert parse("0086 13800138000").digits == "13800138000"


def test_numbers_typed_short_name_the_padded_number():
    assert "C000012" in parse("c12").customer_numbers()
    assert "R0000123" in parse("r123").order_numbers()
    assert parse("王伟").customer_numbers() == [] and parse("王伟").order_numbers() == []


def test_search_text_holds_pinyin_and_initials_of_name_company_and_contact():
    text = search_text("王伟", "深圳正方达贸易", "李娜", "深圳市福田区 3号楼")
    words = text.split()
    for word in ("王伟", "wangwei", "ww", "深圳正方达贸易", "shenzhenzhengfangdamaoyi", "szzfdmy", "李娜", "lina", "ln",
                 "深圳市福田区", "3号楼"):
        assert word in words
    assert "zfd" in "szzfdmy"
    assert text.endswith(" ")  # the last two characters start a trigram for the index


def test_search_text_of_latin_names_is_lower_case_and_joined():
    words = search_text("John SMITH", "ACME Ltd").split()
    assert {"john", "smith", "johnsmith", "acme", "ltd", "acmeltd"} <= set(words)


def test_a_surname_read_differently_as_a_name_gets_both_readings():
    words = search_text("曾小明").split()
    assert "zengxiaoming" in words and "zxm" in words
    assert "cengxiaoming" in words  # how the character reads elsewhere: some staff type that


def test_phone_digits_keeps_each_phone_once():
    assert phone_digits("138 0013 8000", "0755-83456789", "", "13800138000") == "13800138000 075583456789"


def test_serial_key_is_upper_case_without_spaces():
    assert serial_key(" e12 345ａ ") == "E12345A"


def _candidate(**kw):
    values = dict(name="王伟", company="深圳正方达贸易", number="C000001",
                  search_text=search_text("王伟", "深圳正方达贸易", "", "深圳市福田区"),
                  phone_digits=phone_digits("13800138000", "0755-83456789"))
    values.update(kw)
    return Candidate(**values)


@pytest.mark.parametrize("typed, expected", [
    ("13800138000", EXACT), ("138 0013", PREFIX), ("0013 8000", CONTAINS), ("8345-6789", CONTAINS),
    ("王伟", NAME), ("深圳正方达贸易", NAME), ("ww", WORD), ("wangwei", WORD), ("wang", WORD_PREFIX),
    ("szz", WORD_PREFIX), ("zfd", CONTAINS), ("正方达", CONTAINS), ("福田", CONTAINS), ("WANG WEI", WORD),
    ("c1", EXACT), ("C000001", EXACT), ("c00000", PREFIX),
])
def test_rank(typed, expected):
    assert rank(parse(typed), _candidate()) == expected


@pytest.mark.parametrize("typed", ["李娜", "13900001111", "xyz", "c2", "wang li"])
def test_no_match(typed):
    assert rank(parse(typed), _candidate()) is None


def test_serials_and_order_numbers_count_only_when_the_index_found_them():
    found = _candidate(serials=("E1234567",), order_numbers=("R0000123",))
    assert match(parse("e1234567"), found).via == "serial" and match(parse("e1234567"), found).rank == EXACT
    assert match(parse("E123"), found).rank == PREFIX
    assert match(parse("r123"), found).via == "order" and match(parse("r123"), found).detail == "R0000123"
    assert rank(parse("e1234567"), _candidate()) is None


def test_a_match_in_the_name_sorts_before_one_in_the_contact():
    as_name = match(parse("wangwei"), _candidate())
    as_contact = match(parse("wangwei"), _candidate(name="深圳正方达", search_text=search_text("深圳正方达", "", "王伟")))
    assert as_name.rank == as_contact.rank == WORD
    assert as_name.order_key < as_contact.order_key


def test_exact_phone_beats_name():
    assert match(parse("13800138000"), _candidate()).order_key < match(parse("王伟"), _candidate()).order_key


@pytest.mark.parametrize("typed, stored", [
    ("13800138000", "13800138000"),
    ("138 0013 8000", "13800138000"),
    ("１３８－００１３－８０００", "13800138000"),
    ("+86 138 0013 8000", "13800138000"),
    ("0755-83456789", "0755-83456789"),
    ("(010) 8765 4321", "010-87654321"),
    ("0755 8345678", "0755-8345678"),
    ("400-123-4567", "400-123-4567"),
    ("", ""),
])
def test_check_phone_accepts_and_normalises(typed, stored):
    assert check_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "1380013800", "23800138000", "abc", "138001380001", "+1 415 555 0100", "0755-123"])
def test_check_phone_refuses(typed):
    with pytest.raises(ValidationError) as caught:
        check_phone(typed, field="phone2")
    assert caught.value.field == "phone2"


def test_a_local_number_without_area_code_is_asked_for_it():
    with pytest.raises(ValidationError) as caught:
        check_phone("83456789")
    assert "area code" in str(caught.value)


@pytest.mark.parametrize("typed, ok", [
    ("wang@example.com", True), (" li.na@163.com ", True), ("", True),
    ("wang@", False), ("wang example.com", False), ("@example.com", False), ("a@b", False),
])
def test_check_email(typed, ok):
    if ok:
        assert check_email(typed) == typed.strip()
    else:
        with pytest.raises(ValidationError):
            check_email(typed)
