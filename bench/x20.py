#!/usr/bin/env python3
"""bench/x20.py [--times N] [OUT] — the example with its chapter 三 repeated.

Writes data/luohu-2017.yaml with its third top-level section ("以“四硬”精神全面
推进罗湖振兴") in it N times (20 by default) in a row: the ×20 report the issue
compares with Typst's briefing-x20.typ (about a hundred A4 pages). The section
is copied as text, so every repeat is the example's own YAML, byte for byte.
Writes to stdout when OUT is left out. Python 3 standard library only."""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "data", "luohu-2017.yaml")
SECTION_START = "  - title: "


def repeated(lines, chapter, times):
    """lines with top-level section number `chapter` (1-based) repeated."""
    start = lines.index("sections:\n") + 1
    end = next(i for i in range(start, len(lines)) if lines[i][:1] not in (" ", "\n", ""))
    heads = [i for i in range(start, end) if lines[i].startswith(SECTION_START)]
    if chapter > len(heads):
        sys.exit(f"x20: the example has {len(heads)} sections, not {chapter}")
    first = heads[chapter - 1]
    last = heads[chapter] if chapter < len(heads) else end
    return lines[:first] + lines[first:last] * times + lines[last:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--times", type=int, default=20)
    ap.add_argument("out", nargs="?")
    args = ap.parse_args()
    with open(EXAMPLE, encoding="utf-8") as f:
        text = "".join(repeated(f.readlines(), 3, args.times))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
