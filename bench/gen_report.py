#!/usr/bin/env python3
"""Generate large, valid briefc reports (format v1) for benchmarks and stress tests.

    bench/gen_report.py [OUT]                      ~450,000 characters (~300 A4 pages at 12 pt)
    bench/gen_report.py --sections 1000 [OUT]      1,000 sections of one short paragraph each
    bench/gen_report.py --long-paragraph 20000 [OUT]   one paragraph of 20,000 characters
    bench/gen_report.py --unbreakable 5000 [OUT]   one paragraph of 5,000 ASCII letters
                                                   with no break opportunity

The text is the seed's sentences (tests/fixtures/seed.txt, already transcribed with
full-width punctuation) recombined with a fixed random seed, so every run writes the
same bytes. Some figures are varied (same number of digits and decimals) so that the
digits, decimals and percentages differ across the document. YAML by default,
--json for JSON. Writes to stdout when OUT is left out. Python 3 standard library only.
"""
import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED_TEXT = os.path.join(HERE, "..", "tests", "fixtures", "seed.txt")
DEFAULT_CHARS = 450_000
SENTENCE_END = "。"
CLAUSE_SPLIT = re.compile(r"[，；。、：]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
AREA = re.compile(r"^(在?)(.{2,16}?)方面，")


class Corpus:
    """The seed's sentences, clauses (for titles) and work-area names."""

    def __init__(self, lines):
        prose = [line for line in lines if SENTENCE_END in line]
        self.sentences = [s + SENTENCE_END for line in prose for s in line.split(SENTENCE_END) if s]
        self.areas = [m.group(2) for line in prose for m in [AREA.match(line)] if m]
        clauses = {c for s in self.sentences for c in CLAUSE_SPLIT.split(s)}
        # Short clauses without quotes or brackets read like headings.
        self.titles = sorted(c for c in clauses if 4 <= len(c) <= 16 and not re.search(r"[“”《》（）]", c))
        self.headings = [line for line in lines if SENTENCE_END not in line and 4 <= len(line) <= 24
                         and " " not in line]
        if not self.sentences or not self.titles:
            raise ValueError("the seed text holds no sentences")


def vary_number(match, rng):
    """A random number with the same digit count and decimals, no leading zero."""
    text = match.group(0)
    out = []
    for i, ch in enumerate(text):
        if ch == ".":
            out.append(ch)
        elif i == 0 and len(text.split(".")[0]) > 1:
            out.append(str(rng.randint(1, 9)))
        else:
            out.append(str(rng.randint(0, 9)))
    return "".join(out)


def sentence(corpus, rng):
    text = rng.choice(corpus.sentences)
    if rng.random() < 0.5:
        text = NUMBER.sub(lambda m: vary_number(m, rng), text)
    return text


def paragraph(corpus, rng, low=2, high=6):
    text = "".join(sentence(corpus, rng) for _ in range(rng.randint(low, high)))
    if corpus.areas and rng.random() < 0.2:
        area = rng.choice(corpus.areas)
        text = f"**在{area}方面，**{text}"
    return text


def title(corpus, rng):
    if corpus.headings and rng.random() < 0.1:
        return rng.choice(corpus.headings)
    return rng.choice(corpus.titles)


def text_length(value):
    """Characters of text in a report fragment (keys and markers not counted)."""
    if isinstance(value, str):
        return len(value.replace("**", ""))
    if isinstance(value, dict):
        return sum(text_length(v) for v in value.values())
    return sum(text_length(v) for v in value)


def section(corpus, rng, depth):
    """A section with 1-4 paragraphs and, above depth 3, some subsections."""
    sec = {"title": title(corpus, rng),
           "content": [paragraph(corpus, rng) for _ in range(rng.randint(1, 4))]}
    if depth < 3 and rng.random() < (0.9 if depth == 1 else 0.4):
        subs = []
        for _ in range(rng.randint(2, 6)):
            subs.append(section(corpus, rng, depth + 1))
        sec["sections"] = subs
    return sec


def large_report(corpus, rng, chars):
    sections = []
    total = 0
    while total < chars:
        sec = section(corpus, rng, 1)
        sections.append(sec)
        total += text_length(sec)
    return sections


def many_sections(corpus, rng, count):
    """count sections in all: a top-level section, then up to 9 subsections, and so on."""
    sections = []
    for i in range(count):
        sec = {"title": title(corpus, rng), "content": [sentence(corpus, rng)]}
        if i % 10 == 0:
            sections.append(sec)
        else:
            sections[-1].setdefault("sections", []).append(sec)
    return sections


def long_paragraph(corpus, rng, length):
    """One paragraph of exactly length characters, ending in 。."""
    text = ""
    while len(text) < length:
        text += sentence(corpus, rng)
    text = text[: length - 1].rstrip("，；：、。“”《》（）·")
    filler = "推进罗湖振兴"
    while len(text) < length - 1:
        text += filler[len(text) % len(filler)]
    return [{"title": "超长段落", "content": [text + SENTENCE_END]}]


def unbreakable(corpus, rng, length):
    """A paragraph of ASCII letters with no break opportunity, between two normal ones."""
    letters = "".join(chr(ord("a") + i % 26) for i in range(length))
    content = [sentence(corpus, rng), letters, sentence(corpus, rng)]
    return [{"title": "无断行机会的段落", "content": content}]


def report(sections, what):
    return {
        "briefc": 1,
        "meta": {
            "title": "罗湖区委七届四次全会会议简报（基准测试）",
            "short_title": "基准测试",
            "subtitle": what,
            "organization": "中共深圳市罗湖区委员会",
            "date": "2017-08-30",
            "version": 1,
            "id": "BENCH-2017-0830",
            "classification": "内部资料",
            "keywords": ["罗湖", "基准测试"],
            "layout": "a4-report",
        },
        "sections": sections,
        "closing": ["奏国际歌，全会闭幕。"],
    }


# ---- YAML output -------------------------------------------------------------

PLAIN_UNSAFE = re.compile(r"[:#\t\n\"\\]")
PLAIN_BAD_START = "-?:,[]{}#&*!|>'\"%@` ."
RESERVED = {"true", "false", "null", "~", "yes", "no", "on", "off", "y", "n"}


def yaml_scalar(value):
    """A block-context scalar: plain where that is unambiguous, else double-quoted."""
    if isinstance(value, int):
        return str(value)
    plain = (value and value[0] not in PLAIN_BAD_START and value[-1] != " "
             and not PLAIN_UNSAFE.search(value) and value.lower() not in RESERVED)
    return value if plain else json.dumps(value, ensure_ascii=False)


def yaml_lines(value, indent):
    pad = "  " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                yield f"{pad}{key}:"
                yield from yaml_lines(item, indent + 1)
            else:
                yield f"{pad}{key}: {yaml_scalar(item)}"
    else:
        for item in value:
            if isinstance(item, dict):
                inner = list(yaml_lines(item, indent + 1))
                yield f"{pad}- {inner[0].lstrip()}"
                yield from inner[1:]
            else:
                yield f"{pad}- {yaml_scalar(item)}"


def to_yaml(doc):
    return "\n".join(yaml_lines(doc, 0)) + "\n"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--sections", type=int, metavar="N", help="N sections of one short paragraph")
    mode.add_argument("--long-paragraph", type=int, metavar="N", help="one paragraph of N characters")
    mode.add_argument("--unbreakable", type=int, metavar="N", help="a run of N letters, no break")
    mode.add_argument("--chars", type=int, default=DEFAULT_CHARS, metavar="N",
                      help=f"characters of text in the large report (default {DEFAULT_CHARS})")
    parser.add_argument("--seed", type=int, default=20170830, help="random seed (default 20170830)")
    parser.add_argument("--seed-text", default=DEFAULT_SEED_TEXT, help="transcribed seed prose")
    parser.add_argument("--json", action="store_true", help="write JSON instead of YAML")
    parser.add_argument("out", nargs="?", help="output path (default: stdout)")
    args = parser.parse_args(argv)
    for name in ("sections", "long_paragraph", "unbreakable", "chars"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def main(argv):
    args = parse_args(argv)
    with open(args.seed_text, encoding="utf-8") as f:
        corpus = Corpus(f.read().splitlines())
    rng = random.Random(args.seed)
    if args.sections:
        doc = report(many_sections(corpus, rng, args.sections), f"{args.sections}个章节")
    elif args.long_paragraph:
        doc = report(long_paragraph(corpus, rng, args.long_paragraph), f"{args.long_paragraph}字的段落")
    elif args.unbreakable:
        doc = report(unbreakable(corpus, rng, args.unbreakable), f"{args.unbreakable}个字母的连续串")
    else:
        doc = report(large_report(corpus, rng, args.chars), "大型报告")
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n" if args.json else to_yaml(doc)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
