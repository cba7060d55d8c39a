#!/usr/bin/env python3
"""Tocsin export bundle: recompute every ledger record's leaf hash and Merkle inclusion path
(RFC 9162, SHA-256) up to the root in the signed tree head tree-head.bin. Standard library only.
Run from the bag's data/ directory:  python3 verify_proofs.py   (exit status 0 = all proofs hold)"""
import glob, hashlib, json, os, struct, sys

H = lambda b: hashlib.sha256(b).digest()
os.chdir(os.path.dirname(os.path.abspath(__file__)))
head = open("tree-head.bin", "rb").read()
assert len(head) == 163 and head[0] == 1, "tree-head.bin is not a version 1 signed tree head"
size, root = struct.unpack(">Q", head[17:25])[0], head[25:57]
print("signed tree head: size %d, root %s, key id %s" % (size, root.hex(), head[65:97].hex()))

def root_from_path(leaf, index, n, path):  # RFC 9162 section 2.1.3.2
    fn, sn, r = index, n - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = H(b"\x01" + p + r)
            while fn & 1 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = H(b"\x01" + r + p)
        fn, sn = fn >> 1, sn >> 1
    return r if sn == 0 else None

bad = 0
for name in sorted(glob.glob("proofs/*.json"), key=lambda n: int(os.path.basename(n)[:-5])):
    p = json.load(open(name))
    rec = open(p["record"], "rb").read()
    seq = struct.unpack(">Q", rec[8:16])[0]
    leaf = H(b"\x00" + rec)
    checks = {
        "record hash (last 32 bytes = SHA-256 of the rest)": H(rec[:-32]) == rec[-32:],
        "seq inside the record": seq == p["seq"] == p["leafIndex"] + 1,
        "leaf hash": leaf.hex() == p["leafHash"],
        "tree size and root are the signed head's": p["treeSize"] == size and p["rootHash"] == root.hex(),
        "audit path leads to the signed root": root_from_path(
            leaf, seq - 1, size, [bytes.fromhex(h) for h in p["auditPath"]]) == root,
    }
    failed = [k for k, ok in checks.items() if not ok]
    extra = ""
    if struct.unpack(">H", rec[24:26])[0] == 1:  # CAPTURE: show what it commits to
        meta = json.loads(rec[62:62 + struct.unpack(">I", rec[58:62])[0]])
        extra = " body sha256 %s %s" % (meta["bodySha256"], meta["url"])
    print("%s seq %d (%s)%s" % ("FAIL" if failed else "ok  ", seq, p["recordType"], extra))
    for k in failed:
        print("     failed: " + k)
    bad += bool(failed)
print("ALL PROOFS HOLD" if bad == 0 else "%d PROOF(S) FAILED" % bad)
sys.exit(1 if bad else 0)
