#!/usr/bin/env python3
"""Draws the candidate posts of the Tocsin incitement set (incitement-v1.jsonl).

Reproducible: python3 sample.py /path/to/shared/data > candidates.jsonl (seed 20261202).
The strata and quotas are documented in README.md next to this file. The violent-act and
dehumanising patterns below are written for sampling only; they are NOT Tocsin's lexicon, and no
Tocsin scorer is run here, so the labels do not depend on the model being measured.
HateXplain's test split is never read (only posts with split train or val are drawn).
"""
import csv, json, os, random, re, sys

SEED = 20261202
VIOLENT = re.compile(r"\b(kill\w*|murder\w*|shoot\w*|shot|hang\w*|lynch\w*|burn\w*|gas(sed)?|"
                     r"exterminat\w*|slaughter\w*|massacre\w*|genocide|wipe\w* (them |em )?out|"
                     r"deport\w*|behead\w*|stab\w*|bomb\w*|execut\w*|eradicat\w*|"
                     r"beat\w*|attack\w*|rope|gun\w*|war|die|dead|death|destroy\w*|purge\w*|"
                     r"cleans\w*|get rid of|expel\w*|rape\w*)\b", re.I)
DEHUMAN = re.compile(r"\b(vermin|rats?|cockroach\w*|roach\w*|parasit\w*|leech\w*|lice|pests?|"
                     r"plague|disease\w*|cancer|animals?|beasts?|savages?|apes?|monkeys?|"
                     r"subhumans?|sub human|invaders?|invasion|infest\w*|swarm\w*|hordes?|"
                     r"filth\w*|dogs?|pigs?|snakes?|mongrels?|breed\w*)\b", re.I)
CALL = re.compile(r"\b(we must|must|should|need to|have to|let'?s|time to|rise up|"
                  r"we will|gonna|going to)\b", re.I)

def hatexplain(root):
    out = []
    with open(os.path.join(root, "hatexplain", "hatexplain_official_split.jsonl"), encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            if p["split"] not in ("train", "val"):
                continue  # never the test split
            out.append(("hatexplain", p["post_id"], " ".join(p["post_tokens"]), p["label"] == "hatespeech"))
    return out

def stormfront(root):
    out = []
    with open(os.path.join(root, "stormfront_vicomtech", "stormfront_sentences.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.append(("stormfront", r["file_id"], r["text"], r["label"] == "hate"))
    return out

def davidson(root):
    out = []
    with open(os.path.join(root, "davidson", "data_labeled_data.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.append(("davidson", r[""], r["tweet"], r["class"] == "0"))
    return out

def mlma(root):
    out = []
    with open(os.path.join(root, "mlma", "hate_speech_mlma", "en_dataset_with_stop_words.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.append(("mlma_en", r["HITId"], r["tweet"], "hateful" in r["sentiment"]))
    return out

def ira(root):
    out = []
    base = os.path.join(root, "influence_ops", "ira_russian_troll_tweets_by_author", "tweets")
    for d in sorted(os.listdir(base)):
        for name in sorted(os.listdir(os.path.join(base, d))):
            with open(os.path.join(base, d, name), encoding="utf-8") as f:
                for i, r in enumerate(csv.DictReader(f)):
                    if r["language"] == "English" and r["retweet"] == "0":
                        out.append(("ira", "%s:%d" % (r["author_id"], i + 2), r["content"], False))
    return out

# (source, loader, quota per stratum: violent+call, violent, dehumanising, source-hate, random)
PLAN = [("hatexplain", hatexplain, (80, 70, 50, 40, 40)),
        ("stormfront", stormfront, (40, 35, 25, 25, 20)),
        ("davidson", davidson, (25, 20, 15, 10, 10)),
        ("mlma_en", mlma, (15, 15, 10, 10, 10)),
        ("ira", ira, (25, 25, 10, 0, 10))]

def stratum(text, hate):
    v = VIOLENT.search(text) is not None
    if v and CALL.search(text):
        return 0
    if v:
        return 1
    if DEHUMAN.search(text):
        return 2
    if hate:
        return 3
    return 4

def main(root):
    global root_dir
    root_dir = root
    rng = random.Random(SEED)
    seen = set()
    names = ["violent+call", "violent", "dehumanising", "source-hate", "random"]
    for source, load, quota in PLAN:
        posts = [p for p in load(root) if 20 <= len(p[2]) <= 600]
        by = {k: [] for k in range(5)}
        for p in posts:
            by[stratum(p[2], p[3])].append(p)
        for k in range(5):
            pool = by[k] if k < 4 else posts  # random: the whole source
            pool = [p for p in pool if (p[0], p[1]) not in seen]
            pick = rng.sample(pool, min(quota[k], len(pool)))
            for src, sid, text, _ in pick:
                seen.add((src, sid))
                print(json.dumps({"source": src, "source_id": sid, "stratum": names[k], "text": text},
                                 ensure_ascii=False))
    enrich(rng, seen)
    enrich_call(rng, seen)

# Second round, drawn after the first: more of the richest stratum, violent act + source label
# hate (the first round gave too few positives for stable precision and recall).
ENRICH = [("hatexplain", hatexplain, 90), ("stormfront", stormfront, 40), ("mlma_en", mlma, 10)]

def enrich(rng, seen):
    for source, load, quota in ENRICH:
        pool = [p for p in load(root_dir) if 20 <= len(p[2]) <= 600 and p[3]
                and VIOLENT.search(p[2]) and (p[0], p[1]) not in seen]
        for src, sid, text, _ in rng.sample(pool, min(quota, len(pool))):
            seen.add((src, sid))
            print(json.dumps({"source": src, "source_id": sid, "stratum": "violent+source-hate",
                              "text": text}, ensure_ascii=False))

# Third round: source label hate and a modal or call word ("should", "must", "let's" ...) with
# or without a violent word, so that calls phrased without the violent verbs above are drawn too.
ENRICH_CALL = [("hatexplain", hatexplain, 100), ("stormfront", stormfront, 50)]

def enrich_call(rng, seen):
    for source, load, quota in ENRICH_CALL:
        pool = [p for p in load(root_dir) if 20 <= len(p[2]) <= 600 and p[3]
                and CALL.search(p[2]) and (p[0], p[1]) not in seen]
        for src, sid, text, _ in rng.sample(pool, min(quota, len(pool))):
            seen.add((src, sid))
            print(json.dumps({"source": src, "source_id": sid, "stratum": "call+source-hate",
                              "text": text}, ensure_ascii=False))

if __name__ == "__main__":
    main(sys.argv[1])
