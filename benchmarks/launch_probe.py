"""Started as a separate process by the benchmark: shows ShopDesk's main window
(or, for the floor, an empty QMainWindow) the same way, then prints READY, its
peak memory and the wall-clock time once the window has painted itself and the
event loop is idle. The benchmark counts from starting the process to that moment: what
happens after (work still running in the background, exiting) is not launch.
It also prints FIGURES when the owner's first page (Reports → Today) shows its
figures, read in the background meanwhile, reported beside the launch."""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time


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


def watch_first_paint(window, then) -> None:
    """``then`` once the window has painted itself: Qt paints in the event loop
    after show(), offscreen too. (ShopDesk's own watch is not imported: the
    floor must not load ShopDesk.)"""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    target = window.centralWidget() or window
    target.installEventFilter(Watch(target))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["app", "empty"], required=True)
    parser.add_argument("--db")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    if args.mode == "empty":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1200, 760)
    else:  # as shopdesk.cli.gui and shopdesk.ui.app.run_gui start it, without the sign-in dialog
        from shopdesk.startup import hold_collection, release_collection

        hold_collection()
        from shopdesk.clock import Clock
        from shopdesk.db import open_database
        from shopdesk.models import Staff
        from shopdesk.services.context import Actor
        from shopdesk.ui.app import after_first_paint, make_application
        from shopdesk.ui.context import AppContext
        from shopdesk.ui.main_window import MainWindow

        app = make_application(language="zh_CN")
        opened = open_database(args.db)
        owner = Staff.select().where(Staff.role == "owner").order_by(Staff.id).first()
        ctx = AppContext(opened.url, Clock(), Actor(owner))
        ctx.tasks.hold()
        window = MainWindow(ctx)
        after_first_paint(window, ctx.tasks.release)

    waiting = {"window"}

    def done(what: str) -> None:
        waiting.discard(what)
        if not waiting:
            app.quit()

    def ready() -> None:
        print(f"READY {peak_kib()} {time.time_ns()}", flush=True)
        done("window")

    if args.mode == "app":  # and, apart, when the owner's first page shows its figures
        waiting.add("figures")
        page = window.pages.get("reports")

        def figures(_key: str) -> None:
            print(f"FIGURES {time.time_ns()}", flush=True)
            done("figures")

        page.reportShown.connect(figures)

    watch_first_paint(window, ready)
    window.show()
    if args.mode == "app":
        release_collection()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
