//! The Terraform frontend's language work: HCL modules evaluated three-valued
//! ([`hcl`]), built-in functions ([`funcs`]), plan files ([`plan`]), and the mapping of the
//! AWS provider's resources onto the AWS resource schema the model is lowered from ([`map`]).
//!
//! Both inputs, configuration and plan, become [`TfResource`]s: one per resource instance,
//! with its evaluated arguments. [`lower`] turns them into a [`Model`].

use std::sync::Arc;

use crate::model::{Model, Val};
use crate::source::Span;

pub mod funcs;
pub mod hcl;
pub mod map;
pub mod plan;

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
    pub condition: Option<String>,
}

/// The model of one root module's resources (or one plan's), named `file`.
pub fn lower(resources: &[TfResource], file: Arc<str>) -> Model {
    let mut m = Model { file, ..Model::default() };
    let shaped = map::shape(resources);
    crate::lower::cfn::lower_shaped(&mut m, shaped);
    m
}
