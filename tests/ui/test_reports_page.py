"""The Reports area: Today's numbers open their lists; the week and the month in tables
and charts (drawn, in English and Chinese); the period picker, the filters, the exports."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from shopdesk.rules import reports as periods
from shopdesk.services import reports as service
from shopdesk.ui.app import install_translation
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.reports.figure_list import FigureListDialog, FigureListModel
from shopdesk.ui.reports.page import MONTH, TODAY, WEEK, ReportsPage
from tests.services.test_reports import build_shop


@pytest.fixture
def shop(db, clock, owner):
    """The small shop the service tests counted every figure from."""
    return build_shop(clock, owner)


@pytest.fixture
def reports_window(qtbot, db_url, clock):
    def make(actor):
        ctx = AppContext(db_url, clock, actor)
        ctx.tasks.synchronous = True
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        return window

    return make


@pytest.fixture
def reports_chinese(qapp):
    translators = install_translation(qapp, "zh_CN")
    yield
    for t in translators:
        qapp.removeTranslator(t)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def inked_share(image: QImage) -> float:
    """The share of pixels that differ from the background (the corner's colour)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    background = image.pixel(1, 1)
    step = 3
    samples = inked = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            samples += 1
            inked += image.pixel(x, y) != background
    return inked / samples


# -- Today ------------------------------------------------------------------------------------

def test_the_owner_starts_on_todays_figures(shop, reports_window):
    window = reports_window(shop.owner)
    assert window.current_area_key() == "reports"
    page = window.pages["reports"]
    assert page.current_key() == TODAY and not page.controls.isVisible()
    tiles = page.today_tab.tiles
    assert tiles["late_dispatch"].number.text() == "1"
    assert tiles["open_total"].number.text() == "11"
    assert tiles["state:ready_for_pickup"].number.text() == "2"
    assert tiles["calls_due"].number.text() == "5" and "2" in tiles["calls_due"].detail.text()
    assert "2026-11-23" in page.today_tab.heading.text()


def test_a_team_lead_does_not_start_on_reports_and_the_front_desk_has_none(shop, reports_window):
    lead = reports_window(shop.lead)
    assert lead.current_area_key() != "reports" and "reports" in [a.key for a in lead.areas]
    desk = reports_window(shop.desk)
    assert "reports" not in [a.key for a in desk.areas]


def test_clicking_a_late_number_opens_the_board_on_those_orders(shop, reports_window, qtbot):
    window = reports_window(shop.owner)
    click(qtbot, window.pages["reports"].today_tab.tiles["late_dispatch"])
    assert window.current_area_key() == "orders"
    orders_page = window.pages["orders"]
    assert orders_page.tabs.currentWidget() is orders_page.board_tab
    chosen = orders_page.filters()
    assert chosen.states == ("new",) and chosen.overdue_only and not chosen.unclaimed_only
    assert orders_page.model.total == 1
    assert orders_page.model.row_at(0).number == shop.o14.number


def test_every_board_number_matches_the_board_it_opens(shop, reports_window, qtbot):
    window = reports_window(shop.owner)
    tiles = window.pages["reports"].today_tab.tiles
    for key in ("unclaimed", "waiting_redispatch", "state:appointment_set", "open_total", "late_assign"):
        window.show_area("reports")
        click(qtbot, tiles[key])
        assert window.current_area_key() == "orders", key
        assert window.pages["orders"].model.total == tiles[key].value, key


def test_clicking_calls_due_opens_the_follow_up_list(shop, reports_window, qtbot):
    window = reports_window(shop.owner)
    click(qtbot, window.pages["reports"].today_tab.tiles["calls_due"])
    assert window.current_area_key() == "followups"
    followups = window.pages["followups"]
    assert followups.tabs.currentWidget() is followups.queue
    assert followups.queue.model.total == 5


def test_todays_appointments_open_a_list_and_a_line_opens_the_order(shop, reports_window, qtbot):
    window = reports_window(shop.owner)
    page = window.pages["reports"]
    click(qtbot, page.today_tab.tiles["appointments_today"])
    dialog = page.dialogs[-1]
    assert isinstance(dialog, FigureListDialog) and dialog.isVisible()
    numbers = [dialog.model.data(dialog.model.index(r, 0)) for r in range(dialog.model.rowCount())]
    assert numbers == [shop.o19.number, shop.o17.number, shop.o18.number]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.current_area_key() == "orders"
    assert shop.o17.id in window.pages["orders"].order_dialogs


def test_complaints_past_24_hours_open_the_complaint(shop, reports_window, qtbot):
    window = reports_window(shop.owner)
    page = window.pages["reports"]
    click(qtbot, page.today_tab.tiles["complaints_overdue"])
    dialog = page.dialogs[-1]
    assert dialog.model.rowCount() == 1
    dialog.open_row(0)
    followups = window.pages["followups"]
    assert followups.tabs.currentWidget() is followups.complaints
    assert followups.complaints.form.complaint.id == shop.late_complaint.id


def test_the_figure_list_model_is_a_proper_model(shop, qtmodeltester):
    found = service.figure_list(shop.owner, "appointments_today")
    model = FigureListModel(lambda offset, limit: service.figure_list(shop.owner, "appointments_today",
                                                                      offset=offset, limit=limit),
                            "Asia/Shanghai", "Appointment")
    model.show_first(found)
    qtmodeltester.check(model)


# -- the week and the month ----------------------------------------------------------------------

def open_tab(window, key):
    page = window.pages["reports"]
    page.show_tab(key)
    QApplication.processEvents()
    return page


def table_rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_week_review_opens_on_last_week(shop, reports_window):
    page = open_tab(reports_window(shop.owner), WEEK)
    assert page.controls.isVisible()
    assert page.period_bar.period() == periods.week_period(dt.date(2026, 11, 16))
    work = table_rows(page.review_tab.blocks["techWork"].table)
    assert work == [["李师傅", "3", "0", "0", "1 d 2 h"], ["陈师傅", "1", "1", "1", "2 h 30 min"],
                    ["All", "4", "1", "1", "1 d 2 h"]]
    calls = table_rows(page.review_tab.blocks["techCalls"].table)
    assert calls[-1] == ["All", "2", "50.0 %", "3.67", "4.25", "4.00", "4.67", "4.15"]


def test_the_period_picker_steps_and_switches_kind(shop, reports_window, qtbot):
    page = open_tab(reports_window(shop.owner), WEEK)
    click(qtbot, page.period_bar.back)
    assert page.periods[WEEK] == periods.week_period(dt.date(2026, 11, 9))
    page.period_bar.kind.setCurrentIndex(page.period_bar.kind.findData(periods.CUSTOM))
    assert page.periods[WEEK].kind == periods.CUSTOM and page.period_bar.last.isVisible()
    page.period_bar.last.setDate(page.period_bar.first.date().addDays(-1))
    assert "ends before it begins" in page.status.text()
    page.period_bar.kind.setCurrentIndex(page.period_bar.kind.findData(periods.DAY))
    assert page.periods[WEEK].days == 1


def test_a_technician_filter_narrows_the_review(shop, reports_window):
    page = open_tab(reports_window(shop.owner), WEEK)
    box = page.filter_bar.technician
    box.setCurrentIndex(box.findData(shop.li.staff.id))
    assert [row[0] for row in table_rows(page.review_tab.blocks["techWork"].table)] == ["李师傅", "All"]
    assert "李师傅" in page.review_tab.title


def test_an_empty_week_says_so(shop, reports_window):
    page = open_tab(reports_window(shop.owner), WEEK)
    page.period_bar.set_period(periods.week_period(dt.date(2026, 6, 3)), emit=True)
    assert "Nothing was resolved" in page.review_tab.summary.text()
    assert table_rows(page.review_tab.blocks["techWork"].table) == [["All", "0", "0", "0", "–"]]
    assert page.review_tab.blocks["techWork"].chart.isHidden()  # no bare axes: the table says it


def test_the_month_in_tables(shop, reports_window):
    page = open_tab(reports_window(shop.owner), MONTH)
    assert page.period_bar.period() == periods.month_period(dt.date(2026, 11, 1))
    kinds = table_rows(page.month_tab.blocks["kinds"].table)
    assert kinds[0] == ["Labour", "¥660.00", "¥240.00", "¥420.00"]
    assert kinds[-1] == ["Charged after discounts", "", "", "¥1,050.00"]
    assert table_rows(page.month_tab.blocks["dispatch"].table)[0] == ["Dispatched within 5 minutes", "8", "12", "66.7 %"]
    trend = table_rows(page.month_tab.blocks["trend"].table)
    assert trend[-1] == ["2026-11", "16", "10", "¥930.00"]
    assert page.month_tab.blocks["ledger"].isVisible()


def test_the_team_lead_sees_the_month_without_money_collected(shop, reports_window):
    window = reports_window(shop.lead)
    page = window.show_area("reports")
    page.show_tab(MONTH)
    assert not page.month_tab.blocks["ledger"].isVisible()
    assert table_rows(page.month_tab.blocks["trend"].table)[-1] == ["2026-11", "16", "10"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_chart_is_drawn(shop, reports_window, qapp, language):
    translators = install_translation(qapp, language)
    try:
        window = reports_window(shop.owner)
        for key, tab in ((WEEK, "review_tab"), (MONTH, "month_tab")):
            page = open_tab(window, key)
            for name, block in getattr(page, tab).blocks.items():
                if block.chart is None:
                    continue
                block.chart.resize(480, 300)
                shot = block.chart.grab().toImage()
                assert inked_share(shot) > 0.03, f"{name} is blank"
                assert block.chart.chart().series(), f"{name} has nothing drawn"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_chinese_names_are_drawn_in_the_chart(shop, reports_window, reports_chinese):
    page = open_tab(reports_window(shop.owner), WEEK)
    axis = page.review_tab.blocks["techWork"].chart.chart().axes(Qt.Orientation.Horizontal)[0]
    assert axis.categories() == ["李师傅", "陈师傅"]


# -- out of the window ---------------------------------------------------------------------------

def test_the_week_exports_to_a_workbook(shop, reports_window, tmp_path):
    from openpyxl import load_workbook

    page = open_tab(reports_window(shop.owner), WEEK)
    target = tmp_path / "week.xlsx"
    page.export_workbook(target)
    sheet = load_workbook(target).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["Work per technician"] in values
    assert ["李师傅", 3, 0, 0] == values[values.index(["Work per technician"]) + 2][:4]
    assert "Saved" in page.status.text()


def test_the_month_saves_as_a_pdf_with_its_charts(shop, reports_window, tmp_path):
    from pypdf import PdfReader

    page = open_tab(reports_window(shop.owner), MONTH)
    target = tmp_path / "month.pdf"
    page.save_pdf(target)
    reader = PdfReader(target)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Charged by kind" in text and "Ricoh MP 2555" in text and "卡纸" in text
    assert sum(len(p.images) for p in reader.pages) == 3  # kinds, coverage, trend


def test_today_exports_too(shop, reports_window, tmp_path):
    from openpyxl import load_workbook

    page = reports_window(shop.owner).pages["reports"]
    page.export_workbook(tmp_path / "today.xlsx")
    values = [row for row in load_workbook(tmp_path / "today.xlsx").active.iter_rows(values_only=True)]
    assert ("Not dispatched in time", 1) in [tuple(v for v in row if v is not None) for row in values]


def test_a_page_alone_still_reads(shop, qtbot, db_url, clock):
    ctx = AppContext(db_url, clock, shop.lead)
    ctx.tasks.synchronous = True
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    assert page.today_tab.tiles["carried_over"].value == 1
    assert page.open_figure("late_dispatch") is None  # no window to open the board in: nothing happens
