# The functions of Palisade's helper library for custom rules, `data.palisade.lib` (see
# lib.rego): `lib.value(f)` is `data.palisade.lib.value(f)`. They are declared from the parent
# package so that the package `palisade.lib` holds the sets alone: the interpreter evaluates
# every rule of that package when a rule reads one of its sets through `import
# data.palisade.lib`, and a function is a rule too.
package palisade

# The field's value is decided.
lib.is_known(f) if f.state == "known"

# The field is written, but its value cannot be decided.
lib.is_unknown(f) if f.state == "unknown"

# The field is not written.
lib.is_absent(f) if f.state == "absent"

# The field is known to be true / false.
lib.is_true(f) if {
	f.state == "known"
	f.value == true
}

lib.is_false(f) if {
	f.state == "known"
	f.value == false
}

# The field's value; undefined unless it is known.
lib.value(f) := f.value if f.state == "known"

# The field's value when known, `default_value` when absent; undefined when unknown.
lib.value_or(f, default_value) := f.value if f.state == "known"

lib.value_or(f, default_value) := default_value if f.state == "absent"

# Every item of the model of a model kind (`s3.bucket`, `ec2.instance`, `ec2.subnet`,
# `k8s.workload`, ...), whichever collection holds it.
lib.resources(kind) := object.get(input.by_kind, kind, [])

# The identity of an item: its `meta` (`obj.res` for Kubernetes objects, `res` for those not
# modelled in detail).
lib.meta(item) := item.meta

lib.meta(item) := item.obj.res if not item.meta

lib.meta(item) := item.res if {
	not item.meta
	not item.obj
}

# The tags of an identity (`meta`) as a map of key to value field (Kubernetes objects: their
# labels); empty when it has none, undefined when they cannot be decided.
lib.tags(m) := {t.key: t.value | some t in m.tags.value} if m.tags.state == "known"

lib.tags(m) := {} if not m.tags

# The principal is certainly allowed `action` on any resource of its type. The action must be
# written as a string literal in a rule file, so that it is evaluated before the rules run.
lib.allows(p, action) if p.allows[action] == true

# The principal is allowed every action on every resource.
lib.is_admin(p) if p.admin == true

# The privilege escalation methods the principal can perform.
lib.escalations(p) := p.escalations

# A result: the message and the model object (or field) it is about.
lib.result(msg, at) := {"msg": msg, "at": at}
