"""Started as a separate process by the benchmark: shows ShopDesk's main window
(or, for the floor, an empty QMainWindow) the same way, then prints READY and
its peak memory once the window is shown and the event loop is idle."""

from __future__ import annotations

import argparse
import os
import resource
import sys


def peak_kib() -> int:
    """Peak resident memory of this program. VmHWM starts afresh at exec;
    ru_maxrss would carry over the parent's peak from the fork."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["app", "empty"], required=True)
    parser.add_argument("--db")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if args.mode == "empty":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1200, 760)
    else:
        from shopdesk.clock import Clock
        from shopdesk.db import open_database
        from shopdesk.models import Staff
        from shopdesk.services.context import Actor
        from shopdesk.ui.app import make_application
        from shopdesk.ui.context import AppContext
        from shopdesk.ui.main_window import MainWindow

        app = make_application(language="zh_CN")
        opened = open_database(args.db)
        owner = Staff.select().where(Staff.role == "owner").order_by(Staff.id).first()
        ctx = AppContext(opened.url, Clock(), Actor(owner))
        window = MainWindow(ctx)

    def ready() -> None:
        print(f"READY {peak_kib()}", flush=True)
        app.quit()

    window.show()
    QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
