#!/usr/bin/env python3
"""Rewrites the one-property-per-key block of a messages class from its Japanese resx.

usage: scripts/sync-messages.py src/Urakata.Workflow/Resources/WorkflowMessages
(The class keeps everything outside the block of `public static string Key => Get(nameof(Key));` lines.)
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

base = Path(sys.argv[1])
keys = sorted(d.get("name") for d in ET.parse(base.with_suffix(".resx")).getroot().findall("data"))
cs = base.with_suffix(".cs")
text = cs.read_text(encoding="utf-8")
pattern = re.compile(r"(    public static string \w+ => Get\(nameof\(\w+\)\);\n)+")
block = "".join(f"    public static string {k} => Get(nameof({k}));\n" for k in keys)
new, n = pattern.subn(block, text, count=1)
if n != 1:
    sys.exit(f"no property block found in {cs}")
cs.write_text(new, encoding="utf-8")
print(f"{cs}: {len(keys)} keys")
