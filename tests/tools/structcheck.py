#!/usr/bin/env python3
"""tests/tools/structcheck.py BOOKLET.pdf REPORT.yaml SEED.txt [no-contents] — the structure tree as poppler reads it.

Reads `pdfinfo -struct-text` (the tree, each element's marked-content text)
and checks, independently of briefc, against the report and its source text:
- the root is Document and the roles a booklet has are there;
- every seed paragraph (one per line of SEED.txt, the body's paragraphs) is
  exactly the text of one P — one element even across pages;
- every section title is one heading (H1 for 一、, H2 for （一）…) holding its
  number and its title;
- every table of the report is a Table whose THead holds one TR of TH cells
  (the columns) and whose TBody holds one TR per row, cells in order;
- every task's bar is a Figure, and the figures carry alternative text;
- no running head and no page number is in the tree.
With no-contents (a layout without contents: the official ones) no TOC is
looked for.
Prints one line per failed check; exit 1 when any."""
import re
import subprocess
import sys

import yaml

NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def section_number(depth, ordinal):
    if depth == 1:
        return NUMBERS[ordinal - 1] + "、" if ordinal <= 10 else None
    if depth == 2:
        return "（" + NUMBERS[ordinal - 1] + "）" if ordinal <= 10 else None
    if depth == 3:
        return f"{ordinal}."
    return f"（{ordinal}）"


def read_tree(pdf):
    out = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, text=True)
    if out.stderr.strip():
        print("pdfinfo -struct-text warns: " + out.stderr.strip())
    root = {"role": "(root)", "ind": -1, "text": "", "kids": []}
    stack = [root]
    for line in out.stdout.splitlines():
        m = re.match(r"^( *)(\S.*)$", line)
        if not m:
            continue
        ind, body = len(m.group(1)), m.group(2)
        if body.startswith('"') and body.endswith('"'):
            while stack[-1]["ind"] >= ind:
                stack.pop()
            stack[-1]["text"] += body[1:-1]
            continue
        if body.startswith("/") or body.startswith("Object "):
            continue  # an attribute, an annotation
        while stack[-1]["ind"] >= ind:
            stack.pop()
        node = {"role": body.split()[0].rstrip(":"), "ind": ind, "text": "", "kids": []}
        stack[-1]["kids"].append(node)
        stack.append(node)
    return root


def walk(node):
    yield node
    for k in node["kids"]:
        yield from walk(k)


def full_text(node):
    return node["text"] + "".join(full_text(k) for k in node["kids"])


def cell_text(value):
    if isinstance(value, dict):
        return None  # a {progress: N} cell: its label
    return "" if value is None else str(value)


def blocks(secs, depth=1):
    for sec in secs:
        for block in sec.get("content", []) or []:
            yield depth, block
        yield from blocks(sec.get("sections", []) or [], depth + 1)


def expected_roles(report, contents=True):
    """The roles this report's booklet must have."""
    want = {"Document", "Sect", "H1", "P"} | ({"TOC", "TOCI", "Link"} if contents else set())
    for depth, block in blocks(report["sections"]):
        if depth >= 2:
            want.add("H2")
        if isinstance(block, dict) and ("table" in block or "tasks" in block):
            want |= {"Table", "THead", "TBody", "TR", "TH", "TD"}
        if isinstance(block, dict) and "tasks" in block:
            want |= {"Figure", "Note"}
        if isinstance(block, dict) and "table" in block:
            if "caption" in block["table"]:
                want.add("Caption")
            if "note" in block["table"]:
                want.add("Note")
    return sorted(want)


def main():
    pdf, report_path, seed_path = sys.argv[1:4]
    contents = sys.argv[4:5] != ["no-contents"]
    # every scalar as written (957.1, 73.30), as briefc prints it
    report = yaml.load(open(report_path, encoding="utf-8"), Loader=yaml.BaseLoader)
    seeds = [l.strip() for l in open(seed_path, encoding="utf-8") if l.strip()]
    tree = read_tree(pdf)
    problems = []
    top = tree["kids"]
    if len(top) != 1 or top[0]["role"] != "Document":
        problems.append(f"the root is not one Document: {[n['role'] for n in top]}")
    nodes = list(walk(tree))
    roles = {n["role"] for n in nodes}
    for want in expected_roles(report, contents):
        if want not in roles:
            problems.append(f"no {want} element")

    ps = [n["text"] for n in nodes if n["role"] == "P"]
    for s in seeds:
        body = s
        if any(body == t for t in ps):
            continue
        # headings of the seed are section titles: checked below
        if any(full_text(n).endswith(body) for n in nodes if n["role"] in ("H1", "H2", "H3", "H4")):
            continue
        near = [t for t in ps if t[:12] == body[:12]]
        problems.append(f"no P holds exactly: {body[:30]}…" +
                        (f" (one starts alike: {near[0][:40]}…)" if near else ""))

    heads = [full_text(n) for n in nodes if n["role"] in ("H1", "H2", "H3", "H4")]
    def check_sections(secs, depth):
        for i, sec in enumerate(secs, 1):
            want = section_number(depth, i) + str(sec["title"])
            role = "H%d" % min(depth, 4)
            if want not in [full_text(n) for n in nodes if n["role"] == role]:
                problems.append(f"no {role} holds {want}")
            check_sections(sec.get("sections", []), depth + 1)
            yield from ()
    list(check_sections(report["sections"], 1))

    tables = [n for n in nodes if n["role"] == "Table"]
    report_tables = []
    def collect(secs):
        for sec in secs:
            for block in sec.get("content", []) or []:
                if isinstance(block, dict) and "table" in block:
                    report_tables.append(block["table"])
            collect(sec.get("sections", []))
    collect(report["sections"])
    for want in report_tables:
        found = False
        for t in tables:
            thead = [k for k in t["kids"] if k["role"] == "THead"]
            tbody = [k for k in t["kids"] if k["role"] == "TBody"]
            if not thead or not tbody:
                continue
            head = [full_text(c) for c in thead[0]["kids"][0]["kids"] if c["role"] == "TH"]
            if head != [str(c) for c in want["columns"]]:
                continue
            found = True
            rows = tbody[0]["kids"]
            if len(rows) != len(want["rows"]):
                problems.append(f"table {want['columns']}: {len(rows)} rows, the report has {len(want['rows'])}")
            for r, (tr, row) in enumerate(zip(rows, want["rows"])):
                cells = [c for c in tr["kids"] if c["role"] == "TD"]
                if len(cells) != len(row):
                    problems.append(f"table row {r + 1}: {len(cells)} cells, not {len(row)}")
                for c, value in zip(cells, row):
                    text = cell_text(value)
                    if text is not None and full_text(c) != text:
                        problems.append(f"table row {r + 1}: cell {full_text(c)!r} is not {text!r}")
            if not t["kids"] or t["kids"][0]["role"] != "Caption" and "caption" in want:
                problems.append(f"table {want['columns']}: its caption is not its first element")
        if not found:
            problems.append(f"no Table with the head {want['columns']}")

    ntasks = 0
    def count_tasks(secs):
        nonlocal ntasks
        for sec in secs:
            for block in sec.get("content", []) or []:
                if isinstance(block, dict) and "tasks" in block:
                    ntasks += len(block["tasks"])
            count_tasks(sec.get("sections", []))
    count_tasks(report["sections"])
    figures = [n for n in nodes if n["role"] == "Figure"]
    if len(figures) < ntasks:
        problems.append(f"{len(figures)} figures for {ntasks} tasks' bars")

    meta = report["meta"]
    short = str(meta.get("short_title", meta["title"]))
    # the running head repeats on every body page: in the tree it would be
    # many elements (the cover's title may say the same once)
    heads = [n for n in nodes if n["text"].strip() == short]
    if len(heads) > 1:
        problems.append(f"the running head is in the tree {len(heads)} times")
    for n in nodes:
        if re.fullmatch(r"— *\d+ *—", n["text"].strip()):
            problems.append(f"a page number in the tree: {n['role']} {n['text']!r}")

    for p in problems:
        print(p)
    print(f"{len(nodes) - 1} elements, {len(ps)} P, {len(figures)} figures, "
          f"{len(tables)} tables: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
