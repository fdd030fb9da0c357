//! Data, identity, encryption and monitoring resources of the AWS provider.

use super::{Joiner, Primary};
use crate::lower::tf::TfResource;
use crate::model::Val;

/// A resource of this area that stands on its own.
pub fn primary(_r: &TfResource) -> Option<Primary> {
    None
}

/// A split-off resource of this area, joined into its parent; `false` when not of this area.
pub fn attach(_r: &TfResource, _j: &mut Joiner<'_>) -> bool {
    false
}

/// See [`super::policy_document`].
pub fn policy_document(attrs: &Val) -> Val {
    Val::unknown("policy documents are not mapped yet", attrs.span)
}
