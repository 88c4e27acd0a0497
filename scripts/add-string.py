#!/usr/bin/env python3
"""Adds or updates a UI/message string in a resource pair: NAME.resx (Japanese, the default) and NAME.en.resx.

usage: scripts/add-string.py src/Urakata.Platform/Resources/SharedResource Key "日本語" "English"
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""


def upsert(path: Path, key: str, value: str) -> None:
    if not path.exists():
        path.write_text(HEADER, encoding="utf-8")
    tree = ET.parse(path)
    root = tree.getroot()
    for data in root.findall("data"):
        if data.get("name") == key:
            data.find("value").text = value
            break
    else:
        data = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
        ET.SubElement(data, "value").text = value
    items = sorted(root.findall("data"), key=lambda d: d.get("name"))
    for d in root.findall("data"):
        root.remove(d)
    root.extend(items)
    ET.indent(tree, space="  ")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def main() -> None:
    args = sys.argv[1:]
    if len(args) % 3 != 1:
        sys.exit(__doc__)
    base = args[0]
    for i in range(1, len(args), 3):
        key, ja, en = args[i:i + 3]
        upsert(Path(base + ".resx"), key, ja)
        upsert(Path(base + ".en.resx"), key, en)


if __name__ == "__main__":
    main()
