//! The Terraform frontend's language work: HCL modules evaluated three-valued
//! ([`hcl`]), built-in functions ([`funcs`]), plan files ([`plan`]), and the mapping of the
//! AWS provider's resources onto the AWS resource schema the model is lowered from ([`map`]).
//!
//! Both inputs, configuration and plan, become [`TfResource`]s: one per resource instance,
//! with its evaluated arguments. [`lower`] turns them into a [`Model`].

use std::sync::Arc;

use crate::model::{Model, Val};
use crate::source::Span;

pub mod direct;
pub mod funcs;
pub mod hcl;
pub mod map;
pub mod plan;
pub mod texts;

/// One instance of a Terraform resource (or data source), evaluated.
#[derive(Debug, Clone)]
pub struct TfResource {
    /// Its address: `aws_s3_bucket.this[0]`, `module.vpc.aws_subnet.public["a"]`,
    /// `data.aws_iam_policy_document.this`. An instance whose `count`/`for_each` is unknown
    /// is addressed without an index.
    pub address: String,
    /// The resource type: `aws_s3_bucket`.
    pub rtype: String,
    /// A data source (`data "..." "..."`) rather than a managed resource.
    pub data: bool,
    /// Where the block's labels are written (findings about the resource as a whole).
    pub span: Span,
    /// The block's body, braces included.
    pub body_span: Span,
    /// The evaluated arguments and nested blocks: a map. A nested block is a list of maps
    /// under its type name, however many times it is written (`ingress = [{..}, {..}]`).
    /// A reference to another resource's attribute is a [`crate::model::VKind::Ref`] whose
    /// `id` is that resource's address and whose `attr` is the attribute.
    pub attrs: Val,
    /// When the instance exists only under a condition that could not be decided (an unknown
    /// `count` or `for_each`), the condition in words: "when `count` is not 0".
    pub condition: Option<crate::i18n::Message>,
}

/// The model of one root module's resources (or one plan's), named `file`.
pub fn lower(resources: &[TfResource], file: Arc<str>) -> Model {
    let mut m = Model { file, ..Model::default() };
    let shaped = map::shape(resources);
    crate::lower::cfn::lower_shaped(&mut m, shaped);
    for r in resources.iter().filter(|r| !r.data) {
        direct::lower(&mut m, r);
        let Some(&i) = m.resource_index.get(&r.address) else { continue };
        for (key, _, v) in r.attrs.as_map().unwrap_or_default() {
            let place = texts::place(&m.resources[i], key);
            texts::collect(v, key, &place, Some(i), &mut m.texts);
        }
    }
    crate::model::text::add_decoded(&mut m.texts);
    m
}

/// A located JSON or YAML tree as a value (plan files, `.tf.json`).
pub fn node_val(n: &crate::value::Node) -> Val {
    use crate::model::VKind;
    use crate::value::Kind;
    let kind = match &n.kind {
        Kind::Null => VKind::Null,
        Kind::Bool(b) => VKind::Bool(*b),
        Kind::Number(s) => VKind::Num(s.clone()),
        Kind::String(s) => VKind::Str(s.clone()),
        Kind::Seq(items) => VKind::List(items.iter().map(node_val).collect()),
        Kind::Map(entries) => {
            VKind::Map(entries.iter().map(|e| (e.key.clone(), e.key_span, node_val(&e.value))).collect())
        }
    };
    Val::new(kind, n.span)
}

/// Resources written as JSON, for tests of the mapping.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::model::{RefTarget, VKind};

    /// A resource instance from JSON arguments (nested blocks as lists of objects). A string
    /// `"$ref:ADDRESS.ATTR"` stands for a reference to another resource's attribute, e.g.
    /// `"$ref:aws_s3_bucket.b.id"`; `"$unknown"` for an unknown value.
    pub fn res(address: &str, json: &str) -> TfResource {
        let src = crate::source::SourceFile::new(format!("{address}.json"), json.to_string());
        let doc = crate::parse::parse_json(&src, &crate::parse::Limits::default()).expect("valid JSON");
        let attrs = refs(node_val(&doc.root));
        let rtype = address.trim_start_matches("data.").split('.').next().unwrap_or_default().to_string();
        TfResource {
            address: address.to_string(),
            rtype,
            data: address.starts_with("data."),
            span: doc.root.span,
            body_span: doc.root.span,
            attrs,
            condition: None,
        }
    }

    fn refs(v: Val) -> Val {
        let span = v.span;
        let kind = match v.kind {
            VKind::Str(s) if s == "$unknown" => VKind::Unknown("unknown in test".into()),
            VKind::Str(s) if s.starts_with("$ref:") => {
                let target = &s[5..];
                let (id, attr) = target.rsplit_once('.').unwrap_or((target, ""));
                VKind::Ref(RefTarget { id: id.to_string(), attr: (!attr.is_empty()).then(|| attr.to_string()) })
            }
            VKind::List(l) => VKind::List(l.into_iter().map(refs).collect()),
            VKind::Map(m) => VKind::Map(m.into_iter().map(|(k, s, v)| (k, s, refs(v))).collect()),
            k => k,
        };
        Val { kind, span, origin: v.origin, literals: v.literals }
    }

    /// The model of these resources.
    pub fn model(resources: &[TfResource]) -> Model {
        lower(resources, "main.tf".into())
    }
}
