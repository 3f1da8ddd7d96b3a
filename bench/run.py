#!/usr/bin/env python3
"""bench/run.py BRIEFC — time and peak memory of real builds.

Builds the example booklet and a generated report of about 300 A4 pages
several times each, and prints, per input: pages, the best and the median
wall time, pages per second (at the best time), the largest maximum
resident set size of any run, and the PDF's size. Then diffs two versions
of a ~300-page report a few hundred edits apart (bench/edit_report.py),
as a listing and as a 修订对照 PDF, with the same figures. Wall time on a shared
virtual machine wanders by a third from one minute to the next: compare
best times, measured in one session."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_once(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed")
    return wall, usage.ru_maxrss  # KiB on Linux


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(next(l.split()[1] for l in out.splitlines() if l.startswith("Pages:")))


def measure(briefc, label, report, runs, work):
    out = os.path.join(work, "out.pdf")
    walls, rss = [], 0
    for _ in range(runs):
        wall, kib = run_once([briefc, "build", report, "-o", out])
        walls.append(wall)
        rss = max(rss, kib)
    pages, best = pages_of(out), min(walls)
    print(f"{label:<24} {pages:5d} pages  best {best * 1000:7.1f} ms  median "
          f"{statistics.median(walls) * 1000:7.1f} ms  {pages / best:7.1f} pages/s  "
          f"{rss / 1024:6.1f} MiB max RSS  {os.path.getsize(out) / 1000:7.1f} KB")


def measure_diff(briefc, label, old, new, runs, work):
    """briefc diff of two versions: the listing, then the 修订对照 PDF."""
    for what, extra in (("listing", []), ("PDF", ["-o", os.path.join(work, "changes.pdf")])):
        walls, rss = [], 0
        for _ in range(runs):
            wall, kib = run_once([briefc, "diff", old, new, *extra])
            walls.append(wall)
            rss = max(rss, kib)
        best = min(walls)
        print(f"{label + ' ' + what:<32} best {best * 1000:7.1f} ms  median "
              f"{statistics.median(walls) * 1000:7.1f} ms  {rss / 1024:6.1f} MiB max RSS")


def main():
    briefc = os.path.abspath(sys.argv[1])
    version = subprocess.run([briefc, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"briefc benchmark ({version}, {os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as work:
        large = os.path.join(work, "large.yaml")
        with open(large, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_report.py"),
                            "--chars", "280000"], stdout=f, check=True)
        measure(briefc, "example (luohu-2017)", os.path.join(ROOT, "data", "luohu-2017.yaml"),
                20, work)
        measure(briefc, "generated (~300 pages)", large, 5, work)
        old, new = os.path.join(work, "v1.yaml"), os.path.join(work, "v2.yaml")
        edits = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "edit_report.py"),
                                old, new, "--chars", "280000"], capture_output=True, text=True,
                               check=True).stdout.strip()
        print(f"diff of two ~300-page versions: {edits}")
        measure_diff(briefc, "diff", old, new, 5, work)


if __name__ == "__main__":
    main()
