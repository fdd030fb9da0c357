# Helpers for Palisade's custom rules, loaded with every rule as `data.palisade.lib`.
#
# Every field of the model is three-valued: `known` (with a value), `unknown` (written, but
# not decidable: a parameter without a value, an import, an undecided condition) or `absent`
# (not written). Palisade never reports an unknown value as insecure; these helpers make that
# the easy way to write a rule: `is_false(f)` is false for an unknown field, and so is
# `value(f) == x`, which is undefined then.
package palisade.lib

# Every modelled item, whatever its kind (`input.all_resources`, which Palisade computes).
all_resources := object.get(input, "all_resources", set())

# The identity of every resource and Kubernetes object of the model, modelled in detail or
# not (`input.identities`, which Palisade computes).
identities := object.get(input, "identities", set())

# Reachability verdicts: every resource port the network analysis judged.
exposures contains e if some e in input.facts.reachability

# Ports the internet certainly reaches.
exposed contains e if {
	some e in input.facts.reachability
	e.verdict == "exposed"
}

# IAM principals of the model (roles, users, groups, or the policy file itself).
principals contains p if some p in input.facts.iam.principals

# The field's value is decided.
is_known(f) if f.state == "known"

# The field is written, but its value cannot be decided.
is_unknown(f) if f.state == "unknown"

# The field is not written.
is_absent(f) if f.state == "absent"

# The field is known to be true / false.
is_true(f) if {
	f.state == "known"
	f.value == true
}

is_false(f) if {
	f.state == "known"
	f.value == false
}

# The field's value; undefined unless it is known.
value(f) := f.value if f.state == "known"

# The field's value when known, `default_value` when absent; undefined when unknown.
value_or(f, default_value) := f.value if f.state == "known"

value_or(f, default_value) := default_value if f.state == "absent"

# Every item of the model of a model kind (`s3.bucket`, `ec2.instance`, `ec2.subnet`,
# `k8s.workload`, ...), whichever collection holds it.
resources(kind) := object.get(input.by_kind, kind, [])

# The identity of an item: its `meta` (`obj.res` for Kubernetes objects, `res` for those not
# modelled in detail).
meta(item) := item.meta

meta(item) := item.obj.res if not item.meta

meta(item) := item.res if {
	not item.meta
	not item.obj
}

# The tags of an identity (`meta`) as a map of key to value field (Kubernetes objects: their
# labels); empty when it has none, undefined when they cannot be decided.
tags(m) := {t.key: t.value | some t in m.tags.value} if m.tags.state == "known"

tags(m) := {} if not m.tags

# The principal is certainly allowed `action` on any resource of its type. The action must be
# written as a string literal in a rule file, so that it is evaluated before the rules run.
allows(p, action) if p.allows[action] == true

# The principal is allowed every action on every resource.
is_admin(p) if p.admin == true

# The privilege escalation methods the principal can perform.
escalations(p) := p.escalations

# A result: the message and the model object (or field) it is about.
result(msg, at) := {"msg": msg, "at": at}
