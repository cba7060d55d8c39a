#!/usr/bin/env python3
"""Turns the second annotator's working notes (id|label|factor codes|reason, one a line) into JSONL.

Factor codes: C content_form, I intent, L likelihood, X context (guideline section 3). The output
has the label scheme of incitement-v1.jsonl (`label`, `factors`) plus `reason`, a short reason for
every post. The input must cover each id of the blind file exactly once. Run:
python3 tsv2jsonl.py NOTES.txt BLIND.jsonl OUT.jsonl
"""
import json, sys

CODES = {"C": "content_form", "I": "intent", "L": "likelihood", "X": "context"}
ORDER = ["content_form", "intent", "likelihood", "context"]
LABELS = {"incitement", "dehumanising", "hateful", "none"}


def main(notes, blind, out):
    ids = [json.loads(l)["id"] for l in open(blind, encoding="utf-8") if l.strip()]
    rows = {}
    for n, line in enumerate(open(notes, encoding="utf-8"), 1):
        if not line.strip():
            continue
        parts = line.rstrip("\n").split("|", 3)
        if len(parts) != 4:
            sys.exit("%s:%d: expected id|label|factors|reason" % (notes, n))
        pid, label, codes, reason = parts
        if label not in LABELS:
            sys.exit("%s:%d: unknown label %r" % (notes, n, label))
        factors = [CODES[c] for c in codes.split(",") if c] if codes else []
        if (label == "none") != (not factors):
            sys.exit("%s:%d: factors must be empty exactly for none" % (notes, n))
        if label != "none" and "content_form" not in factors:
            sys.exit("%s:%d: a hostile post needs content_form" % (notes, n))
        if label == "incitement" and "intent" not in factors:
            sys.exit("%s:%d: incitement needs intent" % (notes, n))
        if pid in rows:
            sys.exit("%s:%d: duplicate id %s" % (notes, n, pid))
        rows[pid] = {"id": pid, "label": label,
                     "factors": sorted(factors, key=ORDER.index), "reason": reason.strip()}
    if set(rows) != set(ids):
        sys.exit("ids differ from the blind file: missing %s, extra %s"
                 % (sorted(set(ids) - set(rows)), sorted(set(rows) - set(ids))))
    with open(out, "w", encoding="utf-8") as f:
        for pid in sorted(rows):
            f.write(json.dumps(rows[pid], ensure_ascii=False) + "\n")
    print("%d labels written to %s" % (len(rows), out))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: tsv2jsonl.py NOTES.txt BLIND.jsonl OUT.jsonl")
    main(*sys.argv[1:])
