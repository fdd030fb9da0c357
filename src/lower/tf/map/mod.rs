//! The AWS provider's resources mapped onto the AWS resource schema (CloudFormation's
//! resource types and property names), so that one lowering serves every language and the
//! same infrastructure gives the same findings whichever language described it.
//!
//! Values keep the spans of the HCL (or plan JSON) they were written in. A resource that
//! Terraform splits off its parent (`aws_s3_bucket_versioning`, `aws_iam_role_policy_attachment`,
//! ...) is *joined* into the parent's properties through the reference in its arguments; when
//! it cannot be joined, the fields it would set become unknown on every resource it might
//! belong to, never absent. What the provider does by default, where it differs from
//! CloudFormation, is filled in here.
//!
//! Each area module exposes `primary` (a resource that stands on its own: its CloudFormation
//! type and properties) and `attach` (a split-off resource: joins it into its parent).

use std::collections::HashMap;

use crate::lower::cfn::{Shaped, model_kind};
use crate::model::{ResMeta, VKind, Val};
use crate::source::Span;

use super::TfResource;

pub mod data;
pub mod network;

/// A resource that stands on its own, in CloudFormation's vocabulary.
pub struct Primary {
    pub cfn_type: &'static str,
    /// The properties: a map.
    pub props: Val,
    /// Resources CloudFormation writes separately that this one declares inline (a network
    /// ACL's `ingress` blocks, an internet gateway's `vpc_id` attachment): each becomes a
    /// resource of its own.
    pub parts: Vec<Part>,
}

impl Primary {
    pub fn new(cfn_type: &'static str, props: Val) -> Primary {
        Primary { cfn_type, props, parts: Vec::new() }
    }
}

/// A resource declared inside another one.
pub struct Part {
    /// Appended to the owner's address to name it: `/ingress[0]`, `/attachment`.
    pub suffix: String,
    pub cfn_type: &'static str,
    pub props: Val,
    /// Where it is written (the nested block or argument).
    pub span: Span,
}

/// What mapping sees of the other resources: the primaries built so far, to join split-off
/// resources into.
pub struct Joiner<'a> {
    resources: &'a [TfResource],
    by_address: HashMap<&'a str, usize>,
    /// The primary of each resource, by index in `resources`.
    primaries: Vec<Option<Primary>>,
}

impl<'a> Joiner<'a> {
    /// The resource with this address.
    pub fn resource(&self, address: &str) -> Option<&'a TfResource> {
        self.by_address.get(address).map(|&i| &self.resources[i])
    }

    /// Every resource of the unit.
    pub fn resources(&self) -> &'a [TfResource] {
        self.resources
    }

    /// The index of the parent `v` refers to among resources of `types`: by reference
    /// (`aws_s3_bucket.b.id`), or by a literal that equals the parent's `name_attr` argument
    /// (`bucket = "my-bucket"`, as plan files write it). `None` when it cannot be decided.
    pub fn parent(&self, v: &Val, types: &[&str], name_attr: &str) -> Option<usize> {
        match &v.kind {
            VKind::Ref(r) => {
                let i = *self.by_address.get(r.id.as_str())?;
                types.contains(&self.resources[i].rtype.as_str()).then_some(i)
            }
            VKind::Str(s) => {
                let mut found = self.resources.iter().enumerate().filter(|(_, r)| {
                    types.contains(&r.rtype.as_str())
                        && !r.data
                        && r.attrs.get(name_attr).and_then(Val::as_str) == Some(s.as_str())
                });
                let first = found.next()?;
                found.next().is_none().then_some(first.0)
            }
            _ => None,
        }
    }

    /// The properties of resource `i`'s primary, to add to.
    pub fn props_mut(&mut self, i: usize) -> Option<&mut Val> {
        self.primaries.get_mut(i)?.as_mut().map(|p| &mut p.props)
    }

    /// Adds a resource declared by a split-off one to resource `i`'s primary.
    pub fn add_part(&mut self, i: usize, part: Part) {
        if let Some(Some(p)) = self.primaries.get_mut(i) {
            p.parts.push(part);
        }
    }

    /// Gives the resource at `address` its primary, built from what is known of the others.
    pub fn set_primary(&mut self, address: &str, p: Primary) {
        if let Some(&i) = self.by_address.get(address) {
            self.primaries[i] = Some(p);
        }
    }

    /// A split-off resource could not be joined: on every primary of `types`, each property
    /// of `keys` that is absent becomes unknown (the resource may set it), pointing at `at`.
    pub fn unjoined(&mut self, types: &[&str], keys: &[&str], at: Span) {
        for (i, r) in self.resources.iter().enumerate() {
            if !types.contains(&r.rtype.as_str()) {
                continue;
            }
            if let Some(Some(p)) = self.primaries.get_mut(i) {
                for k in keys {
                    set_if_absent(&mut p.props, k, Val::unknown("set by a resource that could not be joined", at));
                }
            }
        }
    }
}

/// Sets `key` in a map value, replacing any value it had.
pub fn set(map: &mut Val, key: &str, value: Val, key_span: Span) {
    if let VKind::Map(entries) = &mut map.kind {
        match entries.iter_mut().find(|(k, _, _)| k == key) {
            Some(e) => {
                e.1 = key_span;
                e.2 = value;
            }
            None => entries.push((key.to_string(), key_span, value)),
        }
    }
}

/// Sets `key` in a map value unless it is there.
pub fn set_if_absent(map: &mut Val, key: &str, value: Val) {
    if map.get(key).is_none() {
        let span = value.span;
        set(map, key, value, span);
    }
}

/// A map value from its entries.
pub fn map_val(entries: Vec<(String, Span, Val)>, span: Span) -> Val {
    Val::new(VKind::Map(entries), span)
}

/// The resources mapped onto the AWS resource schema, in their order.
pub fn shape(resources: &[TfResource]) -> Vec<Shaped> {
    let by_address = resources.iter().enumerate().map(|(i, r)| (r.address.as_str(), i)).collect();
    let primaries = resources
        .iter()
        .map(|r| if r.data { None } else { data::primary(r).or_else(|| network::primary(r)) })
        .collect();
    let mut j = Joiner { resources, by_address, primaries };
    for (i, r) in resources.iter().enumerate() {
        if r.data || j.primaries[i].is_some() {
            continue;
        }
        if !data::attach(r, &mut j) {
            network::attach(r, &mut j);
        }
    }
    let mut out = Vec::with_capacity(resources.len());
    for (r, p) in resources.iter().zip(j.primaries) {
        if r.data {
            continue;
        }
        let meta = |id: String, cfn_type: &'static str, span: Span, props_span: Span| ResMeta {
            id: id.into(),
            kind: r.rtype.as_str().into(),
            // Types CloudFormation cannot declare have model kinds of their own.
            model_kind: model_kind(if cfn_type.is_empty() { &r.rtype } else { cfn_type }),
            span,
            props_span,
            tags: crate::model::tags::kept(crate::model::tags::tags_of(r.attrs.get("tags"), props_span)),
        };
        match p {
            None => {
                out.push(Shaped { meta: meta(r.address.clone(), "", r.span, r.body_span), cfn_type: "", props: None })
            }
            Some(p) => {
                out.push(Shaped {
                    meta: meta(r.address.clone(), p.cfn_type, r.span, r.body_span),
                    cfn_type: p.cfn_type,
                    props: Some(p.props),
                });
                for part in p.parts {
                    out.push(Shaped {
                        meta: meta(format!("{}{}", r.address, part.suffix), part.cfn_type, part.span, part.span),
                        cfn_type: part.cfn_type,
                        props: Some(part.props),
                    });
                }
            }
        }
    }
    out
}

/// The policy document an `aws_iam_policy_document` data source's arguments describe, as a
/// policy (a map with `Version` and `Statement`, statements keeping the spans of their HCL
/// blocks), for `data.aws_iam_policy_document.NAME.json`.
pub fn policy_document(attrs: &Val) -> Val {
    data::policy_document(attrs)
}

#[cfg(test)]
mod tests {
    use crate::lower::tf::testing::{model, res};

    #[test]
    fn resources_without_a_mapping_keep_their_address_and_type() {
        let m = model(&[res("aws_example_thing.this[0]", r#"{"name": "x"}"#)]);
        let r = m.resource("aws_example_thing.this[0]").expect("resource kept");
        assert_eq!(&*r.kind, "aws_example_thing");
        assert_eq!(r.model_kind, crate::model::kind::OTHER);
    }
}
