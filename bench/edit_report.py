#!/usr/bin/env python3
"""bench/edit_report.py OLD NEW [--chars N] — two versions of a generated report.

OLD is the report bench/gen_report.py writes for --chars N (default 280,000:
about 300 A4 pages), with a tasks block added to one section in six; NEW is
OLD after a few hundred edits of the kinds a report goes through between
versions: figures changed in the prose, sentences inserted and deleted,
paragraphs inserted and deleted, sections renamed, task figures changed,
tasks added and removed, the version and the date. Prints what it did. Fixed
seeds: the same files every run. Python 3 standard library only."""
import argparse
import copy
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_report  # noqa: E402

NUMBER = re.compile(r"\d+(?:\.\d+)?")
UNITS = ["个", "项", "处", "家", "条", "所"]


def all_sections(sections):
    for sec in sections:
        yield sec
        yield from all_sections(sec.get("sections", []))


def paragraphs(sec):
    return [i for i, block in enumerate(sec.get("content", [])) if isinstance(block, str)]


def add_tasks(sections, rng, corpus):
    """A tasks block in one section in six: the work areas."""
    for sec in all_sections(sections):
        if rng.random() < 1 / 6:
            tasks = []
            for k in range(rng.randint(2, 6)):
                target = rng.randint(5, 400)
                task = {"name": f"{gen_report.title(corpus, rng)}{k + 1}", "target": target,
                        "unit": rng.choice(UNITS)}
                if rng.random() < 0.8:
                    task["done"] = rng.randint(0, target)
                tasks.append(task)
            sec.setdefault("content", []).append({"tasks": tasks})


def edit(doc, rng, corpus):
    """A few hundred edits; returns how many of each."""
    done = {k: 0 for k in ("figure", "sentence+", "sentence-", "paragraph+", "paragraph-",
                           "rename", "task figure", "task+", "task-")}
    secs = list(all_sections(doc["sections"]))
    with_paras = [s for s in secs if paragraphs(s)]
    areas = [s for s in secs if any(isinstance(b, dict) and "tasks" in b for b in s.get("content", []))]

    def some_paragraph():
        sec = rng.choice(with_paras)
        i = rng.choice(paragraphs(sec))
        return sec, i

    for _ in range(150):
        sec, i = some_paragraph()
        text = sec["content"][i]
        numbers = list(NUMBER.finditer(text))
        if numbers:
            m = rng.choice(numbers)
            sec["content"][i] = text[:m.start()] + str(rng.randint(1, 999)) + text[m.end():]
            done["figure"] += 1
    for _ in range(60):
        sec, i = some_paragraph()
        text = sec["content"][i]
        cut = text.find("。") + 1
        sec["content"][i] = text[:cut] + gen_report.sentence(corpus, rng) + text[cut:]
        done["sentence+"] += 1
    for _ in range(60):
        sec, i = some_paragraph()
        parts = sec["content"][i].split("。")
        if len(parts) > 2:
            del parts[rng.randrange(len(parts) - 1)]
            sec["content"][i] = "。".join(parts)
            done["sentence-"] += 1
    for _ in range(30):
        sec, i = some_paragraph()
        sec["content"].insert(i, gen_report.paragraph(corpus, rng))
        done["paragraph+"] += 1
    for _ in range(30):
        sec, i = some_paragraph()
        if len(paragraphs(sec)) > 1:
            del sec["content"][i]
            done["paragraph-"] += 1
    for sec in rng.sample(secs, 5):
        sec["title"] += "与创新"
        done["rename"] += 1
    for _ in range(60):
        area = rng.choice(areas)
        tasks = next(b["tasks"] for b in area["content"] if isinstance(b, dict) and "tasks" in b)
        task = rng.choice(tasks)
        task["done"] = rng.randint(0, task["target"])
        done["task figure"] += 1
    for area in rng.sample(areas, 10):
        tasks = next(b["tasks"] for b in area["content"] if isinstance(b, dict) and "tasks" in b)
        if len(tasks) > 1 and done["task-"] < 5:
            tasks.pop()
            done["task-"] += 1
        else:
            tasks.append({"name": f"新增任务{done['task+'] + 1}", "target": 10, "done": 3, "unit": "个"})
            done["task+"] += 1
    doc["meta"]["version"] = 2
    doc["meta"]["date"] = "2017-09-15"
    return done


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--chars", type=int, default=280_000)
    args = parser.parse_args(argv)
    with open(gen_report.DEFAULT_SEED_TEXT, encoding="utf-8") as f:
        corpus = gen_report.Corpus(f.read().splitlines())
    rng = random.Random(20170830)
    doc = gen_report.report(gen_report.large_report(corpus, rng, args.chars), "大型报告")
    add_tasks(doc["sections"], random.Random(1), corpus)
    new = copy.deepcopy(doc)
    done = edit(new, random.Random(2), corpus)
    for path, d in ((args.old, doc), (args.new, new)):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(gen_report.to_yaml(d))
    print(", ".join(f"{n} {k}" for k, n in done.items()), f"({sum(done.values())} edits)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
