#!/usr/bin/env python3
"""Assigns the dev/test split of incitement-v1.jsonl in place, reproducibly (seed 20261202).

Within every (label, source) cell, posts are ordered by source id, shuffled with one
random.Random(20261202) and dealt alternately to dev and test, so both halves have the same mix
of labels and sources (a cell of odd size gives its extra post to dev). Run:
python3 split.py incitement-v1.jsonl
"""
import json, random, sys

def main(path):
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    rng = random.Random(20261202)
    cells = {}
    for r in rows:
        cells.setdefault((r["label"], r["source"]), []).append(r)
    for key in sorted(cells):
        cell = sorted(cells[key], key=lambda r: r["source_id"])
        rng.shuffle(cell)
        for i, r in enumerate(cell):
            r["split"] = "dev" if i % 2 == 0 else "test"
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main(sys.argv[1])
