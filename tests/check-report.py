#!/usr/bin/env python3
# check-report.py: `bulwark report` read back as its reader gets it — the HTML by a parser, the
# PDF by pdftotext — and every figure compared with `bulwark analyze --format json` on the same
# file, with and without a threat profile. The HTML must be self-contained (no script, nothing
# fetched); the PDF must carry its title, A4 pages by default and page numbers.
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BULWARK = os.environ["BW_BULWARK"]
SOURCE = os.environ["BW_SOURCE_DIR"]
SAMPLE = os.path.join(SOURCE, "data", "samples", "reference-architecture.bulwark")


def run(*args):
    return subprocess.run([BULWARK, *args], check=True, capture_output=True, text=True).stdout


class Tables(html.parser.HTMLParser):
    """Rows of every table with an id: {table: [{"id", "attrs", "cells": {class: (text, attrs)}}]}."""

    def __init__(self):
        super().__init__()
        self.tables = {}
        self.table = None
        self.row = None
        self.cell = None
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "table" and "id" in attrs:
            self.table = self.tables.setdefault(attrs["id"], [])
        elif tag == "tr" and self.table is not None:
            self.row = {"id": attrs.get("data-id"), "attrs": attrs, "cells": {}, "text": ""}
            self.table.append(self.row)
        elif tag == "td" and self.row is not None:
            self.cell = [attrs, ""]
            for cls in attrs.get("class", "").split():
                self.row["cells"][cls] = self.cell

    def handle_endtag(self, tag):
        if tag == "table":
            self.table = None
        elif tag == "td":
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data
        if self.row is not None:
            self.row["text"] += data


class Tags(html.parser.HTMLParser):
    """Every element name, event-handler attribute and the text, as a browser would see them."""

    def __init__(self):
        super().__init__()
        self.names = set()
        self.handlers = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data):
        self.text += data


def check_figures(what, row, expected):
    for key in ("applicable", "covered", "partial", "gap"):
        got = int(row["cells"][key][1])
        assert got == expected[key], f"{what}.{key}: report {got}, analyze {expected[key]}"
    ratio = row["cells"]["ratio"]
    assert abs(float(ratio[0]["data-ratio"]) - expected["ratio"]) < 1e-9, (what, ratio, expected)
    shown = float(ratio[1].rstrip("%"))
    assert abs(shown - 100 * expected["ratio"]) <= 0.0501, (what, shown, expected["ratio"])


def unprotected(asset):
    # DESIGN §4 rule 11, where analyze does not print it yet.
    return asset.get("unprotected",
                     asset["applicable"] > 0 and asset["covered"] == 0 and asset["partial"] == 0)


def n_unprotected(report):
    return report["summary"].get("unprotected", sum(unprotected(a) for a in report["assets"]))


def check_html(path, report):
    text = open(path, encoding="utf-8").read()
    lowered = text.lower()
    # Self-contained: no script, nothing from the network.
    assert "<script" not in lowered and "javascript:" not in lowered
    assert "<link" not in lowered and "@import" not in lowered and "url(" not in lowered
    for m in re.finditer(r'(?:src|href)\s*=\s*"([^"]*)"', text):
        assert m.group(1).startswith("#"), m.group(0)
    assert "<svg" in text and "coverage-overlay" in text

    parser = Tables()
    parser.feed(text)
    t = parser.tables
    summary = [r for r in t["summary"] if r["id"] == "summary"][0]
    check_figures("summary", summary, report["summary"])
    for key in ("assets", "services"):
        assert int(summary["cells"][key][1]) == report["summary"][key], key
    assert int(summary["cells"]["unprotected"][1]) == n_unprotected(report)
    tactics = {r["id"]: r for r in t["tactics"] if r["id"]}
    assert list(tactics) == [x["id"] for x in report["tactics"]]
    for x in report["tactics"]:
        check_figures(x["id"], tactics[x["id"]], x)
    phases = {r["id"]: r for r in t["kill-chain"] if r["id"]}
    assert list(phases) == [x["id"] for x in report["kill_chain"]]
    for x in report["kill_chain"]:
        check_figures(x["id"], phases[x["id"]], x)
        assert ("⚠" in phases[x["id"]]["text"]) == x["is_gap"], x["id"]
    assets = [r for r in t["assets"] if r["id"]]
    assert [r["id"] for r in assets] == [a["id"] for a in report["assets"]]
    for row, a in zip(assets, report["assets"]):
        for key in ("applicable", "covered", "partial", "gap"):
            assert int(row["cells"][key][1]) == a[key], (a["id"], key)
        assert row["attrs"]["data-unprotected"] == ("true" if unprotected(a) else "false")
    profile = [r for r in t["summary"] if r["id"] == "profile"]
    assert bool(profile) == ("profile" in report)
    if profile:
        check_figures("profile", profile[0], report["profile"]["summary"])
    # Every top gap is a gap in the report (of the profile when one is set).
    statuses = {x["id"]: x["status"] for x in (report.get("profile") or report)["techniques"]}
    gaps = [r["id"] for r in t["gaps"] if r["id"]]
    assert gaps and all(statuses.get(g) == "gap" for g in gaps), gaps


def section(text, start, end):
    a = text.index(start)
    b = text.index(end, a)
    return text[a:b]


def check_pdf(path, report, pages_expected_paper):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Title:\s+Contoso hybrid reference estate$", info, re.M), info
    assert pages_expected_paper in info, info
    n_pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    fonts = subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(line.split()[-5] == "yes" for line in rows), fonts  # every font embedded
    text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True,
                          text=True).stdout
    assert f"page {n_pages} of {n_pages}" in text

    flat = " ".join(text.split())
    s = report["summary"]
    # The page rounds the exact ratio, not the four decimals of the JSON (0.3575 would show 35.8).
    exact = (s["covered"] + 0.5 * s["partial"]) / s["applicable"] if s["applicable"] else 0
    assert (f"{s['assets']} assets and {s['services']} services cover {100 * exact:.1f}% of the "
            f"{s['applicable']} ATT&CK techniques") in flat, flat[:800]
    assert f"{s['covered']} covered, {s['partial']} partial and {s['gap']} gaps" in flat
    assert f"{n_unprotected(report)} of {s['assets']} assets are unprotected" in flat

    def rows(block, names):
        for x in names:
            m = re.search(r"^\s*" + re.escape(x["name"]) + r"(?: ⚠ gap)?\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)%",
                          block, re.M)
            assert m, (x["name"], block)
            got = [int(m.group(i)) for i in range(1, 5)]
            assert got == [x["applicable"], x["covered"], x["partial"], x["gap"]], (x["name"], got)
            assert abs(float(m.group(5)) - 100 * x["ratio"]) <= 0.0501, (x["name"], m.group(5))

    rows(section(text, "ATT&CK tactics", "Cyber Kill Chain"), report["tactics"])
    rows(section(text, "Cyber Kill Chain", "Top gaps"), report["kill_chain"])
    block = section(text, "\nAssets", "Method and data sources")
    counts = [tuple(int(g) for g in m.groups())
              for m in re.finditer(r"\s(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*(?:⚠)?\s*$", block, re.M)]
    assert counts == [(a["applicable"], a["covered"], a["partial"], a["gap"]) for a in report["assets"]], counts


def main():
    tmp = tempfile.mkdtemp(prefix="bulwark-report-")
    try:
        profiled = os.path.join(tmp, "profiled.bulwark")
        doc = json.load(open(SAMPLE, encoding="utf-8"))
        doc.setdefault("settings", {})["threat_groups"] = ["G0016", "G0007"]
        json.dump(doc, open(profiled, "w", encoding="utf-8"), indent=2)
        for source in (SAMPLE, profiled):
            report = json.loads(run("analyze", source, "--format", "json"))
            html_path = os.path.join(tmp, "r.html")
            pdf_path = os.path.join(tmp, "r.pdf")
            run("report", source, "--html", html_path, "--pdf", pdf_path)
            check_html(html_path, report)
            check_pdf(pdf_path, report, "(A4)")
        run("report", SAMPLE, "--pdf", pdf_path, "--paper", "Letter")
        check_pdf(pdf_path, json.loads(run("analyze", SAMPLE, "--format", "json")), "(letter)")
        # Hostile labels stay text, and a diagram wider than high gets a landscape page.
        hostile = os.path.join(SOURCE, "tests", "fixtures", "export", "hostile-labels.bulwark")
        run("report", hostile, "--html", html_path, "--pdf", pdf_path)
        tags = Tags()
        tags.feed(open(html_path, encoding="utf-8").read())
        assert "script" not in tags.names and not tags.handlers, (tags.names, tags.handlers)
        assert "<script>alert('title')</script>" in tags.text
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf_path], check=True,
                              capture_output=True, text=True).stdout
        sizes = [tuple(float(v) for v in m.groups())
                 for m in re.finditer(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]
        assert sizes[0][0] < sizes[0][1] and any(w > h for w, h in sizes), sizes
        bad = subprocess.run([BULWARK, "report", SAMPLE, "--pdf", pdf_path, "--paper", "A5"],
                             capture_output=True, text=True)
        assert bad.returncode == 2 and bad.stderr.count("\n") == 1, bad
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    if shutil.which("pdftotext") is None:
        print("pdftotext (poppler-utils) is not installed")
        sys.exit(77)
    main()
