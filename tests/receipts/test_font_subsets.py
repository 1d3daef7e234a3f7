"""What a process keeps between receipts — the primed first font subset, the
subsets it built, the text it split — never shows on a receipt: each receipt
reads back its own text, and is the very PDF it would be if it were the
process's first."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from shopdesk.receipts import CustomerInfo, ReceiptLine, ShopHeader, build_batch, build_receipt
from shopdesk.receipts import fonts
from tests.receipts.test_receipts import SHOP, pages_text, render_pages, sample

ROOT = Path(__file__).resolve().parents[2]

# No logo: its form is named after the image object, which differs from process to process.
PLAIN_SHOP = replace(SHOP, logo_png=None)


def receipt_for(name: str, fault: str, **changes):
    changes = {"shop": PLAIN_SHOP, **changes}
    return sample(customer=CustomerInfo(name=name, company=f"{name}商贸"), fault=fault, signer=name, **changes)


def receipt_b():
    """Imported by the fresh process in ``test_a_receipt_built_after_others_is_the_pdf_it_would_be_first``."""
    return receipt_for("欧阳娜娜", "显影器漏粉，鼓组件划伤", order_number="R2026-000777",
                       lines=(ReceiptLine("part", "鼓组件（原装）", 1, 380_00),))


def font_programs(pdf: bytes) -> dict[str, bytes]:
    """Each embedded font subset's program, by its PDF name (AAAAAA+…, AAAAAB+…)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    programs = {}
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            programs[str(font["/BaseFont"])] = descriptor.get_object()["/FontFile2"].get_object().get_data()
    return programs


@pytest.fixture(autouse=True)
def _embedded_font():
    if not fonts.receipt_font().embedded:
        pytest.skip("no TrueType CJK font (install fonts-wqy-microhei)")


def test_receipts_built_one_after_another_each_show_their_own_text():
    first = receipt_for("王伟", "复印机频繁卡纸")
    second = receipt_for("于轩", "出纸有褶皱，定影辊异响")
    pdfs = [build_receipt(first, "a5"), build_receipt(second, "a5"), build_receipt(first, "a5")]
    texts = ["".join(pages_text(pdf)) for pdf in pdfs]
    for text, own, other in ((texts[0], first, second), (texts[1], second, first), (texts[2], first, second)):
        assert own.customer.name in text and own.fault in text and own.customer.company in text
        assert other.customer.name not in text and other.fault not in text
    assert pdfs[0] == pdfs[2]


def test_every_receipt_of_a_shop_embeds_the_same_first_subset_and_its_own_second():
    one = font_programs(build_receipt(receipt_for("王伟", "卡纸"), "a5"))
    other = font_programs(build_receipt(receipt_for("于轩", "漏粉"), "a5"))
    fixed = [name for name in one if name.startswith("/AAAAAA+")]
    data = [name for name in one if name.startswith("/AAAAAB+")]
    assert fixed and data
    assert one[fixed[0]] == other[fixed[0]]  # the labels and the shop's header: built once
    assert one[data[0]] != other[data[0]]  # 王伟 卡纸 and 于轩 漏粉


def test_a_receipt_built_after_others_is_the_pdf_it_would_be_first(tmp_path):
    """No glyph from an earlier receipt: byte for byte what a fresh process makes."""
    code = ("import sys; from shopdesk.receipts import build_receipt; "
            "from tests.receipts.test_font_subsets import receipt_b; "
            "sys.stdout.buffer.write(build_receipt(receipt_b(), 'a5'))")
    alone = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=True).stdout

    subsets = fonts_subset_cache()
    hits_before, misses_before = subsets.hits, subsets.misses
    for n, name in enumerate(["王伟", "陈师傅的客户", "Wang Wei", "司马光", "欧阳"]):
        build_receipt(receipt_for(name, "故障" * n, language="en" if n == 2 else "zh_CN"), "a5")
    build_batch([receipt_for("诸葛亮", "卡纸"), receipt_for("黄月英", "不通电")], "a5")
    after_others = build_receipt(receipt_b(), "a5")

    assert after_others == alone
    assert subsets.hits > hits_before and subsets.misses > misses_before  # subsets reused, and new ones made
    text = "".join(pages_text(after_others))
    assert "欧阳娜娜" in text and "显影器漏粉，鼓组件划伤" in text and "鼓组件（原装）" in text
    # And drawn: the same pixels as the fresh process's receipt.
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    warm.mkdir()
    cold.mkdir()
    assert [page.tobytes() for page in render_pages(after_others, warm)] == \
        [page.tobytes() for page in render_pages(alone, cold)]


def fonts_subset_cache() -> fonts.SubsetCache:
    from reportlab.pdfbase import pdfmetrics

    cache = pdfmetrics.getFont(fonts.receipt_font().name).face.makeSubset
    assert isinstance(cache, fonts.SubsetCache)
    return cache


def test_receipts_built_in_threads_are_those_built_one_by_one():
    names = ["王伟", "于轩", "欧阳娜娜", "司马光", "诸葛亮", "黄月英", "Wang Wei", "陈小春"]
    receipts = [receipt_for(name, f"{name}的复印机卡纸", order_number=f"R2026-{n:06d}",
                            shop=replace(PLAIN_SHOP, name=f"正方达{n % 3}号店"))
                for n, name in enumerate(names * 3)]
    one_by_one = [build_receipt(data, "a5") for data in receipts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda data: build_receipt(data, "a5"), receipts))
    assert together == one_by_one


def test_the_subset_cache_builds_each_subset_once_and_forgets_the_oldest():
    built = []

    def make(subset):
        built.append(tuple(subset))
        return bytes(subset)

    cache = fonts.SubsetCache(make, maxsize=2)
    assert cache([0, 65, 66]) == bytes([0, 65, 66])
    assert cache([0, 65, 66]) == bytes([0, 65, 66])
    assert built == [(0, 65, 66)]
    cache([0, 67])
    cache([0, 68])  # the third: the least recently used goes
    cache([0, 65, 66])
    assert built == [(0, 65, 66), (0, 67), (0, 68), (0, 65, 66)]
    assert (cache.hits, cache.misses) == (1, 4)


def test_the_subset_cache_builds_once_however_many_threads_ask():
    built = []
    gate = threading.Event()

    def slow_make(subset):
        gate.wait(0.2)
        built.append(1)
        return b"program"

    cache = fonts.SubsetCache(slow_make)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: cache([0, 1, 2]), range(8)))
    assert results == [b"program"] * 8
    assert built == [1]


def test_a_shop_header_too_long_for_one_subset_still_prints_whole():
    many = "".join(chr(0x4E00 + n * 7) for n in range(400))  # 400 different characters, past a subset's 256
    shop = ShopHeader(name="正方达", address=many[:200], terms=many[200:])
    pdf = build_receipt(receipt_for("王伟", "卡纸", shop=shop), "a4")
    text = "".join(pages_text(pdf))
    assert many[:200] in text and many[200:] in text and "王伟" in text
