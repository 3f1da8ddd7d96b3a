#!/usr/bin/env python3
"""bench/run.py BRIEFC — time and peak memory of real builds.

Builds the example booklet, the example with its chapter 三 repeated 20
times (bench/x20.py), a generated report of about 3,000 A4 pages and one of
about 300, several times each, and prints, per input: pages, the best and
the median wall time, pages per second (at the best time), the largest
maximum resident set size of any run, and the PDF's size; then what each
page past the example's costs in time and peak memory (from the 3,000
pages). Then diffs two versions of a ~300-page report a few hundred edits
apart (bench/edit_report.py), as a listing and as a 修订对照 PDF, with the
same figures. Then print production: 200 numbered copies beside one build
(and the bytes a copy adds), an imposed booklet with marks, and a batch of
40 reports: one command each, -j 1 and -j 2, beside how much two single
builds slow each other down on this machine. Wall time on a shared virtual machine
wanders by a third from one minute to the next: compare best times, measured in one session."""
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


def measure(briefc, label, report, runs, work, extra=()):
    out = os.path.join(work, "out.pdf")
    walls, rss = [], 0
    for _ in range(runs):
        wall, kib = run_once([briefc, "build", report, "-o", out, *extra])
        walls.append(wall)
        rss = max(rss, kib)
    pages, best = pages_of(out), min(walls)
    print(f"{label:<24} {pages:5d} pages  best {best * 1000:7.1f} ms  median "
          f"{statistics.median(walls) * 1000:7.1f} ms  {pages / best:7.1f} pages/s  "
          f"{rss / 1024:6.1f} MiB max RSS  {os.path.getsize(out) / 1000:7.1f} KB")
    measure.last = {"pages": pages, "best": best, "rss": rss / 1024}
    return best, os.path.getsize(out)


def generated(work, name, script, *args):
    """The output of a bench/ generator script, as a file in work."""
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", script), *args], stdout=f,
                       check=True)
    return path


def measure_growth(briefc, example, work):
    """The example, its chapter 三 ×20 and a 3,000-page report, and what each
    further page costs in time and peak memory between the example and the
    3,000 pages."""
    measure(briefc, "example (luohu-2017)", example, 20, work)
    small = measure.last
    measure(briefc, "chapter 三 x20", generated(work, "x20.yaml", "x20.py"), 10, work)
    measure(briefc, "generated (~3,000 pages)",
            generated(work, "huge.yaml", "gen_report.py", "--chars", "2800000"), 3, work)
    big = measure.last
    pages = big["pages"] - small["pages"]
    print(f"  each further page: {(big['best'] - small['best']) * 1000 / pages:.2f} ms, "
          f"{(big['rss'] - small['rss']) * 1024 / pages:.1f} KiB of peak memory")


def measure_copies(briefc, example, work):
    """200 numbered copies beside one build, measured alternately."""
    one, one_size = measure(briefc, "example, one copy", example, 10, work)
    many, many_size = measure(briefc, "example, --copies 1-200", example, 10, work,
                              ["--copies", "1-200"])
    print(f"  200 copies take {many / one:.2f}x one build; each further copy adds "
          f"{(many_size - one_size) / 199:.0f} bytes")
    measure(briefc, "example, --copies 1-2000", example, 3, work, ["--copies", "1-2000"])
    measure(briefc, "a5-print, booklet + marks", example, 10, work,
            ["-l", "a5-print", "--impose", "booklet", "--marks"])


def measure_batch(briefc, example, work, count=40):
    """count reports in one command, one at a time and two at a time."""
    folder = os.path.join(work, "batch")
    os.makedirs(folder, exist_ok=True)
    reports = []
    for i in range(count):
        path = os.path.join(folder, f"r{i:02d}.yaml")
        with open(example, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
            dst.write(src.read())
        reports.append(path)
    best = {}
    one = os.path.join(work, "one.pdf")
    for _ in range(3):
        for jobs in (1, 2):
            wall, kib = run_once([briefc, "build", *reports, "-j", str(jobs), "-q", "-o",
                                  os.path.join(work, "batch-out") + "/"])
            best[jobs] = min(best.get(jobs, wall), wall)
        start = time.perf_counter()  # what a user does without a batch: one command each
        for report in reports:
            run_once([briefc, "build", report, "-q", "-o", one])
        wall = time.perf_counter() - start
        best["loop"] = min(best.get("loop", wall), wall)
        best["pair"] = min(best.get("pair", 1e9), side_by_side(briefc, example, work))
    print(f"batch of {count} reports       one command each {best['loop'] * 1000:7.1f} ms  "
          f"-j 1 {best[1] * 1000:7.1f} ms  -j 2 {best[2] * 1000:7.1f} ms  (best of 3)")
    print(f"  -j 2 / one command each {best[2] / best['loop']:.2f}, -j 2 / -j 1 "
          f"{best[2] / best[1]:.2f}; two single builds at once take {best['pair']:.2f}x "
          f"one alone, so no -j 2 can beat {best['pair'] / 2:.2f}x of -j 1 here")


def side_by_side(briefc, example, work, runs=10):
    """How much slower two builds run at once than one alone, on this
    machine: the floor under any two-worker batch."""
    cmd = [briefc, "build", example, "-q", "-o"]
    alone = min(run_once(cmd + [os.path.join(work, "a.pdf")])[0] for _ in range(runs))
    together = 1e9
    for _ in range(runs):
        start = time.perf_counter()
        procs = [subprocess.Popen(cmd + [os.path.join(work, f"p{i}.pdf")]) for i in range(2)]
        for p in procs:
            p.wait()
        together = min(together, time.perf_counter() - start)
    return together / alone


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
        large = generated(work, "large.yaml", "gen_report.py", "--chars", "280000")
        example = os.path.join(ROOT, "data", "luohu-2017.yaml")
        measure_growth(briefc, example, work)
        measure(briefc, "generated (~300 pages)", large, 5, work)
        old, new = os.path.join(work, "v1.yaml"), os.path.join(work, "v2.yaml")
        edits = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "edit_report.py"),
                                old, new, "--chars", "280000"], capture_output=True, text=True,
                               check=True).stdout.strip()
        print(f"diff of two ~300-page versions: {edits}")
        measure_diff(briefc, "diff", old, new, 5, work)
        measure_copies(briefc, example, work)
        measure_batch(briefc, example, work)


if __name__ == "__main__":
    main()
