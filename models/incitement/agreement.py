#!/usr/bin/env python3
"""Agreement between the first labels of incitement-v1.jsonl (annotator A) and a second, blind
annotation (annotator B, second-annotation/annotator-b-*.jsonl), reproducibly, stdlib only.

For each split B labelled (and for both together) it computes Cohen's kappa and raw agreement on:
the incitement decision (label == incitement, the positive class of EvaluateIncitement); the
four-way label; hostile or not (label != none); and each Rabat factor (present or absent). It also
prints the confusion tables and every post where A and B differ on the incitement decision.

  python3 agreement.py incitement-v1.jsonl second-annotation/annotator-b-test.jsonl \
      second-annotation/annotator-b-dev.jsonl \
      --exclude second-annotation/guideline-examples.txt      # print the figures and tables
  ... --write second-annotation/agreement.json                 # also record the figures
  ... --check second-annotation/agreement.json                 # exit 1 if the record is stale

With --exclude, every group is reported a second time ("test-unquoted" ...) without the listed
posts: the guideline quotes some posts of the set with their labels, and agreement on those is
not evidence that the guideline can be applied by someone else.

The recorded figures are rounded to 4 decimals; AnnotatorAgreementTest recomputes the kappas in
Java from the same two files and compares them with the record.
"""
import argparse, json, random, sys

LABELS = ["incitement", "dehumanising", "hateful", "none"]
FACTORS = ["content_form", "intent", "likelihood", "context"]


def load(path, required):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except ValueError as e:
                sys.exit("%s:%d: not JSON: %s" % (path, n, e))
            for k in required:
                if k not in r:
                    sys.exit("%s:%d: missing field %s" % (path, n, k))
            if r["label"] not in LABELS:
                sys.exit("%s:%d: label must be one of %s [got %r]" % (path, n, LABELS, r["label"]))
            bad = [x for x in r["factors"] if x not in FACTORS]
            if bad:
                sys.exit("%s:%d: unknown factors %s" % (path, n, bad))
            if r["id"] in rows:
                sys.exit("%s:%d: duplicate id %s" % (path, n, r["id"]))
            rows[r["id"]] = r
    if not rows:
        sys.exit("%s: no rows" % path)
    return rows


def kappa(a, b):
    """Cohen's kappa of two equally long label sequences; None when chance agreement is 1."""
    if len(a) != len(b) or not a:
        raise ValueError("need two non-empty sequences of equal length [got %d, %d]" % (len(a), len(b)))
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    cats = set(a) | set(b)
    pe = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    return None if pe == 1 else (po - pe) / (1 - pe), po


def bootstrap_ci(pairs, rounds=2000, seed=20261202):
    """95% percentile bootstrap interval of kappa over posts (resampled with replacement)."""
    rng = random.Random(seed)
    ks = []
    for _ in range(rounds):
        sample = [pairs[rng.randrange(len(pairs))] for _ in pairs]
        k, _ = kappa([x for x, _ in sample], [y for _, y in sample])
        if k is not None:
            ks.append(k)
    ks.sort()
    return [r4(ks[int(0.025 * (len(ks) - 1))]), r4(ks[int(0.975 * (len(ks) - 1))])]


def r4(x):
    return None if x is None else round(x, 4)


def figures(pairs):
    """pairs: list of (A row, B row). Returns the recorded figures for one group of posts."""
    out = {"posts": len(pairs)}

    def add(name, fa, fb):
        a = [fa(p) for p, _ in pairs]
        b = [fb(q) for _, q in pairs]
        k, po = kappa(a, b)
        out[name] = {"kappa": r4(k), "agreement": r4(po)}
        return out[name]

    inc = add("incitement", lambda r: r["label"] == "incitement", lambda r: r["label"] == "incitement")
    inc["kappa_ci95"] = bootstrap_ci(
        [(p["label"] == "incitement", q["label"] == "incitement") for p, q in pairs])
    inc["a_positive"] = sum(p["label"] == "incitement" for p, _ in pairs)
    inc["b_positive"] = sum(q["label"] == "incitement" for _, q in pairs)
    add("label", lambda r: r["label"], lambda r: r["label"])
    add("hostile", lambda r: r["label"] != "none", lambda r: r["label"] != "none")
    for f in FACTORS:
        d = add("factor_" + f, lambda r, f=f: f in r["factors"], lambda r, f=f: f in r["factors"])
        d["a_count"] = sum(f in p["factors"] for p, _ in pairs)
        d["b_count"] = sum(f in q["factors"] for _, q in pairs)
    return out


def table(pairs, key, cats, title):
    lines = ["%s (rows: annotator A, columns: annotator B)" % title, "",
             "| A \\ B | " + " | ".join(map(str, cats)) + " | total |",
             "| --- | " + " | ".join("---:" for _ in cats) + " | ---: |"]
    for ca in cats:
        row = [sum(key(p) == ca and key(q) == cb for p, q in pairs) for cb in cats]
        lines.append("| %s | %s | %d |" % (ca, " | ".join(map(str, row)), sum(row)))
    col = [sum(key(q) == cb for _, q in pairs) for cb in cats]
    lines.append("| total | %s | %d |" % (" | ".join(map(str, col)), len(pairs)))
    return "\n".join(lines)


def read_ids(path):
    ids = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip() and not line.startswith("#"):
                i = line.split("\t")[0].strip()
                if not i.startswith("inc-"):
                    sys.exit("%s:%d: expected an id inc-NNNN first [got %r]" % (path, n, i))
                ids.add(i)
    return ids


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("first", help="incitement-v1.jsonl (annotator A)")
    ap.add_argument("second", nargs="+", help="annotator-b-SPLIT.jsonl files (annotator B)")
    ap.add_argument("--exclude", help="ids (first column) to report also without, "
                    "e.g. second-annotation/guideline-examples.txt")
    ap.add_argument("--write", metavar="JSON", help="record the figures in JSON")
    ap.add_argument("--check", metavar="JSON", help="exit 1 unless JSON holds these figures")
    args = ap.parse_args(argv)
    a = load(args.first, ["id", "label", "factors", "split", "text"])
    groups, everything = {}, []
    for path in args.second:
        b = load(path, ["id", "label", "factors", "reason"])
        missing = sorted(set(b) - set(a))
        if missing:
            sys.exit("%s: ids not in %s: %s" % (path, args.first, missing[:10]))
        splits = {a[i]["split"] for i in b}
        if len(splits) != 1:
            sys.exit("%s: covers several splits %s" % (path, sorted(splits)))
        split = splits.pop()
        if split in groups:
            sys.exit("%s: a second file for the %s split" % (path, split))
        if set(b) != {i for i in a if a[i]["split"] == split}:
            sys.exit("%s: does not cover the %s split exactly" % (path, split))
        pairs = [(a[i], b[i]) for i in sorted(b)]
        groups[split] = pairs
        everything += pairs
    if len(groups) > 1:
        groups["all"] = everything
    excluded = None
    if args.exclude:
        excluded = read_ids(args.exclude)
        unknown = sorted(excluded - set(a))
        if unknown:
            sys.exit("%s: ids not in %s: %s" % (args.exclude, args.first, unknown[:10]))
        for g in list(groups):
            groups[g + "-unquoted"] = [(p, q) for p, q in groups[g] if p["id"] not in excluded]
    result = {"first": args.first.split("/")[-1],
              "second": [p.split("/")[-1] for p in args.second],
              "excluded": None if excluded is None else args.exclude.split("/")[-1],
              "groups": {g: figures(p) for g, p in groups.items()}}
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(json.dumps(result, indent=2, sort_keys=True) + "\n")
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            recorded = json.load(f)
        if recorded != result:
            sys.exit("%s is stale: rerun with --write" % args.check)
        print("%s matches the recomputed figures" % args.check)
        return
    for g, pairs in groups.items():
        fig = result["groups"][g]
        print("## %s (%d posts)\n" % (g, len(pairs)))
        print("| decision | kappa | raw agreement |\n| --- | ---: | ---: |")
        for k in ["incitement", "label", "hostile"] + ["factor_" + f for f in FACTORS]:
            print("| %s | %s | %s |" % (k, fig[k]["kappa"], fig[k]["agreement"]))
        print()
        print(table(pairs, lambda r: "incitement" if r["label"] == "incitement" else "not",
                    ["incitement", "not"], "Incitement decision"))
        print()
        print(table(pairs, lambda r: r["label"], LABELS, "Label"))
        print()
    print("## Disagreements on the incitement decision\n")
    for g in [g for g in groups if g in ("dev", "test")]:
        for p, q in groups[g]:
            if (p["label"] == "incitement") != (q["label"] == "incitement"):
                print("- %s (%s): A %s%s; B %s: %s" % (
                    p["id"], g, p["label"], (": " + p["rationale"]) if p.get("rationale") else "",
                    q["label"], q["reason"]))
    print("\n## Every label disagreement (A label [factors]; B label [factors]: reason)\n")
    for g in [g for g in groups if g in ("dev", "test")]:
        for p, q in groups[g]:
            if p["label"] != q["label"]:
                print("- %s (%s) A %s [%s]%s; B %s [%s]: %s" % (
                    p["id"], g, p["label"], ",".join(p["factors"]),
                    (" " + p["rationale"]) if p.get("rationale") else "",
                    q["label"], ",".join(q["factors"]), q["reason"]))


if __name__ == "__main__":
    main(sys.argv[1:])
