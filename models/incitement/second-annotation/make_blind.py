#!/usr/bin/env python3
"""Writes a blind copy of one split of incitement-v1.jsonl for a second annotator.

Only `id` and `text` are kept: the guideline (section 2) judges every post by its text alone, so
no other field is context an annotator may see. `label`, `factors` and `rationale` (the first
annotator's work) and `source`, `source_id`, `stratum` (which hint at the label: the strata were
drawn by violent-word and call-word patterns, and the sources by their own hate labels) are
dropped. Posts are written in a seeded shuffled order, not in candidate order, so that the order
of drawing (round 1, 2, 3 strata) does not show either. Nothing but a count is printed. Run:
python3 make_blind.py ../incitement-v1.jsonl test /work/annot-blind/test-blind.jsonl
"""
import json, random, sys

KEEP = ("id", "text")


def main(src, split, out):
    rows = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("split") == split:
                rows.append({k: r[k] for k in KEEP})
    if not rows:
        sys.exit("no posts with split=%r in %s" % (split, src))
    random.Random(20261202).shuffle(rows)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("%d posts written to %s" % (len(rows), out))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: make_blind.py INCITEMENT_JSONL SPLIT OUT_JSONL")
    main(*sys.argv[1:])
