# Helpers for Palisade's custom rules, loaded with every rule as `data.palisade.lib`.
#
# Every field of the model is three-valued: `known` (with a value), `unknown` (written, but
# not decidable: a parameter without a value, an import, an undecided condition) or `absent`
# (not written). Palisade never reports an unknown value as insecure; these helpers make that
# the easy way to write a rule: `is_false(f)` is false for an unknown field, and so is
# `value(f) == x`, which is undefined then.
#
# The functions are in lib_functions.rego; this package holds the sets.
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
