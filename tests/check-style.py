#!/usr/bin/env python3
# The layout .editorconfig describes, checked on every source file we write: UTF-8, LF line ends,
# a final newline, no trailing whitespace, spaces (not tabs) in C, and C lines within 100 columns.
# A line that holds a string literal may run longer: messages stay whole so they can be grepped
# for, as GNOME code keeps them.
import os
import sys

ROOT = os.environ.get("BW_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..")
DIRS = ["src", "tests", "ui", "data", "build-aux", "help", "flatpak", "po", ".ci"]
SKIP_DIRS = {"fixtures", "regressions", "corpus", "seeds", "catalog"}  # inputs as found, imported data
TEXT = (".c", ".h", ".ui", ".xml", ".css", ".py", ".sh", ".build", ".page", ".in", ".json",
        ".bulwark", ".desktop", ".txt", ".md")
MAX = 100

problems = []


def check(path):
    rel = os.path.relpath(path, ROOT)
    with open(path, "rb") as f:
        data = f.read()
    if not data:
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{rel}: not UTF-8 at byte {e.start}")
        return
    if "\r" in text:
        problems.append(f"{rel}:{text[:text.index(chr(13))].count(chr(10)) + 1}: CR line end")
    if not text.endswith("\n"):
        problems.append(f"{rel}: no newline at the end")
    is_c = path.endswith((".c", ".h"))
    for n, line in enumerate(text.split("\n")[:-1], 1):
        if line != line.rstrip(" \t"):
            problems.append(f"{rel}:{n}: trailing whitespace")
        if is_c and "\t" in line:
            problems.append(f"{rel}:{n}: tab")
        if is_c and len(line) > MAX and '"' not in line:
            problems.append(f"{rel}:{n}: {len(line)} columns (at most {MAX})")


for top in DIRS + ["."]:
    base = os.path.join(ROOT, top)
    if top == ".":
        for name in os.listdir(ROOT):
            p = os.path.join(ROOT, name)
            if os.path.isfile(p) and name.endswith(TEXT + (".editorconfig",)):
                check(p)
        continue
    if not os.path.isdir(base):
        continue
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")]
        for name in sorted(filenames):
            if name.endswith(TEXT) and not name.endswith((".po", ".pot")):
                check(os.path.join(dirpath, name))

for p in problems:
    print(p)
if problems:
    print(f"{len(problems)} places do not follow .editorconfig", file=sys.stderr)
    sys.exit(1)
print("every source file follows .editorconfig")
