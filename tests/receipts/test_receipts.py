"""The intake slip and the repair receipt as PDF: what is printed, that it reads
back (Chinese too), that nothing a person types can break it, and that pages
are not blank."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from dataclasses import replace

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from reportlab.platypus import Paragraph

from shopdesk.receipts import (
    LABELS,
    LAYOUTS,
    CustomerInfo,
    DeviceInfo,
    ReceiptData,
    ReceiptLine,
    ShopHeader,
    Totals,
    build_batch,
    build_receipt,
)
from shopdesk.receipts import fonts
from shopdesk.receipts.layouts import styles_for
from shopdesk.receipts.text import Wrapped, cell, markup, wrap_fixed
from shopdesk.rules.money import format_yuan

LAYOUT_NAMES = tuple(LAYOUTS)


def _logo_png() -> bytes:
    image = Image.new("RGBA", (120, 60), (0, 0, 0, 0))
    image.paste((20, 90, 180, 255), (0, 0, 60, 60))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


SHOP = ShopHeader(
    name="正方达办公设备维修",
    address="深圳市福田区华强北路1002号",
    phone="0755-83216688",
    logo_png=_logo_png(),
    terms="取机请出示本单",
    repair_warranty_days=90,
)


def sample(kind: str = "repair", **changes) -> ReceiptData:
    """The copier repair from the brief's day at the shop, every field filled."""
    data = ReceiptData(
        shop=SHOP,
        order_number="R2026-000123",
        kind=kind,
        copy_for="customer" if kind == "intake" else "",
        customer=CustomerInfo(
            name="王伟", company="深圳正方达贸易", phone="13800138000", address="南山区科技园8栋"
        ),
        device=DeviceInfo(category="复印机", brand="Ricoh", model="MP2555SP", serial="E1234567890"),
        reported_at=dt.datetime(2026, 11, 23, 9, 2),
        resolved_at=dt.datetime(2026, 11, 23, 11, 30),
        contact="王小姐",
        fault="复印机频繁卡纸",
        accessories="电源线一根",
        condition="外壳有划痕",
        coverage="contract",
        coverage_reason="合同含人工不含配件",
        lines=(
            ReceiptLine("labour", "更换搓纸轮", 1, 120_00, covered=True),
            ReceiptLine("part", "搓纸轮", 2, 40_00),
            ReceiptLine("travel", "上门服务", 1, 50_00, covered=True),
            ReceiptLine("discount", "老客户优惠", 1, 5_00),
        ),
        totals=Totals(value=250_00, covered=170_00, charged=80_00, discount=5_00, tax=3_00,
                      to_pay=78_00, paid=50_00, balance=28_00),
        work_done="清洁进纸通道更换搓纸轮",
        technician="陈师傅",
        signer="王伟",
        language="zh_CN",
    )
    return replace(data, **changes)


def pages_text(pdf: bytes) -> list[str]:
    """Each page's extracted text, whitespace removed (wrapping may put a line break anywhere)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def render_pages(pdf: bytes, tmp_path, dpi: int = 50) -> list[Image.Image]:
    """The PDF's pages as images, drawn by poppler's pdftoppm."""
    source = tmp_path / "receipt.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / "page")], check=True)
    return [Image.open(path).convert("L") for path in sorted(tmp_path.glob("page*.png"))]


def ink(image: Image.Image) -> int:
    """How many pixels are not (near) white."""
    return sum(image.histogram()[:200])


# ---- what is printed ------------------------------------------------------------------------------------


def _common_fields(data: ReceiptData) -> list[str]:
    labels = LABELS[data.language]
    return [
        data.shop.name, data.shop.address, data.shop.phone, data.shop.terms, data.order_number,
        "2026-11-2309:02", data.customer.name, data.customer.company, data.customer.phone, data.customer.address,
        data.contact, data.device.category, data.device.brand, data.device.model, data.device.serial, data.fault,
        data.accessories, data.condition, labels["coverage.contract"], data.coverage_reason, data.technician,
    ]


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_the_repair_receipt_prints_every_field_and_amount(layout):
    data = sample("repair")
    text = "".join(pages_text(build_receipt(data, layout)))
    labels = LABELS["zh_CN"]
    expected = _common_fields(data) + [
        labels["title_repair"], "2026-11-2311:30", data.work_done, data.signer,
        labels["signature"], labels["date"], labels["covered_mark"],
        "90天",  # the repair-warranty terms with the shop's days
    ]
    expected += [line.description for line in data.lines] + [labels[f"line.{line.kind}"] for line in data.lines]
    expected += ["¥120.00", "¥40.00", "¥80.00", "¥50.00", "-¥5.00"]  # unit prices and line amounts
    t = data.totals
    amounts = (t.value, t.covered, t.charged, t.discount, t.tax, t.to_pay, t.paid, t.balance)
    expected += [format_yuan(amount) for amount in amounts]
    expected += [labels[k] for k in ("total_value", "total_covered", "total_charged", "total_discount", "total_tax",
                                     "total_to_pay", "total_paid", "total_balance")]
    missing = [field for field in expected if squeeze(field) not in text]
    assert not missing


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
@pytest.mark.parametrize("copy_for", ["customer", "technician"])
def test_the_intake_slip_prints_every_field_and_no_money(layout, copy_for):
    data = sample("intake", copy_for=copy_for)
    text = "".join(pages_text(build_receipt(data, layout)))
    labels = LABELS["zh_CN"]
    expected = _common_fields(data) + [labels["title_intake"], labels[f"copy_{copy_for}"], labels["date"]]
    missing = [field for field in expected if squeeze(field) not in text]
    assert not missing
    assert "¥" not in text
    assert squeeze(labels["title_repair"]) not in text
    # The customer keeps a copy signed by the shop; the shop keeps one the customer signed.
    who = "received_by" if copy_for == "customer" else "signature"
    assert squeeze(labels[who]) in text


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_an_english_receipt_has_english_labels_only(layout):
    data = sample("repair", language="en", customer=CustomerInfo(name="Wang Wei"), coverage_reason="")
    text = "".join(pages_text(build_receipt(data, layout)))
    for key in ("title_repair", "total_balance", "signature", "coverage.contract", "line.part"):
        assert squeeze(LABELS["en"][key]) in text
    assert "维修回执单" not in text
    assert "合计" not in text
    assert "WangWei" in text


def test_a_reprint_is_marked_copy_and_the_original_is_not():
    original = "".join(pages_text(build_receipt(sample(), "a5")))
    reprint = "".join(pages_text(build_receipt(sample(is_reprint=True), "a5")))
    mark = squeeze(LABELS["zh_CN"]["reprint"])
    assert mark not in original
    assert mark in reprint


def test_zero_discount_and_tax_are_left_out_but_what_is_due_never_is():
    data = sample(lines=(ReceiptLine("part", "搓纸轮", 1, 80_00),),
                  totals=Totals(value=80_00, charged=80_00, to_pay=80_00, paid=80_00, balance=0))
    text = "".join(pages_text(build_receipt(data, "a5")))
    labels = LABELS["zh_CN"]
    assert squeeze(labels["total_discount"]) not in text
    assert squeeze(labels["total_tax"]) not in text
    assert squeeze(labels["total_covered"]) not in text
    for key in ("total_value", "total_to_pay", "total_paid", "total_balance"):
        assert squeeze(labels[key]) in text
    assert "¥0.00" in text


def test_a_repair_without_warranty_days_prints_no_warranty_terms():
    data = sample(shop=replace(SHOP, repair_warranty_days=0))
    text = "".join(pages_text(build_receipt(data, "a5")))
    assert "维修保修" not in text


def test_the_font_is_embedded_so_any_pc_shows_the_chinese():
    assert fonts.receipt_font().embedded, "install fonts-wqy-microhei (scripts/setup does)"
    reader = pypdf.PdfReader(io.BytesIO(build_receipt(sample(), "a5")))
    page_fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    cjk = [font for font in page_fonts if "WenQuanYi" in font["/BaseFont"]]
    assert cjk and all("/FontFile2" in font["/FontDescriptor"] for font in cjk)


def test_the_same_receipt_gives_the_same_bytes():
    assert build_receipt(sample(), "a5") == build_receipt(sample(), "a5")


# ---- pages ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
@pytest.mark.parametrize("kind", ["intake", "repair"])
def test_pages_are_not_blank(layout, kind, tmp_path):
    pages = render_pages(build_receipt(sample(kind), layout), tmp_path)
    assert pages
    for page in pages:
        assert ink(page) > 0.02 * page.width * page.height


def test_the_blank_page_check_can_fail(tmp_path):
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    blank = canvas.Canvas(out)
    blank.showPage()
    blank.save()
    [page] = render_pages(out.getvalue(), tmp_path)
    assert ink(page) < 0.02 * page.width * page.height


def test_page_sizes():
    a4 = pypdf.PdfReader(io.BytesIO(build_receipt(sample(), "a4"))).pages[0].mediabox
    a5 = pypdf.PdfReader(io.BytesIO(build_receipt(sample(), "a5"))).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(a5.width)), round(float(a5.height))) == (420, 595)


def test_the_80mm_roll_is_one_page_as_long_as_its_content():
    def page(data):
        reader = pypdf.PdfReader(io.BytesIO(build_receipt(data, "80mm")))
        assert len(reader.pages) == 1
        return reader.pages[0].mediabox

    short, long = page(sample()), page(sample(work_done="更换搓纸轮并清洁。" * 200))
    assert round(float(short.width) / 72 * 25.4) == 80
    assert float(long.height) > float(short.height) + 500


@pytest.mark.parametrize("layout", ["a4", "a5"])
def test_long_notes_flow_onto_a_second_page_under_the_same_header(layout):
    notes = ("甲乙丙丁戊己庚辛壬癸" * 200)[:2000]  # characters printed nowhere else
    pages = pages_text(build_receipt(sample(work_done=notes), layout))
    assert len(pages) >= 2
    for text in pages:
        for header in (SHOP.name, "R2026-000123", squeeze(LABELS["zh_CN"]["title_repair"])):
            assert header in text
    assert "第2页" in pages[1]
    for char in "甲乙丙丁戊己庚辛壬癸":  # all of the notes, once: nothing cut off, nothing twice
        assert sum(text.count(char) for text in pages) == 200
    assert "¥78.00" in "".join(pages[1:])  # what follows the notes went on too


def test_a_batch_starts_each_receipt_on_its_own_page():
    numbers = [f"R2026-{n:06d}" for n in range(1, 6)]
    receipts = [sample("intake" if n % 2 else "repair", order_number=number) for n, number in enumerate(numbers)]
    receipts[2] = replace(receipts[2], kind="repair", work_done="很长的维修记录。" * 300)
    owners = []
    for text in pages_text(build_batch(receipts, "a5")):
        [owner] = [number for number in numbers if number in text]  # one receipt per page
        owners.append(owner)
    assert owners == sorted(owners)
    assert set(owners) == set(numbers)
    assert owners.count(numbers[2]) >= 2


def test_a_batch_of_rolls_gives_each_receipt_its_own_length():
    receipts = [sample(order_number="R1"), sample(order_number="R2", work_done="维修记录。" * 300)]
    reader = pypdf.PdfReader(io.BytesIO(build_batch(receipts, "80mm")))
    assert len(reader.pages) == 2
    assert float(reader.pages[1].mediabox.height) > float(reader.pages[0].mediabox.height)


# ---- what a person types cannot break it ---------------------------------------------------------------------

_NASTY = list("<>&\"'\x00\x07\x1b\n\r\t\x7f\x85\u2028\u200b\u202e\ufeff\ufffe\ud800\U0001F600\U0010FFFF王伟")
_characters = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from(_NASTY),
)
_texts = st.one_of(
    st.text(_characters, max_size=60),
    st.builds(lambda text, times: text * times, st.text(_characters, min_size=1, max_size=12), st.integers(20, 400)),
)
_lines = st.builds(
    ReceiptLine,
    kind=st.one_of(st.sampled_from(["labour", "part", "travel", "other", "discount"]), _texts),
    description=_texts,
    quantity=st.integers(0, 10_000),
    unit_price_cents=st.integers(-10**9, 10**12),
    covered=st.booleans(),
)
_receipts = st.builds(
    ReceiptData,
    shop=st.builds(ShopHeader, name=_texts, address=_texts, phone=_texts, terms=_texts,
                   logo_png=st.one_of(st.none(), st.just(_logo_png()), st.binary(max_size=40)),
                   repair_warranty_days=st.integers(0, 3650)),
    order_number=_texts,
    kind=st.sampled_from(["intake", "repair"]),
    customer=st.builds(CustomerInfo, name=_texts, company=_texts, phone=_texts, address=_texts),
    device=st.builds(DeviceInfo, category=_texts, brand=_texts, model=_texts, serial=_texts),
    copy_for=st.sampled_from(["", "customer", "technician"]),
    is_reprint=st.booleans(),
    reported_at=st.one_of(st.none(), st.datetimes(), st.dates()),
    resolved_at=st.one_of(st.none(), st.datetimes()),
    contact=_texts, fault=_texts, accessories=_texts, condition=_texts,
    coverage=st.one_of(st.sampled_from(["rental", "contract", "warranty", "repair_warranty", "paid"]), _texts),
    coverage_reason=_texts,
    lines=st.lists(_lines, max_size=4).map(tuple),
    totals=st.builds(Totals, *[st.integers(-10**9, 10**12)] * 8),
    work_done=_texts, technician=_texts, signer=_texts,
    language=st.sampled_from(["zh_CN", "en"]),
)


@given(data=_receipts, layout=st.sampled_from(LAYOUT_NAMES))
def test_any_text_in_any_field_gives_a_readable_pdf(data, layout):
    pdf = build_receipt(data, layout)
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    assert len(reader.pages) >= 1
    reader.pages[0].extract_text()


def test_emoji_and_markup_print_around_them():
    data = sample(customer=CustomerInfo(name="王<b>伟</b> & 😀 Co"), fault="a < b && c > d\x07\x00")
    text = "".join(pages_text(build_receipt(data, "a5")))
    assert "王<b>伟</b>&" in text
    assert "a<b&&c>d" in text


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_a_very_long_word_wraps_inside_the_page(layout, tmp_path):
    word = "X" * 400
    pdf = build_receipt(sample(fault=word, customer=CustomerInfo(name="Y" * 250)), layout)
    assert word in "".join(pages_text(pdf))
    # Nothing drawn in the right margin: the word wrapped instead of running off the page.
    for page in render_pages(pdf, tmp_path, dpi=72):
        margin = round(LAYOUTS[layout].margin) - 2
        strip = page.crop((page.width - margin, 0, page.width, page.height))
        assert ink(strip) == 0


def test_a_broken_logo_does_not_stop_printing():
    pdf = build_receipt(sample(shop=replace(SHOP, logo_png=b"not a png")), "a5")
    assert SHOP.name in pages_text(pdf)[0]


def test_without_a_truetype_cjk_font_receipts_fall_back_to_the_cid_font(monkeypatch):
    monkeypatch.setattr(fonts, "_candidates", lambda: iter(()))
    monkeypatch.setattr(fonts, "_font", None)
    font = fonts.receipt_font()
    assert (font.name, font.embedded) == (fonts.FALLBACK_CID_FONT, False)
    text = "".join(pages_text(build_receipt(sample(customer=CustomerInfo(name="王伟 😀")), "a5")))
    assert "王伟" in text and "R2026-000123" in text


# ---- pieces -------------------------------------------------------------------------------------------


def test_both_languages_have_every_label():
    assert set(LABELS["zh_CN"]) == set(LABELS["en"])


def test_fixed_sentences_wrap_within_the_width_and_never_start_a_line_with_a_stop():
    text = LABELS["zh_CN"]["warranty_terms"].format(days=90)
    lines = wrap_fixed(text, fonts.receipt_font().name, 7, 150)
    assert len(lines) > 2
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert not any(line.startswith(("，", "。", "：")) for line in lines)


_cell_texts = st.text(
    st.one_of(st.sampled_from(list("王伟复印机卡纸，。：；（）《》、“” \u3000abcXYZ-/0123456789.\"'")),
              st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)),
    min_size=1, max_size=160,
)


@given(text=_cell_texts, width=st.floats(15, 300))
def test_a_wrapped_cell_breaks_its_lines_where_a_paragraph_would(text, width):
    style = styles_for(LAYOUTS["a5"], fonts.receipt_font().name).cell
    paragraph = Paragraph(markup(text), style)
    _, height = paragraph.wrap(width, 100_000)
    wrapped = Wrapped(text, style)
    assert wrapped.wrap(width, 100_000) == (width, height)
    assert wrapped.lines == [" ".join(words) for _, words in paragraph.blPara.lines]


def test_a_cell_with_markup_characters_or_a_non_breaking_space_wraps_as_a_paragraph():
    style = styles_for(LAYOUTS["a5"], fonts.receipt_font().name).cell
    assert isinstance(cell("很长的故障描述" * 5, style, 40), Wrapped)
    for text in ("A&B 很长的故障描述" * 5, "a<b 很长的故障描述" * 5, "a>b 很长的故障描述" * 5, "很长的\xa0故障描述" * 5):
        assert isinstance(cell(text, style, 40), Paragraph)


def test_unknown_layout_kind_or_empty_batch_are_refused():
    with pytest.raises(ValueError):
        build_receipt(sample(), "letter")
    with pytest.raises(ValueError):
        build_batch([], "a5")
    with pytest.raises(ValueError):
        sample(kind="invoice")
    with pytest.raises(ValueError):
        sample(copy_for="manager")
