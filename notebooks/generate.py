#!/usr/bin/env python3
"""Generates the Jupyter notebooks (evcxr kernel) from the lessons in examples/.

One source: each examples/lesson_*.rs is written as cells (`// %%` starts a code cell,
`// %% [markdown]` a prose cell whose `// ` comment lines become Markdown). The body of
`fn main` becomes the cells; the file's `use` lines go into the first cell with the
`:dep` line that makes evcxr build tinyspdz from this repository.

    python3 notebooks/generate.py          # write notebooks/lesson_*.ipynb
    python3 notebooks/generate.py --check  # fail if a notebook is out of date
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "notebooks"


def cells_of(source: str):
    lines = source.splitlines()
    uses = [l for l in lines if l.startswith("use ")]
    start = next(i for i, l in enumerate(lines) if l.startswith("fn main"))
    end = max(i for i, l in enumerate(lines) if l == "}")
    body = [l[4:] if l.startswith("    ") else l.strip() for l in lines[start + 1 : end]]
    cells = [("code", [':dep tinyspdz = { path = ".." }'] + uses)]
    for line in body:
        if line.strip() == "// %% [markdown]":
            cells.append(("markdown", []))
        elif line.strip() == "// %%":
            cells.append(("code", []))
        elif cells[-1][0] == "markdown":
            if line.startswith("//"):
                cells[-1][1].append(line[3:] if line.startswith("// ") else line[2:])
        elif line.strip() != "Ok(())":
            cells[-1][1].append(line)
    return [(kind, trim(text)) for kind, text in cells if trim(text)]


def trim(lines):
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def notebook(cells):
    def cell(kind, lines):
        source = [l + "\n" for l in lines[:-1]] + lines[-1:]
        if kind == "markdown":
            return {"cell_type": "markdown", "metadata": {}, "source": source}
        return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}

    return {
        "cells": [cell(k, l) for k, l in cells],
        "metadata": {
            "kernelspec": {"display_name": "Rust", "language": "rust", "name": "rust"},
            "language_info": {"name": "Rust", "file_extension": ".rs", "mimetype": "text/rust"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def main():
    check = "--check" in sys.argv
    stale = []
    for lesson in sorted((ROOT / "examples").glob("lesson_*.rs")):
        text = json.dumps(notebook(cells_of(lesson.read_text())), indent=1, ensure_ascii=False) + "\n"
        target = OUT / (lesson.stem + ".ipynb")
        if check:
            if not target.exists() or target.read_text() != text:
                stale.append(target.name)
        else:
            target.write_text(text)
    if stale:
        sys.exit(f"out of date: {', '.join(stale)}; run python3 notebooks/generate.py")


if __name__ == "__main__":
    main()
