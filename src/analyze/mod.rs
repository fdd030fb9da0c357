//! Analyses over the model that rules build on (IAM policy evaluation, ...).

pub mod iam;
