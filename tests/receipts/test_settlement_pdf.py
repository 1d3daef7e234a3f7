"""The settlement statement as PDF (the figures read back, Chinese too, the font embedded) and as a workbook."""

import datetime as dt
import io

import openpyxl
import pypdf
import pytest

from shopdesk.receipts import fonts
from shopdesk.receipts.data import ShopHeader
from shopdesk.receipts.settlement import SettlementDocument, build_settlement_pdf, write_settlement_xlsx
from shopdesk.rules.settlement import Facts, Job, Rates, compute

SHOP = ShopHeader("正方达办公设备维修中心", "深圳市福田区华强北路 1001 号", "0755-8888 6666")


def statement(jobs=(Job("R0000012", 3, True, 12), Job("R0000015", 4, False, 0))):
    # 1 visit × ¥20 + 12 km × ¥0.80 = ¥29.60; cash held 80 + 60 − 10 = ¥130.00; balance −¥100.40
    return compute(Facts(jobs=jobs, collected=10000, collected_cash=6000, handed_in=1000, cash_held_before=8000),
                   Rates(per_visit=2000, per_km=80))


def document(**changes):
    fields = dict(shop=SHOP, technician="陈师傅", date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 31),
                  statement=statement(), approved="2026-11-23 09:00 老板", printed_at=dt.datetime(2026, 11, 23, 9, 5))
    fields.update(changes)
    return SettlementDocument(**fields)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_prints_every_figure_and_the_shop_header():
    text = pdf_text(build_settlement_pdf(document()))
    for expected in (
        "正方达办公设备维修中心", "0755-8888 6666", "技术员结算单", "陈师傅", "2026-10-01 – 2026-10-31",
        "已审批 Approved 2026-11-23 09:00 老板", "完成工单 Jobs done", "¥20.00", "¥9.60", "¥29.60", "¥100.00",
        "¥10.00", "¥130.00", "-¥100.40", "R0000012", "R0000015", "是 Yes", "否 No", "打印时间 Printed: 2026-11-23 09:05",
    ):
        assert expected in text, expected


def test_the_cjk_font_is_embedded():
    if not fonts.receipt_font().embedded:
        pytest.fail("no TrueType CJK font on this machine: install fonts-wqy-microhei")
    reader = pypdf.PdfReader(io.BytesIO(build_settlement_pdf(document())))
    descriptors = [font["/FontDescriptor"] for page in reader.pages
                   for font in (f.get_object() for f in page["/Resources"]["/Font"].values())
                   if "/FontDescriptor" in font]
    assert descriptors and all("/FontFile2" in d for d in descriptors)


def test_a_draft_in_english_without_jobs():
    doc = document(approved="", language="en", statement=statement(jobs=()), printed_at=None)
    text = pdf_text(build_settlement_pdf(doc))
    assert "Draft, not approved" in text and "No jobs done in this period" in text
    assert "技术员" not in text and "Printed" not in text
    with pytest.raises(ValueError):
        document(language="fr")


def test_text_a_person_typed_cannot_break_the_pdf():
    doc = document(technician="<b>王&伟</b>\x00\n😀", shop=ShopHeader("A & B <shop>", "", ""))
    text = pdf_text(build_settlement_pdf(doc))
    assert "<b>王&伟</b>" in text and "A & B <shop>" in text


def test_the_workbook_holds_the_figures_as_numbers(tmp_path):
    path = tmp_path / "statement.xlsx"
    write_settlement_xlsx(document(), path)
    sheet = openpyxl.load_workbook(path).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["技术员 Technician"][0] == "陈师傅"
    assert rows["完成工单 Jobs done"][0] == 2 and rows["里程（公里）Distance (km)"][0] == 12
    assert rows["补贴合计 Allowances"][0] == pytest.approx(29.6)
    assert rows["结算余额 Balance"][0] == pytest.approx(-100.4)
    assert rows["R0000012"][:3] == (3, "是 Yes", 12)
    assert rows["结算期间 Period"][:2] == (dt.datetime(2026, 10, 1), dt.datetime(2026, 10, 31))
