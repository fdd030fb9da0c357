use crate::model::Link;
use crate::model::kind;

rule!(
    RULE,
    id: "PAL-IAM-012",
    slug: "iam-user-access-key",
    title: "Long-lived access key created for an IAM user",
    severity: Medium,
    layer: Identity,
    service: "iam",
    controls: &["IAM-08"],
    well_architected: &["SEC02-BP02"],
    compliance: &["isms-p:2.5.3", "pci-4.0:8.6.3"],
    resource_types: &[kind::IAM_ACCESS_KEY],
    remediation: "Use a role with temporary credentials instead: an instance profile, a task or \
function role, IAM Roles Anywhere, or OIDC federation for CI. If a key is unavoidable, keep it in Secrets \
Manager and rotate it.",
    description: "An access key never expires by itself. Created in a template it usually ends up in \
outputs, parameters or configuration files, where it leaks; whoever holds it acts as the user until someone \
notices and deletes it.",
    check: |m, _, out| {
        for k in &m.access_keys {
            if k.status.is(|s| s.eq_ignore_ascii_case("Inactive")) {
                continue;
            }
            let user = match k.user.get() {
                Some(Link::Local(id)) | Some(Link::External(id)) => format!(" for user `{id}`"),
                None => String::new(),
            };
            out.report(
                &k.meta,
                k.meta.span,
                msg!("iam-user-access-key-creates-long", key = k.meta.id, user = user),
            );
        }
    },
);
