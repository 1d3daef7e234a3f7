"""The owner's ledger page: who sees it, posting and reversing through the dialogs,
filters and the paged table, the summary, month close, verify, settlements."""

import csv
import datetime as dt
import itertools

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton

from shopdesk.errors import PermissionDenied
from shopdesk.models import ClosedMonth, Customer, LedgerEntry, OrderLine, RepairOrder, ShopSettings
from shopdesk.models.ledger import Settlement
from shopdesk.services import ledger as L
from shopdesk.services import settlement as S
from shopdesk.ui.context import AppContext
from shopdesk.ui.ledger.entries_tab import PAGE, EntriesModel
from shopdesk.ui.ledger.common import OK_COLOUR
from shopdesk.ui.ledger.page import LedgerPage
from shopdesk.ui.main_window import MainWindow
from tests.conftest import make_actor
from tests.ui.modal_dialogs import when_dialog

D = dt.date
_numbers = itertools.count(1)


@pytest.fixture
def ledger_ctx(db, db_url, clock):
    def make(actor):
        ctx = AppContext(db_url, clock, actor)
        ctx.tasks.synchronous = True
        return ctx

    return make


@pytest.fixture
def ledger_chen(db, clock):
    return make_actor("technician", clock, username="chen", name="陈师傅")


@pytest.fixture
def ledger_page(qtbot, ledger_ctx, owner, ledger_chen):
    page = LedgerPage(ledger_ctx(owner))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def an_order(clock, technician=None, **fields):
    n = next(_numbers)
    customer = Customer.create(number=f"C{n:06d}", name="王伟", created_at=clock.now())
    return RepairOrder.create(number=f"R{n:07d}", customer=customer, reported_at=clock.now(), created_at=clock.now(),
                              technician=technician.staff if technician else None, **fields)


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def child(parent, kind, name):
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def choose(combo, value):
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def column(model, key):
    index = [k for k, _ in EntriesModel.COLUMNS].index(key)
    return [model.index(row, index).data() for row in range(model.rowCount())]


def select_seq(page, seq):
    rows = [r.seq for r in page.entries.model.rows]
    page.entries.table.selectRow(rows.index(seq))


def confirm_with(button_text):
    def act(box):
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()

    return act


# ---- who sees it ------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["technician", "front_desk", "team_lead"])
def test_only_the_owner_sees_the_ledger_and_services_refuse_everyone_else(
        qtbot, ledger_ctx, owner, clock, role):
    L.post(owner, "charge", 8000)
    someone = make_actor(role, clock)
    window = MainWindow(ledger_ctx(someone))
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Ledger" not in titles and window.page("ledger") is None
    with pytest.raises(PermissionDenied):
        LedgerPage(ledger_ctx(someone))
    for call in (
        lambda: L.entries(someone, date_from=D(2026, 11, 1), date_to=D(2026, 11, 30)),
        lambda: L.count_entries(someone),
        lambda: L.summary(someone, D(2026, 11, 1), D(2026, 11, 30)),
        lambda: L.closed_months(someone),
        lambda: L.verify(someone),
        lambda: L.post(someone, "charge", 100),
        lambda: L.close_month(someone, "2026-10"),
        lambda: S.settlements(someone),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert LedgerEntry.select().count() == 1

    boss = MainWindow(ledger_ctx(owner))
    qtbot.addWidget(boss)
    assert isinstance(boss.show_area("ledger"), LedgerPage)


# ---- posting ----------------------------------------------------------------------------------

def test_the_owner_posts_an_entry_and_a_bad_amount_posts_nothing(qtbot, ledger_page, ledger_chen, clock):
    page = ledger_page
    order = an_order(clock, ledger_chen)
    assert "No entry matches" in page.entries.totals.text()

    def post(dialog):
        choose(child(dialog, QComboBox, "ledgerPostKind"), "payment")
        assert child(dialog, QComboBox, "ledgerPostMethod").currentData() == "cash"
        amount = child(dialog, QLineEdit, "ledgerPostAmount")
        qtbot.keyClicks(amount, "80,x")
        click(qtbot, child(dialog, QPushButton, "ledgerPostSave"))
        error = child(dialog, QLabel, "amountError")
        assert dialog.isVisible() and error.isVisible() and "80,x" in error.text()
        assert LedgerEntry.select().count() == 0
        amount.clear()
        qtbot.keyClicks(amount, "0")
        click(qtbot, child(dialog, QPushButton, "ledgerPostSave"))
        assert "zero" in error.text() and LedgerEntry.select().count() == 0
        amount.clear()
        qtbot.keyClicks(amount, "80.50")
        child(dialog, QLineEdit, "ledgerPostOrder").setText("R9999999")
        click(qtbot, child(dialog, QPushButton, "ledgerPostSave"))
        assert child(dialog, QLabel, "orderError").isVisible() and not error.isVisible()
        assert LedgerEntry.select().count() == 0
        child(dialog, QLineEdit, "ledgerPostOrder").setText(order.number)
        choose(child(dialog, QComboBox, "ledgerPostTechnician"), ledger_chen.staff.id)
        child(dialog, QLineEdit, "ledgerPostMemo").setText("现金 上门收取")
        click(qtbot, child(dialog, QPushButton, "ledgerPostSave"))

    when_dialog("ledgerPostDialog", post)
    click(qtbot, child(page, QPushButton, "ledgerPost"))

    entry = LedgerEntry.get()
    assert (entry.kind, entry.amount, entry.method, entry.technician_id, entry.order_id, entry.memo) == (
        "payment", 8050, "cash", ledger_chen.staff.id, order.id, "现金 上门收取")
    assert "Posted entry No. 1" in page.entries.status.text()
    model = page.entries.model
    assert column(model, "amount") == ["¥80.50"] and column(model, "technician") == ["陈师傅"]
    assert column(model, "order") == [order.number] and page.entries.selected_id() == entry.id


def test_an_adjustment_can_lower_what_the_customer_owes(qtbot, ledger_page):
    def post(dialog):
        choose(child(dialog, QComboBox, "ledgerPostKind"), "adjustment")
        lowers = child(dialog, QCheckBox, "ledgerPostLowers")
        assert lowers.isVisible()
        lowers.setChecked(True)
        qtbot.keyClicks(child(dialog, QLineEdit, "ledgerPostAmount"), "5")
        click(qtbot, child(dialog, QPushButton, "ledgerPostSave"))

    when_dialog("ledgerPostDialog", post)
    click(qtbot, child(ledger_page, QPushButton, "ledgerPost"))
    assert [(e.kind, e.amount) for e in LedgerEntry.select()] == [("adjustment", -500)]


# ---- reversing --------------------------------------------------------------------------------

def test_reverse_needs_a_reason_and_links_the_two_entries(qtbot, ledger_page, owner):
    page = ledger_page
    L.post(owner, "charge", 80000, memo="typed one zero too many")
    page.entries.reload()
    reverse = child(page, QPushButton, "ledgerReverse")
    assert not reverse.isEnabled()  # nothing selected
    select_seq(page, 1)

    def act(dialog):
        click(qtbot, child(dialog, QPushButton, "ledgerReverseSave"))
        assert child(dialog, QLabel, "reasonError").isVisible() and LedgerEntry.select().count() == 1
        child(dialog, QLineEdit, "ledgerReverseReason").setText("应为 800 元")
        click(qtbot, child(dialog, QPushButton, "ledgerReverseSave"))

    when_dialog("ledgerReverseDialog", act)
    click(qtbot, reverse)

    original, reversal = LedgerEntry.select().order_by(LedgerEntry.seq)
    assert (reversal.amount, reversal.reverses_id, reversal.memo, reversal.kind) == (-80000, original.id, "应为 800 元", "charge")
    assert "Entry No. 1 reversed by entry No. 2" in page.entries.status.text()
    assert column(page.entries.model, "link") == ["reversed by No. 2", "reverses No. 1"]
    for seq in (1, 2):
        select_seq(page, seq)
        assert not reverse.isEnabled()


# ---- the table, filters, exports ------------------------------------------------------------------

def test_entries_come_a_page_at_a_time_with_filters_and_running_totals(qtbot, qtmodeltester, ledger_page, owner,
                                                                        ledger_chen, clock):
    page = ledger_page
    order = an_order(clock, ledger_chen)
    for i in range(PAGE + 5):
        L.post(owner, "charge", 100 + i, entry_date=D(2026, 11, 1 + i % 20))
    L.record_collection(owner, order.id, 5000, "cash", ledger_chen.staff.id)
    L.post(owner, "charge", 999, entry_date=D(2026, 10, 31))  # outside the default period
    page.activate()  # the owner opens the area
    model = page.entries.model
    assert "206 entries" in page.entries.totals.text()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == PAGE + 6
    assert set(column(model, "running")) == {""}  # mixed kinds: a running total would mean nothing

    choose(child(page, QComboBox, "ledgerKindFilter"), "charge")
    total = sum(100 + i for i in range(PAGE + 5))
    assert f"¥{total // 100:,}.{total % 100:02d}" in page.entries.totals.text()
    assert column(model, "running")[:2] == ["¥1.00", "¥2.01"]

    # The model alone (the page's view fetches as it lays out): pages on demand, Qt's model contract.
    period = dict(date_from=D(2026, 11, 1), date_to=D(2026, 11, 30), kind="charge")
    # (Qt's tester runs its checks inside a reset's notification, where the model's fetching more
    # would look like a change within a change: so it checks a model already filled.)
    alone = EntriesModel()
    fetch = lambda offset, limit: L.entries(owner, offset=offset, limit=limit, **period)  # noqa: E731
    alone.set_first_page(fetch, fetch(0, PAGE), L.count_entries(owner, **period), show_running=True)
    assert alone.rowCount() == PAGE and alone.canFetchMore()
    alone.fetchMore()
    assert alone.rowCount() == PAGE + 5 and not alone.canFetchMore()
    assert column(alone, "running")[-1] == f"¥{total // 100:,}.{total % 100:02d}"
    qtmodeltester.check(alone)
    paged = EntriesModel()
    paged.set_first_page(fetch, fetch(0, PAGE), L.count_entries(owner, **period), show_running=True)
    qtmodeltester.check(paged)  # its checks fetch the next page too
    assert paged.rowCount() == PAGE + 5

    choose(child(page, QComboBox, "ledgerKindFilter"), None)
    choose(child(page, QComboBox, "ledgerTechnicianFilter"), ledger_chen.staff.id)
    assert column(model, "kind") == ["Payment collected"] and column(model, "method") == ["Cash"]
    choose(child(page, QComboBox, "ledgerTechnicianFilter"), None)
    choose(child(page, QComboBox, "ledgerMethodFilter"), "cash")
    assert column(model, "amount") == ["¥50.00"]
    choose(child(page, QComboBox, "ledgerMethodFilter"), None)

    order_box = child(page, QLineEdit, "ledgerOrderFilter")
    order_box.setText("R7654321")
    order_box.returnPressed.emit()
    assert child(page, QLabel, "ledgerOrderFilterError").isVisible() and model.rowCount() == 0
    order_box.setText(order.number)
    order_box.returnPressed.emit()
    assert column(model, "order") == [order.number]
    assert not child(page, QLabel, "ledgerOrderFilterError").isVisible()

    order_box.clear()
    order_box.returnPressed.emit()
    page.entries.period.set_period(D(2026, 10, 1), D(2026, 10, 31))
    assert column(model, "amount") == ["¥9.99"]
    page.entries.period.set_period(D(2026, 11, 2), D(2026, 11, 1))
    assert "ends before it begins" in page.entries.status.text() and model.rowCount() == 0


def test_newest_first(qtbot, ledger_page, owner):
    for cents in (100, 200, 300):
        L.post(owner, "refund", cents)
    page = ledger_page
    child(page, QCheckBox, "ledgerNewestFirst").setChecked(True)
    choose(child(page, QComboBox, "ledgerKindFilter"), "refund")
    assert column(page.entries.model, "seq") == ["3", "2", "1"]
    assert column(page.entries.model, "running") == ["¥6.00", "¥3.00", "¥1.00"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_the_period(qtbot, ledger_page, owner, tmp_path, monkeypatch, fmt):
    L.post(owner, "charge", 8050, memo="搓纸轮")
    L.post(owner, "charge", 100, entry_date=D(2026, 10, 2))
    target = tmp_path / "out"  # the extension is added
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kw: (asked.append(args[2]), (str(target), ""))[1])
    click(qtbot, child(ledger_page, QPushButton, "ledgerExportCsv" if fmt == "csv" else "ledgerExportXlsx"))
    written = tmp_path / f"out.{fmt}"
    assert asked == [f"ledger_2026-11-01_2026-11-30.{fmt}"]
    assert "Exported 1 entries" in ledger_page.entries.status.text()
    if fmt == "csv":
        rows = list(csv.reader(written.open(encoding="utf-8-sig")))
        assert rows[1][3] == "80.50" and rows[1][7] == "搓纸轮"
    else:
        sheet = openpyxl.load_workbook(written).active
        assert sheet.max_row == 2 and sheet.cell(2, 8).value == "搓纸轮"


def test_an_unwritable_export_says_so(qtbot, ledger_page, owner, tmp_path, monkeypatch):
    L.post(owner, "charge", 100)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kw: (str(tmp_path / "missing" / "folder" / "x.csv"), ""))
    click(qtbot, child(ledger_page, QPushButton, "ledgerExportCsv"))
    assert "Could not write the file" in ledger_page.entries.status.text()


# ---- summary -----------------------------------------------------------------------------------

def test_the_summary_of_a_period(qtbot, ledger_page, owner, ledger_chen, clock):
    counter_order, chen_order = an_order(clock), an_order(clock, ledger_chen)
    L.post(owner, "charge", 20000, order_id=counter_order.id)
    L.post(owner, "charge", 15000, order_id=chen_order.id)
    L.record_collection(owner, counter_order.id, 20000, "wechat")
    L.record_collection(owner, chen_order.id, 9000, "cash", ledger_chen.staff.id)
    L.post(owner, "hand_in", 4000, order_id=chen_order.id, technician_id=ledger_chen.staff.id, method="cash")
    L.post(owner, "refund", 1000, order_id=counter_order.id)
    ledger_page.tabs.setCurrentWidget(ledger_page.summary)

    def value(name):
        return child(ledger_page, QLabel, name).text()

    assert "Tip: close past months" in value("ledgerSummaryStatus")  # no month closed yet
    assert value("ledgerSummary_charged") == "¥350.00"
    assert value("ledgerSummary_collected") == "¥290.00"
    assert value("ledgerSummary_handed_in") == "¥40.00"
    assert value("ledgerSummary_refunded") == "¥10.00"
    assert value("ledgerSummary_cash_held") == "¥50.00"
    assert value("ledgerSummary_unpaid") == "orders: 2; still owed: ¥70.00"
    assert value("ledgerSummaryMethod_wechat") == "¥200.00" and value("ledgerSummaryMethod_cash") == "¥90.00"
    assert value("ledgerSummary_counter") == "¥200.00" and value("ledgerSummary_by_technicians") == "¥90.00"
    table = ledger_page.summary.technicians
    assert [table.item(0, c).text() for c in range(6)] == ["陈师傅", "¥90.00", "¥90.00", "¥40.00", "¥0.00", "¥50.00"]

    ledger_page.summary.period.set_month(D(2026, 10, 1))
    assert value("ledgerSummary_charged") == "¥0.00"
    assert child(ledger_page, QLabel, "ledgerSummaryNoTechnicians").isVisible()


# ---- month close and verify ----------------------------------------------------------------------

def test_closing_a_month_after_confirmation(qtbot, ledger_page, owner):
    L.post(owner, "charge", 100, entry_date=D(2026, 10, 5))
    page = ledger_page
    page.tabs.setCurrentWidget(page.months)
    assert page.months.month_text() == "2026-10"
    close = child(page, QPushButton, "ledgerCloseMonth")

    when_dialog("ledgerCloseMonthConfirm", lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    click(qtbot, close)
    assert ClosedMonth.select().count() == 0

    def confirm(box):
        assert "no entry may be dated on or before 2026-10-31" in box.text()
        confirm_with("Close 2026-10")(box)

    when_dialog("ledgerCloseMonthConfirm", confirm)
    click(qtbot, close)
    closed = ClosedMonth.get()
    assert (closed.month, closed.last_seq, closed.closed_by_id) == ("2026-10", 1, owner.staff.id)
    assert "closed through 2026-10" in child(page, QLabel, "ledgerClosedInfo").text()
    assert page.months.table.item(0, 0).text() == "2026-10" and not close.isEnabled()

    page.tabs.setCurrentWidget(page.entries)

    def post_into_october(dialog):
        child(dialog, QLineEdit, "ledgerPostAmount").setText("10")
        dialog.entry_date.setDate(dialog.entry_date.date().addDays(-30))  # 2026-10-24
        click(qtbot, child(dialog, QPushButton, "ledgerPostSave"))
        error = child(dialog, QLabel, "entry_dateError")
        assert error.isVisible() and "2026-10 is closed" in error.text()
        dialog.reject()

    when_dialog("ledgerPostDialog", post_into_october)
    click(qtbot, child(page, QPushButton, "ledgerPost"))
    assert LedgerEntry.select().count() == 1


def test_verify_says_intact_then_points_at_an_entry_changed_behind_its_back(qtbot, ledger_page, owner, db):
    for cents in (100, 200, 300):
        L.post(owner, "adjustment", cents)
    page = ledger_page
    page.tabs.setCurrentWidget(page.months)
    verdict = child(page, QLabel, "ledgerVerdict")
    with qtbot.waitSignal(page.months.verified):
        click(qtbot, child(page, QPushButton, "ledgerVerify"))
    assert "The ledger is intact: 3 entries checked." in verdict.text() and OK_COLOUR in verdict.styleSheet()
    assert page.months.progress_dialog is None

    db.execute_sql("UPDATE ledger_entry SET amount = 20000 WHERE seq = 2")
    click(qtbot, child(page, QPushButton, "ledgerVerify"))
    assert "Entry 2 was altered outside ShopDesk" in verdict.text() and "#b00020" in verdict.styleSheet()
    assert (page.months.result.ok, page.months.result.first_bad_seq) == (False, 2)


def test_verify_runs_off_the_ui_thread_with_progress(qtbot, ledger_page, owner, monkeypatch):
    for cents in range(100, 600, 100):
        L.post(owner, "adjustment", cents)
    monkeypatch.setattr(L, "CHUNK", 2)
    months = ledger_page.months
    ledger_page.tabs.setCurrentWidget(months)
    months.ctx.tasks.synchronous = False
    sizes, steps = [], []
    months.progress.sized.connect(sizes.append)
    months.progress.advanced.connect(steps.append)
    with qtbot.waitSignal(months.verified, timeout=10_000):
        click(qtbot, child(ledger_page, QPushButton, "ledgerVerify"))
        assert not child(ledger_page, QPushButton, "ledgerVerify").isEnabled()
    assert sizes == [5] and steps == [2, 4, 5]
    assert "intact: 5 entries" in child(ledger_page, QLabel, "ledgerVerdict").text()
    assert months.ctx.tasks.wait(5_000)


def test_verify_can_be_cancelled(qtbot, ledger_page, owner, monkeypatch):
    for cents in (100, 200, 300):
        L.post(owner, "adjustment", cents)
    monkeypatch.setattr(L, "CHUNK", 1)
    months = ledger_page.months
    ledger_page.tabs.setCurrentWidget(months)
    steps = []

    def cancel_at_once(done):
        steps.append(done)
        months.progress_dialog.findChild(QPushButton).click()  # the dialog's Cancel button

    months.progress.advanced.connect(cancel_at_once)
    click(qtbot, child(ledger_page, QPushButton, "ledgerVerify"))
    assert steps == [1] and months.result is None
    assert "cancelled" in child(ledger_page, QLabel, "ledgerVerdict").text()
    assert child(ledger_page, QPushButton, "ledgerVerify").isEnabled()


# ---- settlements ---------------------------------------------------------------------------------

def _october_for(chen, owner, clock):
    ShopSettings.update(travel_allowance_per_visit=2000, fuel_allowance_per_km=80).execute()
    closed = dt.datetime(2026, 10, 20, 6, 0)
    onsite = an_order(clock, chen, location="onsite", state="closed", resolved_at=closed, closed_at=closed, travel_km=12)
    bench = an_order(clock, chen, location="bench", state="closed", resolved_at=closed, closed_at=closed)
    for o, points in ((onsite, 3), (bench, 2)):
        OrderLine.create(order=o, kind="labour", points=points, quantity=1, unit_price=5000, created_at=clock.now())
    L.post(owner, "payment", 6000, order_id=onsite.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 10, 5))
    L.post(owner, "hand_in", 1000, order_id=onsite.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 10, 8))
    return onsite, bench


def test_a_settlement_statement_approved_once_and_saved(qtbot, ledger_page, owner, ledger_chen, clock, tmp_path,
                                                        monkeypatch):
    onsite, bench = _october_for(ledger_chen, owner, clock)
    page = ledger_page
    tab = page.settlement
    page.tabs.setCurrentWidget(tab)
    assert tab.period.period() == (D(2026, 10, 1), D(2026, 10, 31))  # last month, by default
    assert not child(page, QPushButton, "ledgerSettlementApprove").isEnabled()
    choose(child(page, QComboBox, "ledgerSettlementTechnician"), ledger_chen.staff.id)

    def value(key):
        return child(page, QLabel, f"ledgerSettlement_{key}").text()

    assert (value("jobs"), value("points"), value("visits"), tab.km.value()) == ("2", "5", "1", 12)
    assert value("travel_allowance").startswith("¥20.00") and "1 × ¥20.00 per visit" in value("travel_allowance")
    assert value("fuel_allowance").startswith("¥9.60")
    assert (value("collected"), value("handed_in"), value("cash_still_held"), value("balance")) == (
        "¥60.00", "¥10.00", "¥50.00", "-¥20.40")
    assert tab.jobs.rowCount() == 2 and tab.jobs.item(0, 0).text() == onsite.number

    tab.km.setValue(50)  # from the logbook
    tab.km.editingFinished.emit()
    assert value("fuel_allowance").startswith("¥40.00") and "typed in" in tab.km_source.text()

    when_dialog("ledgerApproveConfirm", confirm_with("Approve"))
    click(qtbot, child(page, QPushButton, "ledgerSettlementApprove"))
    allowances = list(LedgerEntry.select().where(LedgerEntry.kind == "allowance").order_by(LedgerEntry.seq))
    assert [(e.amount, e.technician_id) for e in allowances] == [(2000, ledger_chen.staff.id), (4000, ledger_chen.staff.id)]
    assert "Approved. 2 allowance entries" in tab.status.text()
    assert "Approved on 2026-11-23 09:00 by 老板" in tab.approval_label.text() and not tab.km.isEnabled()
    assert tab.km.value() == 50

    click(qtbot, child(page, QPushButton, "ledgerSettlementApprove"))  # no question: it was approved
    assert "Already approved" in tab.status.text()
    assert LedgerEntry.select().where(LedgerEntry.kind == "allowance").count() == 2
    assert Settlement.select().count() == 1

    pdf_path = tmp_path / "statement.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(pdf_path), ""))
    click(qtbot, child(page, QPushButton, "ledgerSettlementPdf"))
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pdf_path).pages)
    for expected in ("陈师傅", "2026-10-01", "¥40.00", "¥60.00", "¥10.00", onsite.number, "老板"):
        assert expected in text

    xlsx_path = tmp_path / "statement.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(xlsx_path), ""))
    click(qtbot, child(page, QPushButton, "ledgerSettlementXlsx"))
    values = [c.value for row in openpyxl.load_workbook(xlsx_path).active.iter_rows() for c in row]
    assert "陈师傅" in values and bench.number in values
    assert f"Saved {xlsx_path}." == tab.status.text()


def test_a_period_not_ended_cannot_be_approved(qtbot, ledger_page, ledger_chen):
    tab = ledger_page.settlement
    ledger_page.tabs.setCurrentWidget(tab)
    choose(tab.technician, ledger_chen.staff.id)
    tab.period.set_month(D(2026, 11, 1))
    when_dialog("ledgerApproveConfirm", confirm_with("Approve"))
    click(qtbot, child(ledger_page, QPushButton, "ledgerSettlementApprove"))
    assert "has not ended yet" in tab.status.text()
    assert Settlement.select().count() == 0 and LedgerEntry.select().count() == 0


def test_the_page_follows_changes_made_elsewhere(qtbot, ledger_page, ledger_ctx, owner):
    page = ledger_page
    assert page.entries.model.rowCount() == 0
    L.post(owner, "charge", 100)
    page.ctx.dataChanged.emit("ledger")
    assert page.entries.model.rowCount() == 1


def test_staff_who_left_stay_in_the_pickers_marked(qtbot, ledger_page, ledger_chen):
    from shopdesk.models import Staff

    Staff.update(active=False).where(Staff.id == ledger_chen.staff.id).execute()
    ledger_page.activate()
    for name in ("ledgerTechnicianFilter", "ledgerSettlementTechnician"):
        box = child(ledger_page, QComboBox, name)
        assert box.itemText(box.findData(ledger_chen.staff.id)) == "陈师傅 (left)"
    tab = ledger_page.settlement
    choose(tab.technician, ledger_chen.staff.id)
    assert tab.document().technician == "陈师傅"  # printed without the mark
