#!/usr/bin/env python3
"""Validate sovtrack feed files against the JSON Schema of their feed version.

Each file is checked against docs/feed-v<N>.schema.json for its own "version" N (1 or 2);
a file whose version is missing, not a whole number or unknown is checked against the
newest schema, which then reports the version as wrong.

    python3 scripts/validate-schema.py FILE...     (FILE may be "-" for standard input)
    python3 scripts/validate-schema.py --serve     (for tests: reads lines of FILEs joined by
        tabs, answers each with one JSON line {"status": N, "output": TEXT}; started once)

Prints "FILE: ok" for a valid file, else one line per problem, "FILE: path: message"
(a JSON syntax error as "FILE:LINE:COLUMN: message"). Exits 0 only if every file is
valid, 1 if any is not, 2 on a usage error or when the jsonschema package is missing.

The schema cannot check everything `sovtrack validate` checks (unique ids, real
calendar days); use that for the full rules.
"""

import json
import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
SCHEMA_PATHS = {1: DOCS / "feed-v1.schema.json", 2: DOCS / "feed-v2.schema.json"}
NEWEST = max(SCHEMA_PATHS)


def fail_usage(message):
    print(f"validate-schema.py: {message}", file=sys.stderr)
    sys.exit(2)


try:
    from jsonschema import Draft202012Validator, ValidationError, validators
except ImportError:
    fail_usage("the Python package jsonschema is not installed (pip install jsonschema)")


def ecma_pattern(pattern):
    """JSON Schema patterns are ECMA-262 regexes, where "$" is the end of the text; in
    Python's re it also matches before a final newline, which would let "2026\\n" pass.
    So "$" outside a character class becomes "\\Z"."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        out.append("\\Z" if c == "$" and not in_class else c)
        i += 1
    return "".join(out)


def pattern_keyword(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(ecma_pattern(pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


FeedValidator = validators.extend(Draft202012Validator, {"pattern": pattern_keyword})


def format_path(parts):
    """deals[3].capacity.initialMW, or "" for the document itself."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def show(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def message(error):
    """jsonschema's message, shortened where it would be unreadable."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    name = schema.get("title")
    if error.validator == "enum" and len(error.validator_value) > 12:
        return f"{show(error.instance)} is not a valid {name or 'value'}"
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"{show(error.instance)} is not one of: {allowed}"
    if error.validator == "const":
        return f"{show(error.instance)} is not {show(error.validator_value)}"
    if error.validator == "required":
        # jsonschema reports each missing key on its own, as "'key' is a required property".
        for key in error.validator_value:
            if error.message == f"{key!r} is a required property":
                return f"missing required key {show(key)}"
    if error.validator == "pattern" and error.validator_value == "\\S":
        return "must not be empty"
    if error.validator == "pattern" and name:
        return f"{show(error.instance)} is not a valid {name}"
    if error.validator == "anyOf" and all(
        isinstance(s, dict) and set(s) == {"required"} for s in error.validator_value
    ):
        keys = [k for s in error.validator_value for k in s["required"]]
        return "needs at least one of: " + ", ".join(keys)
    if error.validator == "oneOf" and all(
        isinstance(s, dict) and set(s) == {"required"} for s in error.validator_value
    ):
        keys = [k for s in error.validator_value for k in s["required"]]
        return "needs exactly one of: " + ", ".join(keys)
    return error.message


def sort_key(error):
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in error.absolute_path)


def reject_constant(name):
    raise ValueError(f"{name} is not valid JSON (numbers must be finite)")


def schema_version(document):
    """The version whose schema checks this document: its own when known, else the newest."""
    v = document.get("version") if isinstance(document, dict) else None
    return v if isinstance(v, int) and not isinstance(v, bool) and v in SCHEMA_PATHS else NEWEST


def check(name, text, validators_by_version):
    """Prints the result for one document; returns True if it is valid."""
    try:
        document = json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as e:
        print(f"{name}:{e.lineno}:{e.colno}: {e.msg}")
        return False
    except ValueError as e:
        print(f"{name}: {e}")
        return False
    validator = validators_by_version[schema_version(document)]
    errors = sorted(validator.iter_errors(document), key=lambda e: (sort_key(e), e.message))
    if not errors:
        print(f"{name}: ok")
        return True
    for error in errors:
        path = format_path(error.absolute_path)
        print(f"{name}: {path}: {message(error)}" if path else f"{name}: {message(error)}")
    return False


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        fail_usage("usage: python3 scripts/validate-schema.py FILE... (- for standard input)")
    validators_by_version = load_validators()
    if argv == ["--serve"]:
        return serve(validators_by_version)
    return check_files(argv, validators_by_version)


def serve(validators_by_version):
    """One request a line (FILEs joined by tabs), one JSON line an answer: what a run with
    those arguments would print and its exit status, without a Python start each time."""
    import contextlib
    import io

    for line in sys.stdin:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = check_files(line.rstrip("\n").split("\t"), validators_by_version)
        print(json.dumps({"status": status, "output": out.getvalue()}), flush=True)
    return 0


def load_validators():
    validators_by_version = {}
    for version, path in SCHEMA_PATHS.items():
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
        except Exception as e:  # noqa: BLE001 - any problem with a schema is fatal
            fail_usage(f"cannot use {path}: {e}".splitlines()[0])
        validators_by_version[version] = FeedValidator(schema)
    return validators_by_version


def check_files(argv, validators_by_version):
    all_ok = True
    for arg in argv:
        name = "<stdin>" if arg == "-" else arg
        try:
            data = sys.stdin.buffer.read() if arg == "-" else Path(arg).read_bytes()
            text = data.decode("utf-8")
        except OSError as e:
            print(f"{name}: cannot read: {e.strerror}")
            all_ok = False
            continue
        except UnicodeDecodeError as e:
            print(f"{name}: not UTF-8 (byte {e.start})")
            all_ok = False
            continue
        all_ok = check(name, text, validators_by_version) and all_ok
    return 0 if all_ok else 1


if __name__ == "__main__":
    try:
        status = main(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into head, say
        sys.stderr.close()
        status = 1
    sys.exit(status)
