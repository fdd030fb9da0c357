//! Rules for the `kms` area.

use super::Rule;

/// The rules of this area.
pub static RULES: &[&Rule] = &[];
