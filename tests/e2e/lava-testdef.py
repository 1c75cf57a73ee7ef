#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# lava-testdef.py - check a LAVA test definition against the keys LAVA
# documents for "Lava-Test Test Definition 1.0" (and validates in its own
# test-definition schema): no unknown key anywhere, the mandatory ones
# present, each value of the documented type, the name free of the
# characters LAVA forbids.  LAVA itself is not installable here; this is
# our own small schema of its documented format.
#
# Usage: lava-testdef.py FILE...   (exit 0 valid, 1 invalid, 2 unreadable)
#        lava-testdef.py --render FILE [KEY=VALUE...]
# --render prints the run steps as the shell script LAVA makes of them
# (parameters, with KEY=VALUE overriding the file's, then "set -e" and
# each step), for running them with a stand-in lava-test-case.
import re
import sys

import yaml

STR = "a string"
STRS = "a list of strings"

SCHEMA = {
    "metadata": ({
        "format": STR, "name": STR, "description": STR, "version": STR,
        "maintainer": STRS, "os": STRS, "scope": STRS, "devices": STRS,
        "environment": STRS,
    }, {"format", "name"}),
    "install": ({
        "deps": STRS, "git-repos": STRS, "keys": STRS, "sources": STRS,
        "steps": STRS,
    }, set()),
    "params": (dict, set()),
    "parameters": (dict, set()),
    "parse": ({"pattern": STR, "fixupdict": dict}, set()),
    "run": ({"steps": STRS}, {"steps"}),
}
FORMAT = "Lava-Test Test Definition 1.0"
# The name becomes a directory and a shell word on the DUT.
NAME_FORBIDDEN = re.compile(r"[\s$&\"'`()<>/\\|;]")
FIXUP_RESULTS = {"pass", "fail", "skip", "unknown"}


def type_problem(value, want):
    if want == STR:
        return None if isinstance(value, str) else "must be " + STR
    if want == STRS:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else "must be " + STRS
    if want is dict:
        return None if isinstance(value, dict) else "must be a mapping"
    return None


def check(doc):
    problems = []
    if not isinstance(doc, dict):
        return ["the document is not a mapping"]
    for key in doc:
        if key not in SCHEMA:
            problems.append("unknown top-level key '%s'" % key)
    for key, (keys, required) in SCHEMA.items():
        if key not in doc:
            if key in ("metadata", "run"):
                problems.append("no '%s'" % key)
            continue
        section = doc[key]
        if keys is dict:
            p = type_problem(section, dict)
            if p:
                problems.append("%s %s" % (key, p))
            continue
        if not isinstance(section, dict):
            problems.append("%s must be a mapping" % key)
            continue
        for sub, value in section.items():
            # install takes deps-<os> lists too (deps-debian, ...).
            want = keys.get(sub, STRS if key == "install" and
                            str(sub).startswith("deps-") else None)
            if want is None:
                problems.append("unknown key '%s.%s'" % (key, sub))
                continue
            p = type_problem(value, want)
            if p:
                problems.append("%s.%s %s" % (key, sub, p))
        for sub in sorted(required - set(section)):
            problems.append("no '%s.%s'" % (key, sub))
    meta = doc.get("metadata")
    if isinstance(meta, dict):
        if meta.get("format") != FORMAT:
            problems.append("metadata.format must be '%s'" % FORMAT)
        name = meta.get("name")
        if isinstance(name, str) and NAME_FORBIDDEN.search(name):
            problems.append("metadata.name '%s' has a blank or one of "
                            "$&\"'`()<>/\\|;" % name)
    parse = doc.get("parse")
    if isinstance(parse, dict) and isinstance(parse.get("fixupdict"), dict):
        for k, v in parse["fixupdict"].items():
            if v not in FIXUP_RESULTS:
                problems.append("parse.fixupdict.%s must be one of %s"
                                % (k, ", ".join(sorted(FIXUP_RESULTS))))
    return problems


def shell_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def render(path, overrides):
    with open(path) as f:
        doc = yaml.safe_load(f)
    params = dict(doc.get("params") or {})
    for kv in overrides:
        key, _, value = kv.partition("=")
        if key not in params:
            print("%s: no parameter %s" % (path, key), file=sys.stderr)
            return 2
        params[key] = value
    lines = ["%s=%s" % (k, shell_quote(str(v))) for k, v in params.items()]
    lines.append("set -e")
    lines += [step.rstrip("\n") for step in doc["run"]["steps"]]
    print("\n".join(lines))
    return 0


def main(paths):
    status = 0
    for path in paths:
        try:
            with open(path) as f:
                doc = yaml.safe_load(f)
        except (OSError, yaml.YAMLError) as e:
            print("%s: %s" % (path, e), file=sys.stderr)
            return 2
        for p in check(doc):
            print("%s: %s" % (path, p), file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--render":
        sys.exit(render(sys.argv[2], sys.argv[3:]))
    if len(sys.argv) < 2:
        print("usage: lava-testdef.py FILE...", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
