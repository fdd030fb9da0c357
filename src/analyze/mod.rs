//! Analyses over the whole model, computed once per model and shared by rules and commands.

pub mod exposure;
pub mod reach;
