"""Fill unfinished entries of a Qt .ts catalogue from JSON files.

Each JSON file maps context -> {source text: translation}. Entries already
translated are kept unless the JSON gives a different translation. Prints what
is still unfinished.
"""

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, *json_paths: str) -> int:
    table: dict[tuple[str, str], str] = {}
    for path in json_paths:
        with open(path, encoding="utf-8") as fh:
            for context, entries in json.load(fh).items():
                for source, text in entries.items():
                    table[(context, source)] = text
    tree = ET.parse(ts_path)
    unfinished = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = table.get((name, source))
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished":
                unfinished.append(f"{name}: {source}")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, encoding="utf-8") as fh:
        body = fh.read()
    with open(ts_path, "w", encoding="utf-8") as fh:
        fh.write(body.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1))
    for line in unfinished:
        print("unfinished:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
