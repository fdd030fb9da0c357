//! Privilege escalation: the published ways a principal with some IAM permissions can give
//! itself more, checked against what each principal is allowed to do.

use super::arn::probe_arn;
use super::catalog::catalog;
use super::condition::Context;
use super::eval::{Deciding, Outcome, Request};
use super::principals::PrincipalInfo;
use crate::model::{Model, Principal};
use crate::source::Span;

/// One escalation method.
#[derive(Debug)]
pub struct Method {
    /// Short name, e.g. `iam:PassRole + ec2:RunInstances`.
    pub name: &'static str,
    /// What an attacker does with it.
    pub how: &'static str,
    /// Every action the method needs.
    pub actions: &'static [&'static str],
    /// For PassRole methods: the service principals a passed role must trust.
    pub passes_to: &'static [&'static str],
}

/// The published escalation methods.
pub static METHODS: &[Method] = &[
    Method {
        name: "iam:CreatePolicyVersion",
        how: "write a new default version of a managed policy attached to itself, granting anything",
        actions: &["iam:CreatePolicyVersion"],
        passes_to: &[],
    },
    Method {
        name: "iam:SetDefaultPolicyVersion",
        how: "switch a managed policy to an older, more permissive version",
        actions: &["iam:SetDefaultPolicyVersion"],
        passes_to: &[],
    },
    Method {
        name: "iam:CreateAccessKey",
        how: "create access keys for another user and act as that user",
        actions: &["iam:CreateAccessKey"],
        passes_to: &[],
    },
    Method {
        name: "iam:CreateLoginProfile",
        how: "set a console password for another user and sign in as that user",
        actions: &["iam:CreateLoginProfile"],
        passes_to: &[],
    },
    Method {
        name: "iam:UpdateLoginProfile",
        how: "change another user's console password and sign in as that user",
        actions: &["iam:UpdateLoginProfile"],
        passes_to: &[],
    },
    Method {
        name: "iam:AttachUserPolicy",
        how: "attach AdministratorAccess (or any managed policy) to a user",
        actions: &["iam:AttachUserPolicy"],
        passes_to: &[],
    },
    Method {
        name: "iam:AttachGroupPolicy",
        how: "attach any managed policy to a group it belongs to",
        actions: &["iam:AttachGroupPolicy"],
        passes_to: &[],
    },
    Method {
        name: "iam:AttachRolePolicy",
        how: "attach any managed policy to a role it can use",
        actions: &["iam:AttachRolePolicy"],
        passes_to: &[],
    },
    Method {
        name: "iam:PutUserPolicy",
        how: "write an inline policy granting anything to a user",
        actions: &["iam:PutUserPolicy"],
        passes_to: &[],
    },
    Method {
        name: "iam:PutGroupPolicy",
        how: "write an inline policy granting anything to a group it belongs to",
        actions: &["iam:PutGroupPolicy"],
        passes_to: &[],
    },
    Method {
        name: "iam:PutRolePolicy",
        how: "write an inline policy granting anything to a role it can use",
        actions: &["iam:PutRolePolicy"],
        passes_to: &[],
    },
    Method {
        name: "iam:AddUserToGroup",
        how: "add a user to a more privileged group",
        actions: &["iam:AddUserToGroup"],
        passes_to: &[],
    },
    Method {
        name: "iam:UpdateAssumeRolePolicy + sts:AssumeRole",
        how: "rewrite a privileged role's trust policy to trust itself, then assume it",
        actions: &["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
        passes_to: &[],
    },
    Method {
        name: "iam:PassRole + ec2:RunInstances",
        how: "launch an instance with a more privileged role and use its credentials",
        actions: &["iam:PassRole", "ec2:RunInstances"],
        passes_to: &["ec2.amazonaws.com"],
    },
    Method {
        name: "iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction",
        how: "create a function running as a more privileged role and invoke it",
        actions: &["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
        passes_to: &["lambda.amazonaws.com"],
    },
    Method {
        name: "iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping",
        how: "create a function running as a more privileged role, triggered by an event source",
        actions: &["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
        passes_to: &["lambda.amazonaws.com"],
    },
    Method {
        name: "lambda:UpdateFunctionCode",
        how: "replace the code of a function that runs as a more privileged role",
        actions: &["lambda:UpdateFunctionCode"],
        passes_to: &[],
    },
    Method {
        name: "iam:PassRole + glue:CreateDevEndpoint",
        how: "create a Glue development endpoint with a more privileged role and log in to it",
        actions: &["iam:PassRole", "glue:CreateDevEndpoint"],
        passes_to: &["glue.amazonaws.com"],
    },
    Method {
        name: "glue:UpdateDevEndpoint",
        how: "add its SSH key to an existing Glue development endpoint and use its role",
        actions: &["glue:UpdateDevEndpoint"],
        passes_to: &[],
    },
    Method {
        name: "iam:PassRole + cloudformation:CreateStack",
        how: "create a stack whose service role is more privileged, creating anything",
        actions: &["iam:PassRole", "cloudformation:CreateStack"],
        passes_to: &["cloudformation.amazonaws.com"],
    },
    Method {
        name: "iam:PassRole + datapipeline:CreatePipeline + datapipeline:PutPipelineDefinition",
        how: "run a data pipeline with a more privileged role executing arbitrary commands",
        actions: &["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"],
        passes_to: &["datapipeline.amazonaws.com", "elasticmapreduce.amazonaws.com"],
    },
    Method {
        name: "iam:PassRole + sagemaker:CreateNotebookInstance + sagemaker:CreatePresignedNotebookInstanceUrl",
        how: "open a notebook running as a more privileged role",
        actions: &["iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"],
        passes_to: &["sagemaker.amazonaws.com"],
    },
    Method {
        name: "iam:PassRole + sagemaker:CreateTrainingJob",
        how: "run a training job with a more privileged role executing its own code",
        actions: &["iam:PassRole", "sagemaker:CreateTrainingJob"],
        passes_to: &["sagemaker.amazonaws.com"],
    },
    Method {
        name: "iam:PassRole + codebuild:CreateProject + codebuild:StartBuild",
        how: "run a build with a more privileged service role executing its own commands",
        actions: &["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"],
        passes_to: &["codebuild.amazonaws.com"],
    },
    Method {
        name: "iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask",
        how: "run a task whose task role is more privileged",
        actions: &["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"],
        passes_to: &["ecs-tasks.amazonaws.com"],
    },
];

/// A resource ARN standing for "any resource of the action's type", or `None` when the
/// action has no resource type (only `*` grants it).
pub fn probe_resource(action: &str) -> Option<String> {
    let c = catalog();
    let a = c.action(action)?;
    let svc = c.service_of(a);
    let (idx, _) = a.resources.iter().find(|(_, req)| *req).or_else(|| a.resources.first())?;
    let rt = svc.resources.get(*idx as usize)?;
    (!rt.arn.is_empty()).then(|| probe_arn(&rt.arn))
}

/// Is the principal certainly allowed `action` on any resource of its type? Returns the
/// statements that allow it.
pub fn allowed_broadly(p: &PrincipalInfo<'_>, action: &str) -> Option<Vec<Deciding>> {
    let ctx = Context::new();
    let resource = probe_resource(action);
    let req = Request { action, resource: resource.as_deref(), caller: None, context: &ctx };
    let c = p.governing.evaluate(&req);
    (c.outcome == Outcome::Allow).then_some(c.decision.deciding)
}

/// Is the principal allowed every action on every resource (then escalation is moot: it is
/// reported as administrator access)? An action no policy can name specifically stands for
/// "any action".
pub fn is_full_admin(p: &PrincipalInfo<'_>) -> bool {
    let ctx = Context::new();
    let req = Request { action: "palisade-probe:AnyAction", resource: None, caller: None, context: &ctx };
    p.governing.evaluate(&req).outcome == Outcome::Allow
}

/// One escalation a principal can perform.
#[derive(Debug)]
pub struct Escalation {
    pub method: &'static Method,
    /// The statements that grant each action.
    pub grants: Vec<(&'static str, Vec<Deciding>)>,
    /// Roles of the model that the method could pass: (role, the service it trusts, span).
    pub reachable: Vec<(String, String, Span)>,
}

/// The escalation methods `p` can perform.
pub fn escalations(m: &Model, p: &PrincipalInfo<'_>) -> Vec<Escalation> {
    let mut out = Vec::new();
    if is_full_admin(p) {
        return out;
    }
    for method in METHODS {
        let mut grants = Vec::new();
        for a in method.actions {
            match allowed_broadly(p, a) {
                Some(d) => grants.push((*a, d)),
                None => break,
            }
        }
        if grants.len() != method.actions.len() {
            continue;
        }
        let reachable = m
            .iam_roles
            .iter()
            .filter(|r| !method.passes_to.is_empty() && p.meta.is_none_or(|pm| pm.id != r.meta.id))
            .filter_map(|r| {
                let service = trusts_any(r.trust.get()?, method.passes_to)?;
                Some((r.meta.id.clone(), service, r.meta.span))
            })
            .collect();
        out.push(Escalation { method, grants, reachable });
    }
    out
}

/// The first of `services` the trust policy lets in.
fn trusts_any(doc: &crate::model::PolicyDocument, services: &[&str]) -> Option<String> {
    doc.statements.iter().filter(|s| s.effect.get() == Some(&crate::model::Effect::Allow)).find_map(|s| {
        match &s.principal {
            Some(Principal::Map(entries)) => entries
                .iter()
                .filter(|(k, _)| k == "Service")
                .flat_map(|(_, l)| l.known())
                .find(|(v, _)| services.iter().any(|x| x.eq_ignore_ascii_case(v)))
                .map(|(v, _)| v.to_string()),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_names_catalog_actions() {
        let c = catalog();
        for m in METHODS {
            for a in m.actions {
                assert!(c.action(a).is_some(), "{}: unknown action {a}", m.name);
            }
        }
    }

    #[test]
    fn probes_stand_for_unnamed_resources() {
        let p = probe_resource("iam:PassRole").unwrap();
        assert!(p.starts_with("arn:aws:iam::"), "{p}");
        assert!(p.contains(":role/"), "{p}");
        assert_eq!(probe_resource("ec2:DescribeInstances"), None);
    }
}
