#!/usr/bin/env python3
"""tests/tools/check_structure.py [--root DIR] STAGES OBJECT... — the stage boundaries, checked.

STAGES is the file CMake writes from the `briefc_stage(...)` calls of the top
CMakeLists.txt (one line per stage, in pipeline order):

    stage <name> uses=<stage,...> headers=<pattern,...> prefixes=<prefix,...>

It is the one place that says which stage may use which. This script checks
the tree against it and exits 1 on any violation:

1. includes: every `#include` of every file under src/<stage>/ names only
   - the C library and POSIX headers (anything not in a restricted family),
   - a third-party header the stage is allowed (`headers=`),
   - its own folder's files, or the public header (`<stage>.h`) of a stage
     listed in `uses=`: never another stage's *_internal.h, never a later
     stage's header;
2. names: every symbol a stage's object files define with external linkage
   starts with one of its prefixes;
3. loops: within a stage, the graph "file A calls a function defined in file
   B" has no cycle (leaves at the bottom, callers above);
4. the README's table of stages lists the same stages, in the same order.

OBJECT files are the stages' compiled objects (their path holds src/<stage>/);
nm reads them. --root names the tree to check (default: this repository)."""
import fnmatch
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, "src")


def set_root(root):
    global ROOT, SRC
    ROOT = os.path.abspath(root)
    SRC = os.path.join(ROOT, "src")

# Header families that only the stages named in STAGES may include. Anything
# else in <...> is the C library or POSIX.
RESTRICTED = ["hpdf*.h", "hb*.h", "yaml.h", "unicode/*", "fontconfig/*", "ft2build.h",
              "freetype/*", "zlib.h", "cmocka.h"]

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def read_stages(path):
    stages = []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts or parts[0] != "stage":
            continue
        fields = dict(p.split("=", 1) for p in parts[2:])
        split = lambda k: [x for x in fields.get(k, "").split(",") if x]
        stages.append({"name": parts[1], "uses": split("uses"), "headers": split("headers"),
                       "prefixes": split("prefixes")})
    return stages


def check_includes(stages, errors):
    by_name = {s["name"]: s for s in stages}
    order = [s["name"] for s in stages]
    for s in stages:
        folder = os.path.join(SRC, s["name"])
        for fname in sorted(os.listdir(folder)):
            if not fname.endswith((".c", ".h")):
                continue
            rel = f"src/{s['name']}/{fname}"
            text = open(os.path.join(folder, fname), encoding="utf-8").read()
            for m in INCLUDE.finditer(text):
                kind, name = m.group(1), m.group(2)
                line = text.count("\n", 0, m.start()) + 1
                where = f"{rel}:{line}"
                if kind == "<":
                    family = next((p for p in RESTRICTED if fnmatch.fnmatch(name, p)), None)
                    if family and not any(fnmatch.fnmatch(name, p) for p in s["headers"]):
                        errors.append(f"{where}: stage '{s['name']}' may not include <{name}>")
                    continue
                target = os.path.normpath(os.path.join(folder, name))
                other = os.path.relpath(target, SRC).split(os.sep)
                if len(other) == 1 or other[0] == s["name"]:
                    continue  # its own folder (or main.c's view of src/)
                stage, header = other[0], other[-1]
                if stage not in by_name:
                    errors.append(f"{where}: includes \"{name}\", outside every stage")
                elif header != f"{stage}.h":
                    errors.append(f"{where}: includes {stage}/{header}: only {stage}.h is "
                                  f"the {stage} stage's contract")
                elif stage not in s["uses"]:
                    later = order.index(stage) > order.index(s["name"])
                    errors.append(f"{where}: stage '{s['name']}' may not use '{stage}'"
                                  + (" (a later stage)" if later else ""))


def nm_symbols(obj):
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBRCGS":
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            undefined.add(parts[1])
    return defined, undefined


def stage_of(obj):
    m = re.search(r"src/([a-z]+)/([A-Za-z0-9_]+)\.c\.o$", obj.replace(os.sep, "/"))
    return (m.group(1), m.group(2) + ".c") if m else (None, None)


def loops(graph):
    """The strongly connected components of graph {node: set(nodes)} that
    hold more than one node (Tarjan), each sorted: the files in a loop."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(n):
        index[n] = low[n] = len(index)
        stack.append(n)
        on_stack.add(n)
        for m in sorted(graph.get(n, ())):
            if m not in index:
                visit(m)
                low[n] = min(low[n], low[m])
            elif m in on_stack:
                low[n] = min(low[n], index[m])
        if low[n] == index[n]:
            component = []
            while True:
                m = stack.pop()
                on_stack.discard(m)
                component.append(m)
                if m == n:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for n in sorted(graph):
        if n not in index:
            visit(n)
    return found


def check_objects(stages, objects, errors):
    by_name = {s["name"]: s for s in stages}
    files = {}  # stage -> {file: (defined, undefined)}
    for obj in objects:
        stage, fname = stage_of(obj)
        if stage in by_name:
            files.setdefault(stage, {})[fname] = nm_symbols(obj)
    for stage, members in sorted(files.items()):
        prefixes = by_name[stage]["prefixes"]
        owner = {}
        for fname, (defined, _) in members.items():
            for sym in defined:
                owner[sym] = fname
                if sym.startswith("__"):
                    continue  # the compiler's own (sanitizers' __odr_asan.*)
                if prefixes and not sym.startswith(tuple(prefixes)):
                    errors.append(f"src/{stage}/{fname}: exports '{sym}', which lacks the "
                                  f"stage's prefix ({', '.join(prefixes)})")
        graph = {f: {owner[u] for u in undefined if u in owner and owner[u] != f}
                 for f, (_, undefined) in members.items()}
        for component in loops(graph):
            calls = [f"{a} -> {b}" for a in component for b in sorted(graph[a])
                     if b in component]
            errors.append(f"src/{stage}/: files call each other in a loop: "
                          + ", ".join(calls))
    missing = [s["name"] for s in stages if s["name"] not in files]
    if objects and missing:
        errors.append(f"no object files given for stage(s) {', '.join(missing)}")


def check_readme(stages, errors):
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    rows = re.findall(r"^\| `src/([a-z]+)/` \| `([a-z_]+\.h)` \| ([^|]*) \|", text, re.M)
    listed = [r[0] for r in rows]
    want = [s["name"] for s in stages]
    if listed != want:
        errors.append(f"README.md: the table of stages lists {listed}, the build has {want}")
    by_name = {s["name"]: s for s in stages}
    for stage, header, uses in rows:
        if header != f"{stage}.h":
            errors.append(f"README.md: stage {stage}'s header is {stage}.h, not {header}")
        said = [u.strip() for u in uses.split(",") if u.strip() not in ("", "—")]
        if stage in by_name and said != by_name[stage]["uses"]:
            errors.append(f"README.md: stage {stage} uses {by_name[stage]['uses']}, "
                          f"the table says {said}")


def main():
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "--root":
        set_root(args[1])
        args = args[2:]
    if not args:
        sys.exit(__doc__)
    stages = read_stages(args[0])
    if not stages:
        sys.exit(f"{args[0]}: no stages")
    errors = []
    check_includes(stages, errors)
    check_objects(stages, args[1:], errors)
    check_readme(stages, errors)
    for e in errors:
        print(e)
    print(f"{len(stages)} stages, {len(args) - 1} object files: "
          f"{len(errors)} problem{'s' if len(errors) != 1 else ''}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
