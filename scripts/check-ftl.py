#!/usr/bin/env python3
"""Checks the Fluent translation files of the rules.

For every area folder `src/rules/<area>/`:

* every `.ftl` file parses with the reference Fluent parser (`fluent.syntax`); a `Junk`
  entry (text the parser could not read as a message, term or comment) is an error, reported
  with its line;
* `<lang>.ftl` (the rule texts of one language, e.g. `ko.ftl`) holds exactly one message per
  rule of the area, named by the rule's slug, whose value is the title and which has the
  attributes `.description` and `.remediation` and no others. The translated texts keep the
  English code spans (between backticks), the rule ids (PAL-...) and the numbers of the
  `rule!` declaration, where the English texts live (string literals, or the literal pieces
  of a `concat!`; files it includes are not compared). An area with rules lacking the
  `<lang>.ftl` that other areas have is an error;
* `messages.<lang>.ftl` (finding messages) has the same message ids as `messages.en.ftl`,
  the same attributes, and each message and attribute uses the same set of variables
  (`{ $name }`) as its English counterpart, every one at least once, and keeps the code spans
  (between backticks) of the English value;

And every translation `data/well-architected-security.<lang>.tsv` of the Well-Architected
table has the header, the ids (in the same order) and the number of columns of the English
one, no empty field, and one translation per English area name.

Usage: scripts/check-ftl.py [--root DIR] [--allow-missing]
  --root DIR         repository root (default: the repository holding this script)
  --allow-missing    an area without the translation that other areas have (rule texts
                     or finding messages), and a translation of finding messages
                     without messages.en.ftl, are warnings, not errors

Needs the `fluent.syntax` package (pip install fluent.syntax).
Exit status 1 when any error is found.
"""

import argparse
import collections
import pathlib
import re
import sys

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

RULE_START = re.compile(r"\brule!\(")
CODE_SPAN = re.compile(r"`[^`]*`")
RULE_ID = re.compile(r"(?<![A-Za-z0-9-])PAL-[A-Z0-9]+-\d+(?![0-9])")
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:[.,]\d+)*")


def rust_string(src, i):
    """The value of the Rust string literal starting at src[i] (a `"`), and its end."""
    assert src[i] == '"'
    i += 1
    out = []
    escapes = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "0": "\0"}
    while True:
        c = src[i]
        if c == '"':
            return "".join(out), i + 1
        if c == "\\":
            n = src[i + 1]
            if n == "\n":
                i += 2
                while src[i] in " \t\r\n":
                    i += 1
                continue
            if n == "u":
                end = src.index("}", i)
                out.append(chr(int(src[i + 3 : end], 16)))
                i = end + 1
                continue
            out.append(escapes[n])
            i += 2
            continue
        out.append(c)
        i += 1


def rule_field(body, name):
    """The text of a field of a `rule!`: a string literal, or the literal pieces of a
    `concat!` (what it includes from files, such as a generated table, is left out)."""
    m = re.search(r"\b" + name + r":\s*", body)
    if not m:
        return None
    i = m.end()
    if body[i] == '"':
        return rust_string(body, i)[0]
    if not body.startswith("concat!(", i):
        return None
    i += len("concat!(")
    pieces = []
    while i < len(body):
        c = body[i]
        if c in " \t\r\n,":
            i += 1
        elif c == '"':
            text, i = rust_string(body, i)
            pieces.append(text)
        elif c == ")":
            return "".join(pieces)
        elif body.startswith("include_str!(", i):
            i = body.index(")", i) + 1
        else:
            return None
    return None


def area_rules(area_dir):
    """slug -> {id, title, description, remediation} of the rules declared in an area."""
    rules = {}
    for rs in sorted(area_dir.glob("*.rs")):
        src = rs.read_text(encoding="utf-8")
        for m in RULE_START.finditer(src):
            body = src[m.end() :]
            cut = body.find("check:")
            body = body[: cut if cut >= 0 else len(body)]
            slug = rule_field(body, "slug")
            if slug is None:
                continue
            rules[slug] = {
                "file": rs,
                "id": rule_field(body, "id"),
                "title": rule_field(body, "title"),
                "description": rule_field(body, "description"),
                "remediation": rule_field(body, "remediation"),
            }
    return rules


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def parse(path, errors):
    """The resource of a Fluent file, or None; syntax errors are added to `errors`."""
    text = path.read_text(encoding="utf-8")
    resource = FluentParser(with_spans=True).parse(text)
    ok = True
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            ok = False
            notes = "; ".join(a.message for a in entry.annotations) or "unreadable text"
            errors.append(f"{path}:{line_of(text, entry.span.start)}: syntax error: {notes}")
    return resource if ok else None


def pattern_text(pattern):
    """The text of a pattern, with escaped literals resolved and placeables as `{ $x }`."""
    parts = []
    for el in pattern.elements:
        if isinstance(el, ast.TextElement):
            parts.append(el.value)
        elif isinstance(el.expression, ast.StringLiteral):
            parts.append(el.expression.parse()["value"])
        elif isinstance(el.expression, ast.VariableReference):
            parts.append("{ $" + el.expression.id.name + " }")
        else:
            parts.append("{…}")
    return "".join(parts)


class Variables(Visitor):
    def __init__(self):
        super().__init__()
        self.names = set()

    def visit_VariableReference(self, node):
        self.names.add(node.id.name)
        self.generic_visit(node)


def variables(node):
    if node is None:
        return set()
    v = Variables()
    v.visit(node)
    return v.names


def messages(resource):
    return {e.id.name: e for e in resource.body if isinstance(e, ast.Message)}


def duplicates(resource):
    count = collections.Counter(e.id.name for e in resource.body if isinstance(e, ast.Message))
    return [name for name, n in count.items() if n > 1]


def tokens(text):
    """What a translation must keep: code spans, rule ids and numbers (outside code spans)."""
    spans = CODE_SPAN.findall(text)
    rest = CODE_SPAN.sub(" ", text)
    return collections.Counter(spans), set(RULE_ID.findall(rest)), set(NUMBER.findall(RULE_ID.sub(" ", rest)))


def compare_ids(path, resource, want, errors, missing, extra):
    """The messages of `resource` by id, after reporting duplicate ids, the ids of `want` it
    lacks (`missing(id)` says how) and those it has beyond them (`extra(id)`)."""
    msgs = messages(resource)
    for name in duplicates(resource):
        errors.append(f"{path}: message `{name}` is defined more than once")
    for name in sorted(set(want) - set(msgs)):
        errors.append(f"{path}: {missing(name)}")
    for name in sorted(set(msgs) - set(want)):
        errors.append(f"{path}: {extra(name)}")
    return msgs


def check_rule_texts(path, resource, rules, errors):
    no_message = lambda slug: f"no message for rule `{slug}` ({rules[slug]['id']})"  # noqa: E731
    no_rule = lambda name: f"message `{name}` names no rule of the area"  # noqa: E731
    msgs = compare_ids(path, resource, rules, errors, no_message, no_rule)
    for slug in sorted(set(rules) & set(msgs)):
        msg, rule = msgs[slug], rules[slug]
        attrs = {a.id.name: a for a in msg.attributes}
        texts = {}
        if msg.value is None:
            errors.append(f"{path}: `{slug}` has no value (the title)")
        else:
            texts["title"] = pattern_text(msg.value)
        for want in ("description", "remediation"):
            if want not in attrs:
                errors.append(f"{path}: `{slug}` has no `.{want}` attribute")
            else:
                texts[want] = pattern_text(attrs[want].value)
        for extra in sorted(set(attrs) - {"description", "remediation"}):
            errors.append(f"{path}: `{slug}` has an unexpected attribute `.{extra}`")
        for part, text in texts.items():
            if variables(attrs[part].value if part in attrs else msg.value):
                errors.append(f"{path}: `{slug}` {part}: rule texts take no variables")
            english = rule[part]
            if english is None:
                continue
            en_spans, en_ids, en_numbers = tokens(english)
            spans, ids, numbers = tokens(text)
            missing = en_spans - spans
            added = spans - en_spans
            if missing:
                errors.append(f"{path}: `{slug}` {part}: code spans of the English missing: {sorted(missing)}")
            if added:
                errors.append(f"{path}: `{slug}` {part}: code spans not in the English: {sorted(added)}")
            if en_ids - ids:
                errors.append(f"{path}: `{slug}` {part}: rule ids missing: {sorted(en_ids - ids)}")
            if en_numbers - numbers:
                errors.append(f"{path}: `{slug}` {part}: numbers missing: {sorted(en_numbers - numbers)}")


def check_messages(path, resource, english_path, english, errors):
    en_msgs = messages(english)
    untranslated = lambda name: f"message `{name}` of {english_path.name} is not translated"  # noqa: E731
    unknown = lambda name: f"message `{name}` is not in {english_path.name}"  # noqa: E731
    msgs = compare_ids(path, resource, en_msgs, errors, untranslated, unknown)
    for name in sorted(set(msgs) & set(en_msgs)):
        msg, en = msgs[name], en_msgs[name]
        if (msg.value is None) != (en.value is None):
            errors.append(f"{path}: `{name}`: value present in one language only")
        else:
            want, got = variables(en.value), variables(msg.value)
            if want != got:
                errors.append(f"{path}: `{name}`: variables {sorted(got)}, English has {sorted(want)}")
            if msg.value is not None:
                en_spans = collections.Counter(CODE_SPAN.findall(pattern_text(en.value)))
                spans = collections.Counter(CODE_SPAN.findall(pattern_text(msg.value)))
                if en_spans - spans:
                    errors.append(f"{path}: `{name}`: code spans of the English missing: {sorted(en_spans - spans)}")
        attrs = {a.id.name: a for a in msg.attributes}
        en_attrs = {a.id.name: a for a in en.attributes}
        if set(attrs) != set(en_attrs):
            errors.append(f"{path}: `{name}`: attributes {sorted(attrs)}, English has {sorted(en_attrs)}")
        for a in sorted(set(attrs) & set(en_attrs)):
            want, got = variables(en_attrs[a].value), variables(attrs[a].value)
            if want != got:
                errors.append(f"{path}: `{name}.{a}`: variables {sorted(got)}, English has {sorted(want)}")


def check_tsv_translations(data_dir, errors):
    english_path = data_dir / "well-architected-security.tsv"
    if not english_path.exists():
        return 0
    english = english_path.read_text(encoding="utf-8").splitlines()
    count = 0
    for path in sorted(data_dir.glob("well-architected-security.*.tsv")):
        count += 1
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0] != english[0]:
            errors.append(f"{path}:1: header must be `{english[0]}`")
        if len(lines) != len(english):
            errors.append(f"{path}: {len(lines) - 1} rows, {english_path.name} has {len(english) - 1}")
        areas = {}
        for n, (line, en_line) in enumerate(zip(lines[1:], english[1:]), start=2):
            cols, en_cols = line.split("\t"), en_line.split("\t")
            if len(cols) != len(en_cols):
                errors.append(f"{path}:{n}: {len(cols)} columns, expected {len(en_cols)}")
                continue
            if cols[0] != en_cols[0]:
                errors.append(f"{path}:{n}: id `{cols[0]}`, {english_path.name} has `{en_cols[0]}` on this row")
            if any(not c.strip() for c in cols):
                errors.append(f"{path}:{n}: empty field")
            seen = areas.setdefault(en_cols[1], cols[1])
            if seen != cols[1]:
                errors.append(f"{path}:{n}: area `{en_cols[1]}` translated both `{seen}` and `{cols[1]}`")
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parent.parent)
    parser.add_argument("--allow-missing", action="store_true")
    args = parser.parse_args()
    rules_dir = args.root / "src" / "rules"
    errors, warnings = [], []
    files = rule_files = message_files = 0
    area_dirs = sorted(p for p in rules_dir.iterdir() if p.is_dir())
    rule_langs = {
        f.name[: -len(".ftl")] for d in area_dirs for f in d.glob("*.ftl") if not f.name.startswith("messages.")
    }
    for area_dir in area_dirs:
        rules = area_rules(area_dir)
        for lang in sorted(rule_langs):
            if rules and not (area_dir / f"{lang}.ftl").exists():
                note = f"{area_dir}: no {lang}.ftl for the {len(rules)} rules of the area"
                (warnings if args.allow_missing else errors).append(note)
        parsed = {}
        for ftl in sorted(area_dir.glob("*.ftl")):
            files += 1
            parsed[ftl.name] = parse(ftl, errors)
        for name, resource in parsed.items():
            path = area_dir / name
            m = re.fullmatch(r"messages\.([A-Za-z-]+)\.ftl", name)
            if m:
                if m.group(1) == "en":
                    continue
                english_path = area_dir / "messages.en.ftl"
                if "messages.en.ftl" not in parsed:
                    note = f"{path}: no {english_path.name} beside it"
                    (warnings if args.allow_missing else errors).append(note)
                elif resource is not None and parsed["messages.en.ftl"] is not None:
                    message_files += 1
                    check_messages(path, resource, english_path, parsed["messages.en.ftl"], errors)
            elif re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]+)*\.ftl", name):
                if resource is not None:
                    rule_files += 1
                    check_rule_texts(path, resource, rules, errors)
            else:
                warnings.append(f"{path}: file name is neither <lang>.ftl nor messages.<lang>.ftl")
        if "messages.en.ftl" in parsed:
            langs = set()
            for n in parsed:
                m = re.fullmatch(r"(?:messages\.)?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.ftl", n)
                if m and m.group(1) != "en":
                    langs.add(m.group(1))
            for lang in sorted(langs):
                if f"messages.{lang}.ftl" not in parsed:
                    note = f"{area_dir / 'messages.en.ftl'}: no messages.{lang}.ftl translation"
                    (warnings if args.allow_missing else errors).append(note)
    # The catalogues of labels, analysis texts and diagnostics: each translation against English.
    i18n_dir = args.root / "src" / "i18n"
    for en_path in sorted(i18n_dir.glob("*.en.ftl")):
        files += 1
        english = parse(en_path, errors)
        stem = en_path.name[: -len(".en.ftl")]
        for path in sorted(i18n_dir.glob(f"{stem}.*.ftl")):
            if path == en_path:
                continue
            files += 1
            resource = parse(path, errors)
            if resource is not None and english is not None:
                message_files += 1
                check_messages(path, resource, en_path, english, errors)
    tsv_files = check_tsv_translations(args.root / "data", errors)
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    for e in errors:
        print("error:", e, file=sys.stderr)
    print(f"{files} Fluent files: {rule_files} rule-text files, {message_files} translated message files, "
          f"{tsv_files} translated Well-Architected tables, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
