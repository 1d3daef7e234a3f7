"""The Simplified Chinese catalogue covers every string and is compiled."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "shopdesk_zh_CN.ts"
BIN = Path(sys.executable).parent


def _entries(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def test_catalogue_has_no_untranslated_entry():
    missing = [f"{c}: {s}" for c, s, t in _entries(TS) if t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "").strip()]
    assert missing == []


def test_catalogue_covers_every_string_in_the_sources(tmp_path):
    """Running lupdate on today's sources finds nothing the catalogue lacks."""
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "shopdesk").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                    *sources, "-ts", str(copy)], check=True, capture_output=True)
    missing = [f"{c}: {s}" for c, s, t in _entries(copy) if t.get("type") == "unfinished"]
    assert missing == [], "run scripts/i18n and translate: " + "; ".join(missing[:20])


def test_compiled_catalogue_is_current(tmp_path):
    out = tmp_path / "check.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "resources" / "i18n" / "shopdesk_zh_CN.qm").read_bytes()


def test_placeholders_survive_translation():
    import re

    for context, source, translation in _entries(TS):
        wanted = sorted(re.findall(r"\{[a-z_0-9]*\}", source))
        assert sorted(re.findall(r"\{[a-z_0-9]*\}", translation.text or "")) == wanted, (context, source)
