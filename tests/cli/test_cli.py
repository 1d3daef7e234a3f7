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
