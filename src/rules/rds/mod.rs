//! Rules for the `rds` area.

use super::Rule;

/// The rules of this area.
pub static RULES: &[&Rule] = &[];
