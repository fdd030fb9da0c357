//! Network and compute resources of the AWS provider.

use super::{Joiner, Primary};
use crate::lower::tf::TfResource;

/// A resource of this area that stands on its own.
pub fn primary(_r: &TfResource) -> Option<Primary> {
    None
}

/// A split-off resource of this area, joined into its parent; `false` when not of this area.
pub fn attach(_r: &TfResource, _j: &mut Joiner<'_>) -> bool {
    false
}
