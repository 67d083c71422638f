#!/usr/bin/env python3
"""Sums the step durations of every report folder under OUT by what they spend time on, from the run data that
report.html embeds: server starts and hand-overs, check SQL (the phase steps), the consistency steps.
Usage: shares.py OUT WALL_SECONDS LABEL"""
import glob, json, re, sys

GROUPS = {
    "servers": {"start", "start-service", "await-ready", "promote", "kill", "stop", "configure", "assert-version"},
    "check SQL": {"phase", "sql"},
    "consistency": {"consistency"},
}
out, wall, label = sys.argv[1], float(sys.argv[2]), sys.argv[3]
totals = {g: 0 for g in GROUPS}
other = scenarios = failed = 0
for report in sorted(glob.glob(out + "/*/report.html")):
    text = open(report, encoding="utf-8").read()
    data = json.loads(re.search(r'<script[^>]*id="run-data"[^>]*>(.*?)</script>', text, re.S).group(1))
    scenarios += 1
    failed += data["exitCode"] != 0
    for step in data["steps"]:
        group = next((g for g, kinds in GROUPS.items() if step["kind"] in kinds), None)
        if group is None:
            other += step["durationMillis"]
        else:
            totals[group] += step["durationMillis"]
steps = sum(totals.values()) + other
cells = " | ".join(f"{totals[g] / 1000:.1f} s ({100 * totals[g] / steps:.1f} %)" for g in GROUPS)
print(f"| {label} | {scenarios} ({failed} failed) | {wall:.0f} s | {cells} | "
      f"{100 * totals['consistency'] / max(1, steps - totals['consistency']):.1f} % |")
