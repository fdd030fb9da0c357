//! Which values of a template's undecidable conditions are explored: one map of assumed
//! values per variant.
//!
//! A template with few undecidable conditions (atoms) is explored in every combination of
//! them. Beyond that, atoms are grouped: resources that refer to each other (`Ref`,
//! `Fn::GetAtt`, `Fn::Sub`), and the atoms their values depend on (their `Condition`, the
//! conditions of their `Fn::If`s), fall into one group, and each group is enumerated on its
//! own: variant `v` takes combination `v mod 2^n` of a group of `n` atoms. Every resource so
//! sees every combination of its group's atoms, while atoms of other groups, which its
//! values do not depend on, take whatever value. A group with more than
//! [`MAX_GROUP_ATOMS`] atoms explores the first ones; the others stay undecided, and the
//! resources whose values depend on them are listed in [`Plan::unexplored`].
//!
//! Every variant lowers and judges the whole template, so the variants of a large template
//! are fewer: at most [`MAX_VARIANT_BYTES`] of source are lowered across them (a template of
//! 1 MB explores at most 3 atoms together, one of 8 MB none), which keeps the time and memory
//! of a scan proportional to its input however many conditions the template has.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::eval::{self, Evaluator, Overrides};
use super::template::Template;
use crate::i18n::Message;
use crate::source::Span;
use crate::value::{Kind, Node};

/// At most this many atoms of one group are explored (`2^N` variants).
pub const MAX_GROUP_ATOMS: usize = 6;

/// At most this many bytes of source are lowered across the variants of a template.
pub const MAX_VARIANT_BYTES: usize = 8 << 20;

/// How many atoms may be explored together in a template of `size` bytes: the most whose
/// combinations, each lowering the whole template, stay within [`MAX_VARIANT_BYTES`].
pub fn explorable_atoms(size: usize) -> usize {
    let variants = (MAX_VARIANT_BYTES / size.max(1)).max(1);
    (variants.ilog2() as usize).min(MAX_GROUP_ATOMS)
}

/// The variants to lower a template in, and how to describe a set of them.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The explored atoms, sorted.
    pub atoms: Vec<String>,
    /// The values assumed in each variant.
    pub scenarios: Vec<BTreeMap<String, bool>>,
    /// The explored atoms of each group, when grouped (empty: every combination of `atoms`).
    pub groups: Vec<Vec<String>>,
    /// The group of each resource whose values depend on some atom.
    pub group_of: HashMap<String, usize>,
    /// Resources whose values depend on atoms that are not explored: where the resource is,
    /// its logical id, and those atoms.
    pub unexplored: Vec<(Span, String, Vec<String>)>,
    /// At most this many atoms are explored together: [`MAX_GROUP_ATOMS`], or fewer for a
    /// large template (see [`explorable_atoms`]).
    pub max_atoms: usize,
}

/// Plans the variants of a template of `size` bytes: every combination of its atoms when
/// there are at most `full` of them, else per group (see the module documentation).
pub fn plan(tpl: &Template<'_>, overrides: &Overrides, full: usize, size: usize) -> Plan {
    let base = Evaluator::new(tpl, overrides, BTreeMap::new());
    let used = eval::used_conditions(tpl);
    let all = base.undecided_atoms(&used);
    let max_atoms = explorable_atoms(size);
    if all.len() <= full.min(max_atoms) {
        let scenarios = combinations(&all);
        return Plan { atoms: all, scenarios, max_atoms, ..Plan::default() };
    }
    let n = tpl.resources.len();
    // Atoms each resource's own values depend on, and the resources it refers to.
    let direct: Vec<Vec<String>> = tpl
        .resources
        .iter()
        .map(|r| {
            let mut conds = Vec::new();
            if let Some((c, _)) = &r.condition {
                conds.push(c.clone());
            }
            if let Some(p) = r.properties() {
                eval::if_conditions(p, &mut conds, 0);
            }
            if conds.is_empty() { Vec::new() } else { base.undecided_atoms(&conds) }
        })
        .collect();
    let refers: Vec<Vec<usize>> = tpl
        .resources
        .iter()
        .map(|r| {
            let mut names = BTreeSet::new();
            if let Some(p) = r.properties() {
                references(p, &mut names, 0);
            }
            let mut out: Vec<usize> =
                names.iter().filter_map(|name| tpl.resource_index.get(name.as_str()).copied()).collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect();
    // Resources that refer to each other, and resources that share an atom, go together.
    let mut sets = UnionFind::new(n);
    let mut holder: HashMap<&str, usize> = HashMap::new();
    for (i, atoms) in direct.iter().enumerate() {
        for &j in &refers[i] {
            sets.union(i, j);
        }
        for a in atoms {
            match holder.get(a.as_str()) {
                Some(&j) => sets.union(i, j),
                None => {
                    holder.insert(a, i);
                }
            }
        }
    }
    let mut by_root: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for (i, atoms) in direct.iter().enumerate() {
        by_root.entry(sets.find(i)).or_default().extend(atoms.iter().cloned());
    }
    let mut group_at_root: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (root, atoms) in by_root {
        if !atoms.is_empty() {
            group_at_root.insert(root, groups.len());
            groups.push(atoms.into_iter().take(max_atoms).collect());
        }
    }
    let mut plan = Plan { max_atoms, ..Plan::default() };
    for (i, r) in tpl.resources.iter().enumerate() {
        let Some(&g) = group_at_root.get(&sets.find(i)) else { continue };
        plan.group_of.insert(r.id.clone(), g);
        let own: BTreeSet<&String> = direct[i].iter().chain(refers[i].iter().flat_map(|&j| &direct[j])).collect();
        let missing: Vec<String> = own.into_iter().filter(|a| !groups[g].contains(a)).cloned().collect();
        if !missing.is_empty() {
            plan.unexplored.push((r.id_span, r.id.clone(), missing));
        }
    }
    let per_group: Vec<Vec<BTreeMap<String, bool>>> = groups.iter().map(|g| combinations(g)).collect();
    let count = per_group.iter().map(Vec::len).max().unwrap_or(1);
    plan.scenarios = (0..count)
        .map(|v| {
            let mut a = BTreeMap::new();
            for combos in &per_group {
                a.extend(combos[v % combos.len()].iter().map(|(k, b)| (k.clone(), *b)));
            }
            a
        })
        .collect();
    plan.atoms = groups.iter().flatten().cloned().collect();
    plan.atoms.sort();
    plan.groups = groups;
    plan
}

/// Every combination of values of `atoms` (at most `2^16`), the first atom varying fastest.
fn combinations(atoms: &[String]) -> Vec<BTreeMap<String, bool>> {
    let atoms = &atoms[..atoms.len().min(16)];
    (0..(1u32 << atoms.len()))
        .map(|mask| atoms.iter().enumerate().map(|(i, name)| (name.clone(), mask & (1 << i) != 0)).collect())
        .collect()
}

impl Plan {
    /// The group of atoms the values of `resource` depend on, if any: with the variants a
    /// finding holds in, all that [`Plan::describe`] needs to know of the resource.
    pub fn group_of_resource(&self, resource: Option<&str>) -> Option<usize> {
        resource.and_then(|r| self.group_of.get(r)).copied()
    }

    /// Describes the variants `seen` in which a finding about `resource` (if any) holds:
    /// `None` when that is every combination that matters to it.
    pub fn describe(&self, seen: &[usize], resource: Option<&str>) -> Option<Message> {
        if self.groups.is_empty() {
            return Some(describe_among(&self.atoms, &self.scenarios, seen));
        }
        let own = self.group_of_resource(resource);
        for g in own.into_iter().chain((0..self.groups.len()).filter(|&g| Some(g) != own)) {
            let atoms = &self.groups[g];
            let combos = combinations(atoms);
            let k = combos.len();
            let held: BTreeSet<usize> = seen.iter().map(|v| v % k).collect();
            // Does the finding depend on this group's atoms only?
            if (0..self.scenarios.len()).any(|v| held.contains(&(v % k)) != seen.contains(&v)) {
                continue;
            }
            if held.len() == k {
                return None;
            }
            let held: Vec<usize> = held.into_iter().collect();
            return Some(describe_among(atoms, &combos, &held));
        }
        Some(describe_among(&self.atoms, &self.scenarios, seen))
    }
}

/// Describes a set of scenarios: "IsProd is false", or a disjunction of assignments.
fn describe_among(atoms: &[String], scenarios: &[BTreeMap<String, bool>], seen: &[usize]) -> Message {
    let is = |a: &str, v: bool| {
        if v { msg!("condition-is-true", name = a) } else { msg!("condition-is-false", name = a) }
    };
    // One atom fixed to one value describes the set exactly?
    for a in atoms {
        for v in [true, false] {
            let matching: Vec<usize> = (0..scenarios.len()).filter(|&i| scenarios[i].get(a) == Some(&v)).collect();
            if matching == seen {
                return is(a, v);
            }
        }
    }
    // A disjunction of conjunctions: "A is true and B is false, or A is false and B is true".
    let and = |parts: Vec<Message>| {
        parts.into_iter().reduce(|all, p| msg!("condition-and", left = all, right = p)).unwrap_or_default()
    };
    seen.iter()
        .map(|&i| and(scenarios[i].iter().map(|(k, v)| is(k, *v)).collect()))
        .reduce(|all, p| msg!("condition-or", left = all, right = p))
        .unwrap_or_default()
}

/// Names a node refers to with `Ref`, `Fn::GetAtt` and `Fn::Sub` (resources among others).
fn references(n: &Node, out: &mut BTreeSet<String>, depth: usize) {
    if depth > eval::MAX_DEPTH {
        return;
    }
    match &n.kind {
        Kind::Map(entries) => {
            for e in entries {
                match e.key.as_str() {
                    "Ref" => {
                        if let Some(s) = e.value.as_str() {
                            out.insert(s.to_string());
                        }
                    }
                    "Fn::GetAtt" => {
                        let first = match e.value.as_seq() {
                            Some(items) => items.first().and_then(Node::as_str).map(str::to_string),
                            None => e.value.as_str().map(|s| s.split('.').next().unwrap_or(s).to_string()),
                        };
                        out.extend(first);
                    }
                    "Fn::Sub" => {
                        let text = match e.value.as_seq() {
                            Some(items) => items.first().and_then(Node::as_str),
                            None => e.value.as_str(),
                        };
                        if let Some(t) = text {
                            sub_names(t, out);
                        }
                    }
                    _ => {}
                }
                references(&e.value, out, depth + 1);
            }
        }
        Kind::Seq(items) => items.iter().for_each(|i| references(i, out, depth + 1)),
        _ => {}
    }
}

/// The names `${Name}` and `${Name.Attribute}` of a `Fn::Sub` string refers to.
fn sub_names(text: &str, out: &mut BTreeSet<String>) {
    let mut rest = text;
    while let Some(at) = rest.find("${") {
        rest = &rest[at + 2..];
        let Some(end) = rest.find('}') else { break };
        let inner = &rest[..end];
        if !inner.starts_with('!') {
            out.insert(inner.split('.').next().unwrap_or(inner).trim().to_string());
        }
        rest = &rest[end + 1..];
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn larger_templates_explore_fewer_atoms() {
        assert_eq!(explorable_atoms(0), MAX_GROUP_ATOMS);
        assert_eq!(explorable_atoms(100_000), MAX_GROUP_ATOMS);
        assert_eq!(explorable_atoms(300_000), 4);
        assert_eq!(explorable_atoms(1_000_000), 3);
        assert_eq!(explorable_atoms(8_000_000), 0);
        assert_eq!(explorable_atoms(usize::MAX), 0);
        // The variants never lower more than the budget's bytes.
        for size in [1, 1000, 131_072, 131_073, 999_999, 4 << 20, (4 << 20) + 1] {
            assert!((size << explorable_atoms(size)) <= MAX_VARIANT_BYTES.max(size), "{size}");
        }
    }
}
