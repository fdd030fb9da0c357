//! Rules for the `ec2` area.

use super::Rule;

/// The rules of this area.
pub static RULES: &[&Rule] = &[];
