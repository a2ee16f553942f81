#!/usr/bin/env python3
"""Documentation snippet check: check_docs.py SOURCE_ROOT

Every ```cpp fenced block in SOURCE_ROOT/README.md and SOURCE_ROOT/docs/*.md must be quoted from a
compiled source file: its non-empty lines (stripped, internal whitespace collapsed) must appear, in
order, as consecutive non-empty lines (same normalization) of some C++ source file under include/,
examples/, tests/ or tools/. Only C++ sources are searched, because only they are compiled.

Prints one verdict per block and exits 1 if any block is not found (2 on usage errors).
"""
import pathlib
import re
import sys

SOURCE_DIRS = ("include", "examples", "tests", "tools")
CPP_SUFFIXES = {".hpp", ".cpp", ".h", ".hh", ".cc", ".cxx", ".ipp"}
FENCE = re.compile(r"^\s*(```+|~~~+)\s*([^\s`]*)")


def normalize(line: str) -> str:
    return " ".join(line.split())


def cpp_blocks(md: pathlib.Path):
    """Yields (first line number, normalized non-empty lines) for every cpp fence of `md`."""
    lines = md.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group(1), m.group(2).lower()
        start, body = i + 1, []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence[0] * len(fence)):
            body.append(lines[i])
            i += 1
        i += 1  # the closing fence
        if info in ("cpp", "c++"):
            yield start, [normalize(l) for l in body if l.strip()]


def source_files(root: pathlib.Path):
    """Yields (relative path, normalized non-empty lines with their line numbers)."""
    for d in SOURCE_DIRS:
        base = root / d
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            if not p.is_file() or p.suffix not in CPP_SUFFIXES:
                continue
            try:
                text = p.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            numbered = [(n, normalize(l)) for n, l in enumerate(text.splitlines(), 1) if l.strip()]
            yield p.relative_to(root), numbered


def find(block, sources):
    """((path, line), None) of the first source holding `block` consecutively, else
    (None, (length, (path, line)) of the longest matching prefix)."""
    best = (0, None)
    for path, numbered in sources:
        norm = [l for _, l in numbered]
        for k, line in enumerate(norm):
            if line != block[0]:
                continue
            n = 0
            while n < len(block) and k + n < len(norm) and norm[k + n] == block[n]:
                n += 1
            if n == len(block):
                return (path, numbered[k][0]), None
            if n > best[0]:
                best = (n, (path, numbered[k][0]))
    return None, best


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    docs = [root / "README.md"] + sorted((root / "docs").glob("*.md"))
    docs = [d for d in docs if d.is_file()]
    if not docs:
        print(f"check_docs: no README.md or docs/*.md under {root}", file=sys.stderr)
        return 2
    sources = list(source_files(root))
    total = failed = 0
    for md in docs:
        for start, block in cpp_blocks(md):
            total += 1
            where = f"{md.relative_to(root)}:{start}"
            if not block:
                print(f"FAIL {where}: empty cpp block")
                failed += 1
                continue
            found, best = find(block, sources)
            if found:
                print(f"ok   {where} ({len(block)} lines) <- {found[0]}:{found[1]}")
                continue
            failed += 1
            matched, at = best
            print(f"FAIL {where} ({len(block)} lines): not quoted from any compiled source")
            if at:
                print(f"     longest match: {matched} line(s) at {at[0]}:{at[1]}; diverges at: {block[matched]!r}")
            else:
                print(f"     first line not found: {block[0]!r}")
    print(f"{total - failed} of {total} cpp blocks quoted from compiled sources, {failed} not")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
