#!/usr/bin/env python3
"""Generates data/escalation-methods.tsv and data/escalation-methods.md: the published IAM
privilege-escalation methods that Palisade checks (rule PAL-IAM-006), one per distinct
permission set, with every catalogue that lists it.

Inputs:
  iam-escalation-methods.json  pathfinding.cloud's paths and Cloudsplaining's list
                               (`{"methods": [{"source", "id", "category"?, "required"}, ...]}`)
  iam-actions.json             the AWS action catalogue, for the canonical spelling of actions
  data/escalation-methods-extra.json
                               (in the repository) the methods of Rhino Security Labs, Pacu and
                               PMapper that the two catalogues above do not publish with the same
                               permission set, which of their methods these three also list, and
                               the methods Palisade adds (source `palisade`)

Usage: scripts/gen-escalation-methods.py PATH/TO/iam-escalation-methods.json PATH/TO/iam-actions.json

Format of the TSV: `#` lines first (provenance), then one method a line, sorted by id, fields
separated by tabs:
  ID  CATEGORY  ACTIONS  PASSES_TO  SOURCES  GRANTS  GRANTS_MESSAGE
CATEGORY is `new-passrole` (creates a resource that runs with a passed role),
`existing-passrole` (runs code in an existing resource, with its role), `self-escalation`
(grants itself more) or `principal-access` (acts as another principal); ACTIONS the
permissions the method needs, comma-separated, as the AWS catalogue spells them; PASSES_TO the
service principals a passed role is passed to (comma-separated, `-` when the method passes no
role); SOURCES `catalogue:reference` items separated by `;`; GRANTS what the method gives, in
English words; GRANTS_MESSAGE the same as a message of the catalogues (`src/i18n/analysis.*.ftl`):
its id, then `:SERVICE` when it names a service. The markdown file is the same table as the rule's documentation shows it. The outputs
are reproducible byte for byte.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The service principal a role is passed to, by the service of the method's other actions.
PASSED_TO = {
    "apprunner": ["build.apprunner.amazonaws.com", "tasks.apprunner.amazonaws.com"],
    "autoscaling": ["ec2.amazonaws.com"],
    "bedrock-agentcore": ["bedrock-agentcore.amazonaws.com"],
    "cloudformation": ["cloudformation.amazonaws.com"],
    "codebuild": ["codebuild.amazonaws.com"],
    "codestar": ["codestar.amazonaws.com"],
    "datapipeline": ["datapipeline.amazonaws.com", "elasticmapreduce.amazonaws.com"],
    "ec2": ["ec2.amazonaws.com"],
    "ecs": ["ecs-tasks.amazonaws.com"],
    "glue": ["glue.amazonaws.com"],
    "lambda": ["lambda.amazonaws.com"],
    "sagemaker": ["sagemaker.amazonaws.com"],
}

CATALOGUES = ["pathfinding.cloud", "cloudsplaining", "rhino", "pacu", "pmapper", "palisade"]


def main():
    methods_in = json.load(open(sys.argv[1], encoding="utf-8"))["methods"]
    services = json.load(open(sys.argv[2], encoding="utf-8"))["services"]
    extra = json.load(open(os.path.join(ROOT, "data", "escalation-methods-extra.json"), encoding="utf-8"))

    def canonical(action):
        svc, name = action.split(":", 1)
        acts = services.get(svc.lower(), {}).get("actions", {})
        for a in acts:
            if a.lower() == name.lower():
                return "%s:%s" % (svc.lower(), a)
        # Undocumented actions (CodeStar's CreateProjectFromTemplate) keep their published spelling.
        return "%s:%s" % (svc.lower(), name)

    def key(required):
        return frozenset(a.lower() for a in required)

    table = {}

    def entry(required):
        k = key(required)
        if k not in table:
            table[k] = {"id": None, "category": None, "actions": [canonical(a) for a in required], "sources": []}
        return table[k]

    for m in methods_in:
        e = entry(m["required"])
        if m["source"] == "pathfinding.cloud":
            e["id"], e["category"] = m["id"], m["category"]
            e["actions"] = [canonical(a) for a in m["required"]]
        elif m["id"] in extra["ids"] and e["id"] is None:
            e["id"], e["category"] = extra["ids"][m["id"]]
        e["sources"].append("%s:%s" % (m["source"], m["id"]))
    for m in extra["methods"]:
        k = key(m["required"])
        assert k not in table, ("already published", m["id"])
        e = entry(m["required"])
        e["id"], e["category"] = m["id"], m["category"]
        e["sources"].extend(m["sources"])
    for a in extra["also"]:
        k = key(a["required"])
        assert k in table, ("no such method", a["required"])
        table[k]["sources"].extend(a["sources"])
    rows = sorted(table.values(), key=lambda e: e["id"] or "")
    for e in rows:
        assert e["id"] and e["category"], e

    def passes_to(e):
        if "iam:PassRole" not in e["actions"]:
            return []
        svcs = [a.split(":")[0] for a in e["actions"] if a.split(":")[0] not in ("iam", "sts", "dynamodb")]
        out = []
        for s in svcs:
            for p in PASSED_TO[s]:
                if p not in out:
                    out.append(p)
        return out

    def service_name(e):
        svcs = [a.split(":")[0] for a in e["actions"] if a.split(":")[0] not in ("iam", "sts")]
        if not svcs:
            return None
        return svcs[0]

    # What a method gives: a message of the catalogues (src/i18n/analysis.<lang>.ftl, one per
    # kind of method, with the service as `$service`) and its English text, which the
    # catalogue's English message renders the same way.
    GRANTS = {
        "escalation-grants-new-resource":
            "creates `%s` resources that run with a passed role: the permissions of that role",
        "escalation-grants-existing-resource":
            "runs its own code in an existing `%s` resource: the permissions of that resource's role",
        "escalation-grants-join-group": "joins a more privileged group: that group's permissions",
        "escalation-grants-project": "adds itself to a `%s` project: the permissions of the project's members",
        "escalation-grants-any-permission": "grants itself any permission",
        "escalation-grants-assume-role": "assumes a more privileged role: that role's permissions",
        "escalation-grants-sign-in": "signs in as another user: that user's permissions",
        "escalation-grants-take-over-role": "takes over a role: that role's permissions",
    }

    def grants_message(e):
        """The message id of what the method gives, and the service it names (or None)."""
        c, name = e["category"], service_name(e)
        acts = set(a.lower() for a in e["actions"])
        if c == "new-passrole" and "iam:passrole" in acts:
            return "escalation-grants-new-resource", name
        if c in ("new-passrole", "existing-passrole"):
            return "escalation-grants-existing-resource", name
        if c == "self-escalation":
            if acts == {"iam:addusertogroup"}:
                return "escalation-grants-join-group", None
            if name:
                return "escalation-grants-project", name
            return "escalation-grants-any-permission", None
        if "sts:assumerole" in acts and len(acts) == 1:
            return "escalation-grants-assume-role", None
        if acts & {"iam:createaccesskey", "iam:createloginprofile", "iam:updateloginprofile"}:
            return "escalation-grants-sign-in", None
        return "escalation-grants-take-over-role", None

    def grants(e):
        mid, name = grants_message(e)
        text = GRANTS[mid]
        return text % name if "%s" in text else text

    def grants_column(e):
        mid, name = grants_message(e)
        return "%s:%s" % (mid, name) if name else mid

    out = open(os.path.join(ROOT, "data", "escalation-methods.tsv"), "w", encoding="utf-8", newline="\n")
    out.write("# Palisade privilege-escalation methods, generated by scripts/gen-escalation-methods.py from\n")
    out.write("# pathfinding.cloud's paths (December 2025) and Cloudsplaining's PRIVILEGE_ESCALATION_METHODS\n")
    out.write("# (iam-escalation-methods.json), with Rhino Security Labs', Pacu's and PMapper's methods from\n")
    out.write("# data/escalation-methods-extra.json. Columns: id, category, actions, passes-to, sources, grants,\n")
    out.write("# grants-message.\n")
    for e in rows:
        pt = passes_to(e)
        out.write("\t".join([e["id"], e["category"], ",".join(e["actions"]), ",".join(pt) or "-",
                             ";".join(e["sources"]), grants(e), grants_column(e)]) + "\n")
    out.close()

    md = open(os.path.join(ROOT, "data", "escalation-methods.md"), "w", encoding="utf-8", newline="\n")
    counts = {c: sum(1 for e in rows if any(s.startswith(c + ":") for s in e["sources"])) for c in CATALOGUES}
    md.write("\n\nThe %d methods checked (one per distinct permission set; catalogues: %s):\n\n"
             % (len(rows), ", ".join("%s %d" % (c, counts[c]) for c in CATALOGUES)))
    md.write("| method | permissions | gives | catalogues |\n|---|---|---|---|\n")
    for e in rows:
        srcs = ", ".join(s.replace(":", " ", 1) for s in e["sources"])
        md.write("| `%s` | %s | %s | %s |\n" % (e["id"], " + ".join("`%s`" % a for a in e["actions"]), grants(e), srcs))
    md.close()


if __name__ == "__main__":
    main()
