"""The command line: clear messages and exit codes, never a traceback."""

import subprocess
import sys


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "shopdesk", *args], capture_output=True, text=True, env=env)


def test_db_info_creates_and_describes_a_database(tmp_path):
    done = run("--db", str(tmp_path / "shop.db"), "db", "info")
    assert done.returncode == 0, done.stderr
    assert "created a new, empty database" in done.stdout
    assert "repair_order" in done.stdout


def test_corrupt_file_gives_a_message_and_exit_code(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 500)
    done = run("--db", str(bad), "db", "info")
    assert done.returncode == 4
    assert "damaged" in done.stderr and "Traceback" not in done.stderr
    assert bad.read_bytes() == b"garbage" * 500


def test_unopenable_path_gives_a_message(tmp_path):
    done = run("--db", str(tmp_path / "missing" / "x.db"), "db", "info")
    assert done.returncode == 3
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_server_down_gives_a_message():
    done = run("--db", "postgresql://shop@127.0.0.1:1/shop", "db", "info")
    assert done.returncode == 6
    assert "Cannot reach the shop server" in done.stderr and "Traceback" not in done.stderr


def test_python_dash_m_and_version():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.startswith("shopdesk ")


def _demo_db(tmp_path):
    path = tmp_path / "demo.db"
    done = run("--db", str(path), "demo", "--customers", "40", "--orders", "400")
    assert done.returncode == 0, done.stderr
    return path


def test_demo_fills_every_table_and_the_ledger_verifies(tmp_path):
    path = _demo_db(tmp_path)
    info = run("--db", str(path), "db", "info").stdout
    counts = {line.split()[0]: int(line.split()[1].replace(",", "")) for line in info.splitlines() if line.startswith("  ")}
    assert counts["customer"] == 40 and counts["repair_order"] == 400
    for table in ("device", "service_contract", "order_event", "order_line", "ledger_entry", "staff"):
        assert counts[table] > 0, table
    verify = run("--db", str(path), "ledger", "verify")
    assert verify.returncode == 0 and "intact" in verify.stdout


def test_demo_is_reproducible_with_a_seed(tmp_path):
    import sqlite3

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    rows = []
    for folder in (a, b):
        assert run("--db", str(folder / "x.db"), "demo", "--customers", "20", "--orders", "50", "--seed", "3").returncode == 0
        con = sqlite3.connect(folder / "x.db")
        rows.append(con.execute("SELECT number, name, phone FROM customer ORDER BY id").fetchall())
        con.close()
    assert rows[0] == rows[1]


def test_receipt_and_ledger_export_from_the_command_line(tmp_path):
    import sqlite3

    from pypdf import PdfReader

    path = _demo_db(tmp_path)
    con = sqlite3.connect(path)
    number, first_day = con.execute(
        "SELECT number, substr(reported_at, 1, 10) FROM repair_order WHERE state = 'closed' ORDER BY id LIMIT 1").fetchone()
    con.close()
    out = tmp_path / "r.pdf"
    done = run("--db", str(path), "receipt", number, "--layout", "80mm", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert number in PdfReader(out).pages[0].extract_text()
    batch = tmp_path / "batch.pdf"
    done = run("--db", str(path), "receipt", "--from", "2020-01-01", "--to", "2030-01-01", "--kind", "intake", "-o", str(batch))
    assert done.returncode == 0 and len(PdfReader(batch).pages) >= 400
    csv_file = tmp_path / "l.csv"
    done = run("--db", str(path), "ledger", "export", "--from", "2020-01-01", "--to", "2030-12-31", "-o", str(csv_file))
    assert done.returncode == 0 and csv_file.read_text(encoding="utf-8-sig").count("\n") > 1


def test_receipt_for_an_unknown_order_says_so(tmp_path):
    path = _demo_db(tmp_path)
    done = run("--db", str(path), "receipt", "R9999999", "-o", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and "R9999999" in done.stderr and "Traceback" not in done.stderr


def test_demo_on_postgres(fresh_pg_url):
    done = run("--db", fresh_pg_url, "demo", "--customers", "30", "--orders", "120")
    assert done.returncode == 0, done.stderr
    verify = run("--db", fresh_pg_url, "ledger", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr
