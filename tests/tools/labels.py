#!/usr/bin/env python3
"""labels.py REPORT.yaml — every percentage label the booklet must show.

An oracle written apart from briefc's C code: completion = done / target,
with one decimal rounded half up from the exact decimal value (Decimal),
`{progress: N}` cells as N with one decimal, 未报告 for tasks without done.
Prints one label per line."""
import sys
from decimal import Decimal, ROUND_HALF_UP

import yaml


def label(fraction):
    return f"{(fraction * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def walk(sections, out):
    for sec in sections:
        for block in sec.get("content", []) or []:
            if not isinstance(block, dict):
                continue
            for task in block.get("tasks", []) or []:
                if "done" in task:
                    out.append(label(Decimal(task["done"]) / Decimal(task["target"])))
                else:
                    out.append("未报告")
            for row in (block.get("table") or {}).get("rows", []):
                for cell in row:
                    if isinstance(cell, dict) and "progress" in cell:
                        out.append(label(Decimal(cell["progress"]) / 100))
        walk(sec.get("sections", []) or [], out)


def main():
    # BaseLoader keeps numbers as written, so Decimal sees "73.31", not a float
    report = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.BaseLoader)
    out = []
    walk(report["sections"], out)
    print("\n".join(out))


if __name__ == "__main__":
    main()
