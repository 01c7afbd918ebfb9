#!/usr/bin/env python3
"""Times the reference runner's no-op in-process, beside telec's JMH benchmark (bench/jmh.sh).

usage: timeit_reference.py REFERENCE WORKLOAD TOP [--number N] [--repeat R]
  REFERENCE  the reference runner (bench/seed_runner.py)
  WORKLOAD   gen_workload.py's output directory (its py/ steps are used)
  TOP        the newest version in the workload (what gen_workload.py printed)

A new home gets every step applied by one call of the runner's main(); then main() is called again and
again with the same arguments (discover the steps, read the state, skip them all) under timeit.
Prints one line: the median, min and max time per call in microseconds over R repeats of N calls.
"""
import argparse, contextlib, importlib.util, io, os, statistics, sys, tempfile, timeit
from pathlib import Path


def main():
    p = argparse.ArgumentParser()
    p.add_argument("reference")
    p.add_argument("workload")
    p.add_argument("top")
    p.add_argument("--number", type=int, default=200)
    p.add_argument("--repeat", type=int, default=7)
    a = p.parse_args()
    spec = importlib.util.spec_from_file_location("seed_runner", a.reference)
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    with tempfile.TemporaryDirectory(prefix="telec-timeit") as home:
        os.environ["HOME_DIR"] = home
        argv = [str(Path(a.workload) / "py"), str(Path(home) / "state.json"), "0.0.0", a.top]
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink):
            if runner.main(argv) != 0 or "skipped=0" not in sink.getvalue():
                sys.exit("the first run should apply every step: " + sink.getvalue())

        def noop():
            sink.seek(0)
            sink.truncate()
            with contextlib.redirect_stdout(sink):
                runner.main(argv)

        noop()
        if "run=0 " not in sink.getvalue():
            sys.exit("the second run should have nothing to do: " + sink.getvalue())
        times = [t / a.number * 1e6 for t in timeit.repeat(noop, number=a.number, repeat=a.repeat)]
    print(f"median {statistics.median(times):.1f} us, min {min(times):.1f} us, max {max(times):.1f} us "
          f"per call ({a.repeat} repeats of {a.number} calls, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
