"""Finding a customer the way the front desk types: rules without a database.

A customer row carries two compact columns that search reads:

- ``search_text``: lower-case words of the name, company, contact person and
  address, plus the full pinyin and the pinyin initials of the name, company
  and contact (王伟 → ``王伟 wangwei ww``), so ``ww``, ``wangwei`` and ``zfd``
  (a substring of the initials ``szzfdmy``) all find their customer.
- ``phone_digits``: the digits of every phone, space separated, so a phone
  fragment typed with spaces, dashes or full-width digits matches.

``parse(text)`` turns what was typed into a ``Query``; ``rank`` orders the
candidates the database returned: exact number/phone first, then the name
itself, then prefixes, then anything containing the words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP

PHONE = "phone"
CUSTOMER_NUMBER = "customer_number"
CODE = "code"  # an order number or a device serial
TEXT = "text"

# Ranks, best first.
EXACT = 0  # the customer number, an order number, a serial or a whole phone
NAME = 1  # the name or company exactly
PREFIX = 2  # a number, serial or phone beginning with the query
WORD = 3  # whole words (or their pinyin / initials: ww is 王伟's)
WORD_PREFIX = 4  # words beginning with the query (wwm, wang)
CONTAINS = 5  # the words appear somewhere (zfd in szzfdmy)

# How numbers are written: customers C000123, repair orders R0000123.
CUSTOMER_PREFIX, CUSTOMER_NUMBER_DIGITS = "C", 6
ORDER_PREFIX, ORDER_NUMBER_DIGITS = "R", 7
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc"
_DASH_CLASS = re.escape(_DASHES)
_BETWEEN_DIGITS = re.compile(rf"(?<=\d)[\s{_DASH_CLASS}().]+(?=\d)")
_PHONE_CHARS = re.compile(rf"[\d\s{_DASH_CLASS}()+.]+")
_CUSTOMER_NUMBER = re.compile(r"c\d{1,9}")
_CODE = re.compile(r"[a-z0-9][a-z0-9\-/]*")

# Surnames read differently from the same character elsewhere (曾 is zēng as a
# name, céng in 曾经). Names get both readings so either typing habit finds them.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
    "乐": "yue", "覃": "qin", "员": "yun", "缪": "miao", "翟": "zhai", "盖": "ge", "召": "shao",
    "繁": "po", "种": "chong", "宓": "mi", "秘": "bi", "冼": "xian", "折": "she", "句": "gou",
    "重": "chong", "长": "chang", "沈": "shen", "柏": "bai", "薄": "bo",
}


def fold(text: str) -> str:
    """Full-width → half-width (NFKC) and lower case: how both sides are compared."""
    text = text or ""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def normalise(text: str) -> str:
    """What a person typed, ready to compare: NFKC, lower case, single spaces,
    and digit runs joined across spaces and dashes ("138 0013-8000" → "13800138000")."""
    folded = fold(text).strip()
    folded = _BETWEEN_DIGITS.sub("", folded)
    return " ".join(folded.split())


def digits_of(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text or "") if ch.isdigit() and ch.isascii())


def phone_digits(*phones: str) -> str:
    """The digits of each phone, space separated (empty phones left out)."""
    found = [digits_of(phone) for phone in phones]
    unique = []
    for digits in found:
        if digits and digits not in unique:
            unique.append(digits)
    return " ".join(unique)


def serial_key(serial: str) -> str:
    """A serial as search compares it: half-width, upper case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", serial or "").upper().split())


def code_of(text: str) -> str:
    """Typed text as a customer/order number or serial: upper case, no spaces."""
    return serial_key(text)


def classify(query: str) -> str:
    """What a normalised query looks like: phone digits, a customer number, an
    order number or serial (letters and digits, no spaces), or text."""
    if not query:
        return TEXT
    if _PHONE_CHARS.fullmatch(query) and digits_of(query):
        return PHONE
    if _CUSTOMER_NUMBER.fullmatch(query):
        return CUSTOMER_NUMBER
    if _CODE.fullmatch(query) and any(ch.isdigit() for ch in query):
        return CODE
    return TEXT


@dataclass(frozen=True)
class Query:
    typed: str  # NFKC, stripped, case kept: for the indexed name prefix
    text: str  # normalised
    kind: str
    terms: tuple[str, ...]  # words that must all appear in search_text
    digits: str  # the digits, for a phone-like query
    code: str  # upper case, no spaces: numbers and serials

    @property
    def empty(self) -> bool:
        return not self.text

    def customer_numbers(self) -> list[str]:
        """Customer numbers this query names exactly ("c12" → C000012)."""
        if self.kind != CUSTOMER_NUMBER:
            return []
        return sorted({self.code, CUSTOMER_PREFIX + self.code[1:].zfill(CUSTOMER_NUMBER_DIGITS)})

    def order_numbers(self) -> list[str]:
        """Order numbers this query names exactly ("r123" → R0000123)."""
        if self.kind != CODE:
            return []
        rest = self.code[len(ORDER_PREFIX):]
        if self.code.startswith(ORDER_PREFIX) and rest.isdigit():
            return sorted({self.code, ORDER_PREFIX + rest.zfill(ORDER_NUMBER_DIGITS)})
        return [self.code]


def parse(text: str) -> Query:
    typed = " ".join(unicodedata.normalize("NFKC", text or "").split())
    normal = normalise(text)
    kind = classify(normal)
    digits = _national(digits_of(normal), normal) if kind == PHONE else ""
    terms = (digits,) if kind == PHONE else tuple(dict.fromkeys(normal.split()))
    return Query(typed=typed, text=normal, kind=kind, terms=terms, digits=digits, code=code_of(normal))


def _national(digits: str, typed: str) -> str:
    """Drop the country code of a Chinese number typed with it (+86 138…)."""
    if typed.startswith("+86") or (len(digits) == 13 and digits.startswith("86")):
        return digits[2:]
    if digits.startswith("0086"):
        return digits[4:]
    return digits


def _pinyin(text: str) -> tuple[list[str], list[str]]:
    from pypinyin import Style, lazy_pinyin  # loaded on first use: it takes ~0.5 s

    return lazy_pinyin(text, errors="default"), lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def pinyin_forms(text: str, person: bool = False) -> list[str]:
    """Full pinyin and initials, joined ("深圳正方达贸易" → shenzhenzhengfangdamaoyi, szzfdmy).

    For a person's name the surname's name-reading is added when it differs.
    """
    text = fold(text)
    if not _has_han(text):
        return []
    full, initials = _pinyin(text)
    forms = ["".join(full).replace(" ", ""), "".join(initials).replace(" ", "")]
    if person and text[0] in SURNAME_READINGS and full and full[0] != SURNAME_READINGS[text[0]]:
        surname = SURNAME_READINGS[text[0]]
        forms.append(surname + "".join(full[1:]).replace(" ", ""))
        forms.append(surname[0] + "".join(initials[1:]).replace(" ", ""))
    return forms


SECTION_BREAK = "\t"  # between name, company, contact and address in search_text


def search_text(name: str, company: str = "", contact: str = "", address: str = "") -> str:
    """The compact text search matches against: lower-case words, and the pinyin
    of name, company and contact, in four tab-separated sections (so ranking
    can prefer a match in the name).

    Every word has a space before and after it: " ww" finds the words that
    begin with ww, and the index sees a word's last two characters as the
    start of a trigram ("号楼 "), so two-character queries can use it.
    """
    sections = []
    for value, person in ((name, True), (company, False), (contact, True)):
        folded = fold(value).split()
        words = [*folded, "".join(folded) if len(folded) > 1 else "", *pinyin_forms(value, person=person)]
        sections.append(" ".join(dict.fromkeys(w for w in words if w)))
    sections.append(" ".join(dict.fromkeys(fold(address).split())))
    return " " + f" {SECTION_BREAK} ".join(sections) + " "


@dataclass(frozen=True)
class Candidate:
    """One customer the database returned, with what the index lookups found."""

    name: str
    company: str
    number: str
    search_text: str
    phone_digits: str
    serials: tuple[str, ...] = ()  # serial keys found by the index lookup
    order_numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    rank: int
    via: str  # "order" | "serial" | "number" | "phone" | "name" | "text"
    detail: str = ""  # the order number, serial or phone that matched
    section: int = 0  # text: 0 name, 1 company, 2 contact, 3 address, 4 across them

    @property
    def order_key(self) -> tuple[int, int, int]:
        return self.rank, self.section, _VIA_ORDER.index(self.via)


_VIA_ORDER = ("order", "serial", "number", "phone", "name", "text")


def match(query: Query, candidate: Candidate) -> Match | None:
    """How well ``candidate`` answers ``query`` (best rank, and what matched); None if not at all."""
    found = [m for m in (*_code_matches(query, candidate), _phone_match(query, candidate), _text_match(query, candidate)) if m]
    if not found:
        return None
    return min(found, key=lambda m: m.order_key)


def rank(query: Query, candidate: Candidate) -> int | None:
    found = match(query, candidate)
    return found.rank if found else None


def _code_matches(query: Query, candidate: Candidate) -> list[Match]:
    code = query.code
    if not code:
        return []
    # Serials and order numbers are here only when an index lookup found them;
    # the customer number counts only for a query that looks like one ("c12").
    sources = [("order", n) for n in candidate.order_numbers] + [("serial", s) for s in candidate.serials]
    if query.kind == CUSTOMER_NUMBER:
        sources.append(("number", candidate.number))
    exact = {*query.customer_numbers(), *query.order_numbers(), code}
    found = []
    for via, value in sources:
        if value in exact:
            found.append(Match(EXACT, via, value))
        elif value.startswith(code):
            found.append(Match(PREFIX, via, value))
    return found


def _phone_match(query: Query, candidate: Candidate) -> Match | None:
    digits = query.digits
    if query.kind != PHONE or not digits:
        return None
    for rank_, test in ((EXACT, str.__eq__), (PREFIX, str.startswith), (CONTAINS, str.__contains__)):
        for phone in candidate.phone_digits.split():
            if test(phone, digits):
                return Match(rank_, "phone", phone)
    return None


def _text_match(query: Query, candidate: Candidate) -> Match | None:
    text = query.text
    if not text or query.kind in (PHONE, CUSTOMER_NUMBER):
        return None
    for section, value in ((0, candidate.name), (1, candidate.company)):
        if len(value.strip()) == len(text) and fold(value).strip() == text:
            return Match(NAME, "name", section=section)
    # Every word has a space before it: " " + term finds a word beginning with it.
    sections = candidate.search_text.split(SECTION_BREAK)
    found = [_words_match(query.terms, sections)]
    if len(query.terms) > 1:  # "wang wei" is also wangwei
        found.append(_words_match(("".join(query.terms),), sections))
    found = [m for m in found if m]
    return min(found, key=lambda m: m.order_key) if found else None


def _words_match(terms: tuple[str, ...], sections: list[str]) -> Match | None:
    everything = "".join(sections)
    if not all(term in everything for term in terms):
        return None
    starts = [" " + term for term in terms]
    for rank_, wanted in ((WORD, [start + " " for start in starts]), (WORD_PREFIX, starts)):
        for index, section in enumerate(sections):
            if all(w in section for w in wanted):
                return Match(rank_, "text", section=index)
    for index, section in enumerate(sections):
        if all(term in section for term in terms):
            return Match(CONTAINS, "text", section=index)
    across = len(sections)
    return Match(WORD_PREFIX if all(start in everything for start in starts) else CONTAINS, "text", section=across)


# -- what the desk types into a customer file ---------------------------------

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{9,11}")  # area code (3–4 digits, from 0) + 7–8 digits
_SERVICE_LINE = re.compile(r"[48]00\d{7}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE_INPUT = re.compile(r"\+?[\d\s()\-.]+")


def check_phone(text: str, field: str = "phone") -> str:
    """A phone as the shop writes it, or ValidationError.

    Accepts a mobile (11 digits from 1), a landline with its area code
    (0755-12345678, (010) 1234 5678), a 400/800 line; spaces, dashes and
    full-width digits allowed, a leading +86 dropped. Returns "13800138000",
    "0755-12345678" or "400-123-4567". Empty text stays empty.
    """
    raw = unicodedata.normalize("NFKC", text or "").strip()
    raw = raw.translate({ord(d): "-" for d in _DASHES})
    if not raw:
        return ""
    if not _PHONE_INPUT.fullmatch(raw):
        raise _bad_phone(text, field)
    if raw.startswith("+") and not raw.startswith("+86"):
        raise _bad_phone(text, field)
    digits = _national(digits_of(raw), raw)
    if _MOBILE.fullmatch(digits):
        return digits
    if _SERVICE_LINE.fullmatch(digits):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if _LANDLINE.fullmatch(digits):
        area = 3 if digits[1] in "12" else 4
        local = digits[area:]
        if 7 <= len(local) <= 8:
            return f"{digits[:area]}-{local}"
    if len(digits) in (7, 8) and not digits.startswith("0"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Add the area code to the phone {phone} (e.g. 0755-12345678)."),
            field=field, phone=text.strip(),
        )
    raise _bad_phone(text, field)


def _bad_phone(text: str, field: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Errors", "{phone} is not a phone number: use a mobile (11 digits) or a landline with its area code."),
        field=field, phone=(text or "").strip(),
    )


def check_email(text: str, field: str = "email") -> str:
    """An e-mail address (stripped), empty if none; ValidationError if malformed."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if value and not _EMAIL.fullmatch(value):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{email} is not an e-mail address."), field=field, email=value)
    return value
