//! The sections of a CloudFormation template, located, with `Fn::ForEach` expanded.
//!
//! Expansion has a budget: a loop's collection has at most [`MAX_LOOP_VALUES`] values, loops
//! make at most [`MAX_LOOP_RESOURCES`] resources per template and copy at most
//! [`MAX_LOOP_WORK`] nodes (and bytes / 64). A loop that would exceed it is not expanded at
//! all, and is reported; the rest of the template is still read.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::i18n::Message;
use crate::source::Span;
use crate::value::{Entry, Kind, Node};

/// At most this many undefined references are reported per template.
const MAX_UNDEFINED: usize = 32;

/// The names of the placeholders of a `Fn::Sub` template (`${Name}`, `${Res.Attr}`; not the
/// literal `${!Text}`).
fn sub_placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find("${") {
        let after = &rest[pos + 2..];
        let Some(end) = after.find('}') else { break };
        let name = after[..end].trim();
        if !name.starts_with('!') && !name.is_empty() {
            out.push(name);
        }
        rest = &after[end + 1..];
    }
    out
}

/// The most values a `Fn::ForEach` collection may have.
pub const MAX_LOOP_VALUES: usize = 1_000;
/// The most resources `Fn::ForEach` loops may make in one template.
pub const MAX_LOOP_RESOURCES: usize = 10_000;
/// The most work expansion may do in one template: iterations, nodes copied, bytes / 64.
pub const MAX_LOOP_WORK: usize = 500_000;

/// A template parameter.
#[derive(Debug, Clone)]
pub struct Parameter<'a> {
    pub name: String,
    pub span: Span,
    /// `Type`, e.g. `String`, `CommaDelimitedList`, `AWS::SSM::Parameter::Value<String>`.
    pub kind: String,
    pub default: Option<&'a Node>,
    pub no_echo: bool,
    pub node: &'a Node,
}

/// One resource of the `Resources` section.
#[derive(Debug, Clone)]
pub struct RawResource<'a> {
    pub id: String,
    /// Span of the logical id (the key).
    pub id_span: Span,
    pub kind: String,
    pub kind_span: Span,
    /// The whole resource definition.
    pub node: Cow<'a, Node>,
    /// `Condition` name, if any.
    pub condition: Option<(String, Span)>,
    /// Set when the resource was produced by a `Fn::ForEach` loop.
    pub from_loop: Option<String>,
}

impl RawResource<'_> {
    pub fn properties(&self) -> Option<&Node> {
        self.node.get("Properties")
    }
}

/// A `Fn::ForEach` loop that could not be expanded.
#[derive(Debug, Clone)]
pub struct Unexpanded {
    pub name: String,
    pub span: Span,
    pub reason: Message,
}

/// A parsed CloudFormation template.
#[derive(Debug)]
pub struct Template<'a> {
    pub root: &'a Node,
    pub parameters: Vec<Parameter<'a>>,
    pub param_index: HashMap<String, usize>,
    pub mappings: Option<&'a Node>,
    pub conditions: HashMap<String, &'a Node>,
    pub resources: Vec<RawResource<'a>>,
    pub resource_index: HashMap<String, usize>,
    pub unexpanded: Vec<Unexpanded>,
    /// Problems with the template's structure (not fatal).
    pub problems: Vec<(Span, Message)>,
    /// References to names the template does not define (see
    /// [`Template::undefined_references`]): errors in the template, each leaving only its own
    /// value unknown.
    pub undefined: Vec<(Span, Message)>,
    /// Resources made by loops so far, and the work of expanding them.
    loop_resources: usize,
    loop_work: usize,
}

/// Is this document a CloudFormation template? `AWSTemplateFormatVersion`, or a `Resources`
/// map whose entries all have a string `Type`, at least one of them an `AWS::` type or a
/// registry type of another publisher (`Alexa::ASK::Skill`).
pub fn is_template(root: &Node) -> bool {
    let Some(entries) = root.as_map() else { return false };
    if entries.iter().any(|e| e.key == "AWSTemplateFormatVersion") {
        return true;
    }
    let Some(res) = root.get("Resources").and_then(Node::as_map) else { return false };
    let mut any_aws = false;
    for e in res {
        if e.key.starts_with("Fn::ForEach::") {
            // `[Identifier, Collection, {OutputKey: {Type: ...}}]`
            let outputs = e.value.as_seq().and_then(|s| s.get(2)).and_then(Node::as_map);
            any_aws |= outputs.is_some_and(|o| {
                o.iter().any(|r| r.value.get("Type").and_then(Node::as_str).is_some_and(|t| t.starts_with("AWS::")))
            });
            continue;
        }
        match e.value.get("Type").map(|t| &t.kind) {
            // AWS types, and registry types of other publishers (`Alexa::ASK::Skill`,
            // `MongoDB::Atlas::Cluster`); macros and custom resources may add any other name.
            Some(Kind::String(t)) => any_aws |= t.starts_with("AWS::") || is_registry_type(t),
            _ => return false,
        }
    }
    any_aws
}

impl<'a> Template<'a> {
    /// Reads the sections of a template. `param_values` (from `--parameters`) are used to
    /// expand `Fn::ForEach` collections given as parameters.
    pub fn new(root: &'a Node, overrides: &HashMap<String, String>) -> Template<'a> {
        let mut t = Template {
            root,
            parameters: Vec::new(),
            param_index: HashMap::new(),
            mappings: root.get("Mappings"),
            conditions: HashMap::new(),
            resources: Vec::new(),
            resource_index: HashMap::new(),
            unexpanded: Vec::new(),
            problems: Vec::new(),
            undefined: Vec::new(),
            loop_resources: 0,
            loop_work: 0,
        };
        if let Some(params) = root.get("Parameters").and_then(Node::as_map) {
            for e in params {
                let p = Parameter {
                    name: e.key.clone(),
                    span: e.key_span,
                    kind: e.value.get("Type").and_then(Node::scalar_text).map(|s| s.into_owned()).unwrap_or_default(),
                    default: e.value.get("Default"),
                    no_echo: e.value.get("NoEcho").map(node_truthy).unwrap_or(false),
                    node: &e.value,
                };
                t.param_index.insert(p.name.clone(), t.parameters.len());
                t.parameters.push(p);
            }
        }
        if let Some(conds) = root.get("Conditions").and_then(Node::as_map) {
            for e in conds {
                t.conditions.insert(e.key.clone(), &e.value);
            }
        }
        if let Some(res) = root.get("Resources") {
            match res.as_map() {
                Some(entries) => {
                    // Room for each entry at once: a template of many resources is not copied
                    // each time its list grows.
                    t.resources.reserve(entries.len());
                    t.resource_index.reserve(entries.len());
                    for e in entries {
                        if let Some(name) = e.key.strip_prefix("Fn::ForEach::") {
                            t.expand_top_loop(name, e.key_span, &e.value, overrides);
                        } else {
                            t.push_resource(e.key.clone(), e.key_span, Cow::Borrowed(&e.value), None);
                        }
                    }
                }
                None if res.is_null() => {}
                None => t.problems.push((res.span, msg!("diag-cfn-resources-not-map", found = res.type_message()))),
            }
        }
        if super::sam::uses_transform(root) {
            let (resources, problems) = super::sam::expand(root, std::mem::take(&mut t.resources));
            t.problems.extend(problems);
            t.resource_index.clear();
            for r in resources {
                if t.resource_index.contains_key(&r.id) {
                    t.problems.push((r.id_span, msg!("diag-cfn-resource-twice", id = r.id)));
                    continue;
                }
                t.resource_index.insert(r.id.clone(), t.resources.len());
                t.resources.push(r);
            }
        }
        t.undefined = t.undefined_references();
        t
    }

    /// References (`Ref`, `Fn::GetAtt`, `Fn::Sub` placeholders) in resource properties and
    /// outputs to names the template defines nowhere: CloudFormation rejects the template.
    /// Nothing is concluded for a template with a `Transform` (macros, SAM) or loops left
    /// unexpanded, which may define names the text does not show.
    fn undefined_references(&self) -> Vec<(Span, Message)> {
        let mut out = Vec::new();
        let transformed =
            self.root.get("Transform").is_some() || self.root.to_json().to_string().contains("Fn::Transform");
        if transformed || !self.unexpanded.is_empty() {
            return out;
        }
        for r in &self.resources {
            if let Some(p) = r.node.get("Properties") {
                self.walk_references(p, &[], &mut out, 0);
            }
        }
        if let Some(outputs) = self.root.get("Outputs").and_then(Node::as_map) {
            for o in outputs.iter().filter(|o| !o.key.starts_with("Fn::ForEach::")) {
                self.walk_references(&o.value, &[], &mut out, 0);
            }
        }
        out.truncate(MAX_UNDEFINED);
        out
    }

    /// Is `name` something `Ref` can name: a parameter, a resource, a pseudo parameter, or a
    /// name `scope` binds (a `Fn::Sub` variable)?
    fn defines(&self, name: &str, scope: &[&str]) -> bool {
        name.starts_with("AWS::")
            || self.param_index.contains_key(name)
            || self.resource_index.contains_key(name)
            || scope.contains(&name)
    }

    fn walk_references(&self, n: &Node, scope: &[&str], out: &mut Vec<(Span, Message)>, depth: usize) {
        if depth > 200 || out.len() >= MAX_UNDEFINED {
            return;
        }
        let undefined = |what: &str, name: &str| match what {
            "ref" => msg!("diag-cfn-undefined-ref", name = name),
            "getatt" => msg!("diag-cfn-undefined-getatt", name = name),
            _ => msg!("diag-cfn-undefined-sub", name = name),
        };
        match &n.kind {
            Kind::Seq(items) => items.iter().for_each(|i| self.walk_references(i, scope, out, depth + 1)),
            Kind::Map(entries) => {
                if let [e] = entries.as_slice() {
                    match e.key.as_str() {
                        "Ref" => {
                            if let Some(name) = e.value.as_str()
                                && !self.defines(name, scope)
                            {
                                out.push((e.value.span, undefined("ref", name)));
                            }
                            return;
                        }
                        "Fn::GetAtt" => {
                            let res = match &e.value.kind {
                                Kind::String(s) => s.split_once('.').map(|(r, _)| r),
                                Kind::Seq(items) => items.first().and_then(Node::as_str),
                                _ => None,
                            };
                            if let Some(r) = res
                                && !self.resource_index.contains_key(r)
                            {
                                out.push((e.value.span, undefined("getatt", r)));
                            }
                            return;
                        }
                        "Fn::Sub" => {
                            let (text, vars) = match &e.value.kind {
                                Kind::String(_) => (Some(&e.value), None),
                                Kind::Seq(items) if items.len() == 2 => (Some(&items[0]), items[1].as_map()),
                                _ => (None, None),
                            };
                            let mut inner: Vec<&str> = scope.to_vec();
                            if let Some(vars) = vars {
                                inner.extend(vars.iter().map(|v| v.key.as_str()));
                                for v in vars {
                                    self.walk_references(&v.value, scope, out, depth + 1);
                                }
                            }
                            if let Some(t) = text.and_then(Node::as_str) {
                                for name in sub_placeholders(t) {
                                    let base = if inner.contains(&name) {
                                        name
                                    } else {
                                        name.split('.').next().unwrap_or(name)
                                    };
                                    let known = if name.contains('.') && !inner.contains(&name) {
                                        self.resource_index.contains_key(base) || base.starts_with("AWS::")
                                    } else {
                                        self.defines(name, &inner)
                                    };
                                    if !known {
                                        out.push((text.map_or(e.value.span, |t| t.span), undefined("sub", base)));
                                    }
                                }
                            } else if let Some(t) = text {
                                self.walk_references(t, scope, out, depth + 1);
                            }
                            return;
                        }
                        _ => {}
                    }
                }
                entries.iter().for_each(|e| self.walk_references(&e.value, scope, out, depth + 1));
            }
            _ => {}
        }
    }

    fn push_resource(&mut self, id: String, id_span: Span, node: Cow<'a, Node>, from_loop: Option<String>) {
        let (kind, kind_span) = match node.get("Type") {
            Some(n) => match n.as_str() {
                Some(s) => (s.to_string(), n.span),
                None => {
                    self.problems.push((n.span, msg!("diag-cfn-type-not-string", id = id)));
                    return;
                }
            },
            None => {
                self.problems.push((id_span, msg!("diag-cfn-no-type", id = id)));
                return;
            }
        };
        let condition = node.get("Condition").and_then(|c| c.as_str().map(|s| (s.to_string(), c.span)));
        if self.resource_index.contains_key(&id) {
            self.problems.push((id_span, msg!("diag-cfn-resource-twice", id = id)));
            return;
        }
        self.resource_index.insert(id.clone(), self.resources.len());
        self.resources.push(RawResource { id, id_span, kind, kind_span, node, condition, from_loop });
    }

    /// Expands a loop of the `Resources` section, or, when it exceeds the budget, none of it.
    fn expand_top_loop(&mut self, name: &str, key_span: Span, value: &Node, overrides: &HashMap<String, String>) {
        let (resources, unexpanded, problems, made) =
            (self.resources.len(), self.unexpanded.len(), self.problems.len(), self.loop_resources);
        if let Err(reason) = self.expand_loop(name, key_span, value, overrides, None) {
            for r in self.resources.drain(resources..) {
                self.resource_index.remove(&r.id);
            }
            self.unexpanded.truncate(unexpanded);
            self.problems.truncate(problems);
            self.loop_resources = made;
            self.unexpanded.push(Unexpanded { name: format!("Fn::ForEach::{name}"), span: key_span, reason });
        }
    }

    /// Spends expansion work; an error when the budget is exhausted.
    fn spend(&mut self, units: usize) -> Result<(), Message> {
        self.loop_work = self.loop_work.saturating_add(units);
        if self.loop_work > MAX_LOOP_WORK {
            return Err(msg!("diag-cfn-loop-work", steps = MAX_LOOP_WORK));
        }
        Ok(())
    }

    /// Expands `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]`. An
    /// error when the expansion budget is exhausted.
    fn expand_loop(
        &mut self,
        name: &str,
        key_span: Span,
        value: &Node,
        overrides: &HashMap<String, String>,
        outer: Option<&[(String, String)]>,
    ) -> Result<(), Message> {
        let loop_name = format!("Fn::ForEach::{name}");
        let fail = |t: &mut Template<'a>, reason: Message| {
            t.unexpanded.push(Unexpanded { name: loop_name.clone(), span: key_span, reason });
        };
        let Some([ident, collection, body]) = value.as_seq().and_then(|s| <&[Node; 3]>::try_from(s).ok()) else {
            fail(self, msg!("diag-cfn-loop-shape"));
            return Ok(());
        };
        let Some(ident) = ident.as_str() else {
            fail(self, msg!("diag-cfn-loop-identifier"));
            return Ok(());
        };
        let values = match self.loop_collection(collection, overrides) {
            Some(v) => v,
            None => {
                fail(self, msg!("diag-cfn-loop-collection-unknown"));
                return Ok(());
            }
        };
        if values.len() > MAX_LOOP_VALUES {
            fail(self, msg!("diag-cfn-loop-collection-large", count = values.len(), max = MAX_LOOP_VALUES));
            return Ok(());
        }
        let Some(outputs) = body.as_map() else {
            fail(self, msg!("diag-cfn-loop-output"));
            return Ok(());
        };
        for value in values {
            self.spend(1 + value.len() / 64)?;
            let mut subst: Vec<(String, String)> = outer.map(|o| o.to_vec()).unwrap_or_default();
            subst.push((ident.to_string(), value));
            for out in outputs {
                let mut work = 0;
                if let Some(inner) = out.key.strip_prefix("Fn::ForEach::") {
                    // Nested loop: substitute the outer identifier into it first.
                    let replaced = substitute(&out.value, &subst, &mut work);
                    self.spend(work)?;
                    self.expand_loop(inner, out.key_span, &replaced, overrides, Some(&subst))?;
                    continue;
                }
                self.loop_resources += 1;
                if self.loop_resources > MAX_LOOP_RESOURCES {
                    return Err(msg!("diag-cfn-loop-resources", max = MAX_LOOP_RESOURCES));
                }
                let id = substitute_str(&out.key, &subst, &mut work);
                let node = substitute(&out.value, &subst, &mut work);
                self.spend(work)?;
                self.push_resource(id, out.key_span, Cow::Owned(node), Some(loop_name.clone()));
            }
        }
        Ok(())
    }

    fn loop_collection(&self, n: &Node, overrides: &HashMap<String, String>) -> Option<Vec<String>> {
        match &n.kind {
            Kind::Seq(items) => items.iter().map(|i| i.scalar_text().map(|s| s.into_owned())).collect(),
            Kind::Map(_) => {
                let name = n.get("Ref")?.as_str()?;
                let text = match overrides.get(name) {
                    Some(v) => v.clone(),
                    None => {
                        let p = &self.parameters[*self.param_index.get(name)?];
                        match &p.default?.kind {
                            Kind::Seq(items) => {
                                return items.iter().map(|i| i.scalar_text().map(|s| s.into_owned())).collect();
                            }
                            _ => p.default?.scalar_text()?.into_owned(),
                        }
                    }
                };
                Some(text.split(',').map(|s| s.trim().to_string()).collect())
            }
            _ => None,
        }
    }
}

/// `Publisher::Service::Resource`: three `::`-separated alphanumeric parts.
fn is_registry_type(t: &str) -> bool {
    let parts: Vec<&str> = t.split("::").collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// CloudFormation's truthiness of a scalar: `true` or the string `"true"` (any case).
pub fn node_truthy(n: &Node) -> bool {
    match &n.kind {
        Kind::Bool(b) => *b,
        Kind::String(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// Replaces `${Identifier}` and `&{Identifier}` in a string, adding the work to `work`.
fn substitute_str(s: &str, subst: &[(String, String)], work: &mut usize) -> String {
    let mut out = s.to_string();
    for (ident, value) in subst {
        if out.contains('{') {
            out = out.replace(&format!("${{{ident}}}"), value);
            let alnum: String = value.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            out = out.replace(&format!("&{{{ident}}}"), &alnum);
            *work = work.saturating_add(out.len() / 64);
        }
    }
    out
}

/// Replaces the loop identifiers in a resource template: `Ref: Identifier` becomes the value,
/// `${Identifier}` and `&{Identifier}` inside strings and keys are replaced.
/// `work` counts the nodes made and the bytes / 64 of their strings.
fn substitute(n: &Node, subst: &[(String, String)], work: &mut usize) -> Node {
    *work += 1;
    let kind = match &n.kind {
        Kind::String(s) => Kind::String(substitute_str(s, subst, work)),
        Kind::Seq(items) => Kind::Seq(items.iter().map(|i| substitute(i, subst, work)).collect()),
        Kind::Map(entries) => {
            if let [e] = entries.as_slice()
                && e.key == "Ref"
                && let Some(name) = e.value.as_str()
                && let Some((_, v)) = subst.iter().rev().find(|(i, _)| i == name)
            {
                return Node::new(n.span, Kind::String(v.clone()));
            }
            Kind::Map(
                entries
                    .iter()
                    .map(|e| Entry {
                        key: substitute_str(&e.key, subst, work),
                        key_span: e.key_span,
                        value: substitute(&e.value, subst, work),
                    })
                    .collect(),
            )
        }
        other => other.clone(),
    };
    Node::new(n.span, kind)
}
