//! Analyses over the model that rules build on: network reachability, the IAM engine and its
//! index of principals and policies, secrets written in the input.
//!
//! Each analysis is computed at most once per unit of analysis, on first use, into [`Facts`]
//! that sit beside the model (the model itself caches nothing).

use std::sync::OnceLock;

use crate::model::Model;

pub mod evidence;
pub mod iam;
pub mod index;
pub mod reach;
pub mod secrets;

use iam::principals::{PolicyAt, PrincipalInfo};

/// What the analyses established about one model. Cheap to create: each fact is computed the
/// first time a rule asks for it.
pub struct Facts<'m> {
    model: &'m Model,
    reach: OnceLock<reach::Reachability>,
    principals: OnceLock<Vec<PrincipalInfo<'m>>>,
    policies: OnceLock<Vec<PolicyAt<'m>>>,
    evidence: OnceLock<evidence::Evidence>,
    secrets: OnceLock<secrets::SecretFacts<'m>>,
    index: OnceLock<index::Index<'m>>,
    network: OnceLock<reach::Network<'m>>,
    rego_input: OnceLock<regorus::Value>,
}

impl<'m> Facts<'m> {
    pub fn new(model: &'m Model) -> Facts<'m> {
        Facts {
            model,
            reach: OnceLock::new(),
            principals: OnceLock::new(),
            policies: OnceLock::new(),
            evidence: OnceLock::new(),
            secrets: OnceLock::new(),
            index: OnceLock::new(),
            network: OnceLock::new(),
            rego_input: OnceLock::new(),
        }
    }

    /// The model these facts are about.
    pub fn model(&self) -> &'m Model {
        self.model
    }

    /// Which resources and ports the internet reaches, with each path.
    pub fn reachability(&self) -> &reach::Reachability {
        self.reach.get_or_init(|| reach::analyze(self.model))
    }

    /// The model's resources by logical id.
    pub fn index(&self) -> &index::Index<'m> {
        self.index.get_or_init(|| index::Index::of(self.model))
    }

    /// The model's network (subnets, routes, gateways), indexed.
    pub fn network(&self) -> &reach::Network<'m> {
        self.network.get_or_init(|| reach::Network::of(self.model))
    }

    /// Every IAM principal of the model with the policies that apply to it.
    pub fn principals(&self) -> &[PrincipalInfo<'m>] {
        self.principals.get_or_init(|| iam::principals::principals(self.model))
    }

    /// Every policy document of the model, with where it is attached and how it is used.
    pub fn policies(&self) -> &[PolicyAt<'m>] {
        self.policies.get_or_init(|| iam::principals::policies(self.model))
    }

    /// What the model contributes to the posture: its resources and the baseline services it
    /// configures.
    pub fn evidence(&self) -> &evidence::Evidence {
        self.evidence
            .get_or_init(|| evidence::Evidence::of(self.model).with_reachability(self.model, self.reachability()))
    }

    /// The input of the custom rules (Rego), built by `build` the first time a custom rule
    /// asks for it: once per model, whatever the number of rules.
    pub fn rego_input(&self, build: impl FnOnce() -> regorus::Value) -> &regorus::Value {
        self.rego_input.get_or_init(build)
    }

    /// The secrets written in the model's values, and the inputs that carry secrets.
    pub fn secrets(&self) -> &secrets::SecretFacts<'m> {
        self.secrets.get_or_init(|| secrets::analyze(self.model))
    }
}
