#!/usr/bin/env python3
"""Regenerates the `$defs` of docs/model-schema.json from the model's Rust types.

    python3 scripts/gen-model-schema.py          # rewrite docs/model-schema.json
    python3 scripts/gen-model-schema.py --check  # exit 1 when the file is not up to date

Reads every `serde::Serialize` struct and enum of src/model/*.rs, src/analyze/reach.rs and
src/analyze/evidence.rs: property names and types from the fields, descriptions from the doc
comments. The root of the document and the defs whose JSON is written by hand in Rust
(`span`, `field`, `unit`, `diagnostic`: see src/source.rs, src/model/ser.rs and
src/cli/model.rs) are kept as they are in the file. tests/model.rs checks the result against
real output of `palisade model`.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "model-schema.json"
SOURCES = sorted((ROOT / "src" / "model").glob("*.rs")) + [
    ROOT / "src" / "analyze" / "reach.rs",
    ROOT / "src" / "analyze" / "evidence.rs",
]
# Written by hand in the schema: their JSON is built by hand-written serialisers.
HAND = {"span", "field", "unit", "diagnostic"}
# Rust types whose def has another name than the type's in snake case.
NAMES = {"OriginParts": "origin", "ResMeta": "resource", "K8sObjects": "k8s_objects", "Val": "val", "VKind": "vkind"}
# Newtypes serialised as the type they wrap (`#[serde(transparent)]`).
TRANSPARENT = {"Origin": "OriginParts"}
# Serialised without the types the generator reads.
SKIP = {"Tri", "Field", "Span", "Reachability", "RuleReach"}
# Collections of these are left out of the document when empty (src/cli/model.rs `prune`).
PRUNED = {"Model", "Monitoring", "K8sObjects"}
SCALARS = {
    "String": {"type": "string"},
    "str": {"type": "string"},
    "Arc<str>": {"type": "string"},
    # A localisable text (src/i18n) serialises as its English rendering.
    "Message": {"type": "string"},
    "bool": {"type": "boolean"},
    "()": {"type": "null"},
}
INTEGERS = {"u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"}


def def_name(rust: str) -> str:
    return NAMES.get(rust) or re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", rust).lower()


def doc_text(lines):
    text = " ".join(l.strip() for l in lines if l.strip())
    # Intra-doc links read as code.
    text = re.sub(r"\[(`[^`]+`)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[(`[^`]+`)\]", r"\1", text)
    return text


def split_args(s: str):
    """Splits `A, B<C, D>, (E, F)` at its top-level commas."""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


def type_schema(t: str, known):
    t = t.strip().replace("&'static ", "")
    t = re.sub(r"^(crate::|super::)?([a-z0-9_]+::)*", "", t)
    if t in SCALARS:
        return dict(SCALARS[t])
    if t in INTEGERS:
        return {"type": "integer"}
    if t.startswith("(") and t.endswith(")"):
        items = [type_schema(a, known) for a in split_args(t[1:-1])]
        return {"type": "array", "prefixItems": items, "items": False}
    m = re.fullmatch(r"(\w+)<(.*)>", t)
    if m:
        outer, inner = m.group(1), m.group(2)
        if outer == "Option":
            return {"anyOf": [type_schema(inner, known), {"type": "null"}]}
        if outer == "Vec":
            return {"type": "array", "items": type_schema(inner, known)}
        if outer == "Field":
            return {"$ref": "#/$defs/field", "properties": {"value": type_schema(inner, known)}}
        if outer == "Arc" and inner == "str":
            return {"type": "string"}
        if outer == "Box":
            return type_schema(inner, known)
        raise SystemExit(f"gen-model-schema: no schema for type `{t}`")
    t = TRANSPARENT.get(t, t)
    if t == "Span":
        return ref("span")
    if t in known:
        return ref(def_name(t))
    raise SystemExit(f"gen-model-schema: no schema for type `{t}`")


ITEM = re.compile(
    r"((?:[ \t]*///[^\n]*\n)*)"  # doc comment
    r"((?:[ \t]*#\[[^\n]*\]\n)*)"  # attributes
    r"pub (struct|enum) (\w+)(<[^>{]*>)? \{\n(.*?)\n\}",
    re.S,
)


def parse_items():
    items = []
    for path in SOURCES:
        text = path.read_text()
        for m in ITEM.finditer(text):
            doc, attrs, kind, name, _generics, body = m.groups()
            if "Serialize" not in attrs or name in SKIP:
                continue
            items.append((kind, name, [l.strip()[3:] for l in doc.splitlines()], attrs, body, path))
    return items


def parse_members(body):
    """Fields of a struct or variants of an enum: (doc lines, attributes, declaration)."""
    members, doc, attrs, cur = [], [], [], ""
    for line in body.splitlines():
        s = line.strip()
        if not cur:
            if s.startswith("///"):
                doc.append(s[3:])
                continue
            if s.startswith("#["):
                attrs.append(s)
                continue
            if not s or s.startswith("//"):
                continue
        cur += (" " if cur else "") + s
        depth = cur.count("(") + cur.count("{") + cur.count("<") - cur.count(")") - cur.count("}") - cur.count(">")
        if cur.endswith(",") and depth <= 0 or depth == 0 and not cur.endswith(",") and s.endswith(("}", ")")):
            members.append((doc, attrs, cur.rstrip(",")))
            doc, attrs, cur = [], [], ""
    if cur:
        members.append((doc, attrs, cur))
    return members


def struct_schema(name, doc, body, known):
    props, required = {}, []
    for fdoc, fattrs, decl in parse_members(body):
        if any(re.search(r"serde\(skip\s*[,)]", a) for a in fattrs):
            continue
        m = re.fullmatch(r"pub (\w+): (.+)", decl)
        if not m:
            raise SystemExit(f"gen-model-schema: cannot read field `{decl}` of {name}")
        field, ty = m.groups()
        # An `Option` left out when `None` is never null.
        never_null = any('skip_serializing_if = "Option::is_none"' in a for a in fattrs)
        opt = re.fullmatch(r"Option<(.*)>", ty)
        s = type_schema(opt.group(1) if opt and never_null else ty, known)
        d = doc_text(fdoc)
        if d:
            s["description"] = d
        props[field] = s
        # Left out of the document when empty.
        if not any("skip_serializing_if" in a for a in fattrs):
            required.append(field)
    out = {"type": "object"}
    if doc_text(doc):
        out["description"] = doc_text(doc)
    out["properties"] = props
    if name not in PRUNED:
        out["required"] = required
    return out


def snake(v):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", v).lower()


def enum_schema(name, doc, attrs, body, known):
    if 'rename_all = "snake_case"' not in attrs:
        raise SystemExit(f"gen-model-schema: enum {name} is not renamed to snake case")
    units, others, notes = [], [], []
    for vdoc, _vattrs, decl in parse_members(body):
        m = re.fullmatch(r"(\w+)(?:\((.*)\))?", decl)
        if not m:
            raise SystemExit(f"gen-model-schema: cannot read variant `{decl}` of {name}")
        variant, payload = snake(m.group(1)), m.group(2)
        d = doc_text(vdoc)
        if payload is None:
            units.append(variant)
            if d:
                notes.append(f"`{variant}`: {d}")
            continue
        args = split_args(payload)
        inner = type_schema(args[0], known) if len(args) == 1 else type_schema(f"({payload})", known)
        if d:
            inner["description"] = d
        others.append(
            {"type": "object", "properties": {variant: inner}, "required": [variant], "additionalProperties": False}
        )
    description = " ".join([doc_text(doc)] + notes).strip()
    out = {}
    if description:
        out["description"] = description
    if not others:
        out["type"] = "string"
        out["enum"] = units
    else:
        out["oneOf"] = ([{"enum": units}] if units else []) + others
    return out


def generate():
    schema = json.loads(SCHEMA.read_text())
    items = parse_items()
    known = {name for _, name, *_ in items}
    defs = {k: v for k, v in schema["$defs"].items() if k in HAND}
    for kind, name, doc, attrs, body, _path in items:
        d = def_name(name)
        if d in defs:
            raise SystemExit(f"gen-model-schema: two types for ${d}")
        if kind == "struct":
            defs[d] = struct_schema(name, doc, body, known)
        else:
            defs[d] = enum_schema(name, doc, attrs, body, known)
    # Only what the document can contain (some serialisable types are never part of it).
    reached, todo = set(), [{k: v for k, v in schema.items() if k != "$defs"}]
    while todo:
        for name in re.findall(r'"#/\$defs/(\w+)"', json.dumps(todo.pop())):
            if name not in reached:
                reached.add(name)
                todo.append(defs[name])
    schema["$defs"] = {k: defs[k] for k in sorted(defs) if k in reached}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main():
    text = generate()
    if "--check" in sys.argv[1:]:
        if SCHEMA.read_text() != text:
            print("docs/model-schema.json is out of date: run python3 scripts/gen-model-schema.py", file=sys.stderr)
            sys.exit(1)
        return
    SCHEMA.write_text(text)


if __name__ == "__main__":
    main()
