//! PAL-SEC-004 `secret-parameter-without-noecho`: Parameter carrying a secret is not NoEcho.

rule!(RULE,
    id: "PAL-SEC-004",
    slug: "secret-parameter-without-noecho",
    title: "Parameter carrying a secret is not NoEcho",
    severity: Medium,
    layer: Identity,
    service: "cloudformation",
    controls: &["IAM-09"],
    well_architected: &["SEC02-BP03"],
    compliance: &["isms-p:2.5.4", "pci-4.0:8.3.2"],
    resource_types: &["Parameters"],
    remediation: "Add `NoEcho: true` to the parameter (and no `Default`), or better, drop the parameter: \
use `ManageMasterUserPassword: true` for RDS, or a `{{resolve:secretsmanager:...}}` dynamic reference.",
    description: "Without `NoEcho`, CloudFormation shows a parameter's value in plain text in the \
console, in `describe-stacks` output and in stack events, to anyone with read access to the stack.\n\n\
A parameter carries a secret when it is used (`Ref`, `Fn::Sub`) as the value of a password-like \
property (see `hardcoded-password`), or when its name contains `password`, `passwd`, `passphrase`, \
`pwd`, `secret`, `token`, `apikey`, `privatekey`, `credential` or `authkey` and ends there (or with \
`s`, `Value`, `Param`, `Parameter`, `String`, `Text`, `PlainText`, `Input`). Names about a secret \
rather than the secret itself (`SecretArn`, `SecretName`, `TokenTtl`, `PasswordLength`) and key pair \
names (`KeyName`) are not. Only plain types (`String`, `Number`, lists) are checked: the value of an \
`AWS::SSM::Parameter::Value<...>` parameter is an SSM parameter name.",
    check: |_, facts, out| {
        let secrets = facts.secrets();
        for i in &secrets.inputs {
            let p = i.input;
            if p.sensitive || !p.holds_value {
                continue;
            }
            if let Some(u) = secrets.first_use(p) {
                out.report_at(
                    p.span,
                    msg!("secret-parameter-without-noecho-used-but", noun = p.words.noun, p_name = p.name, place = u.value.place, hidden = p.words.hidden),
                )
                .with_related(u.value.span, msg!("secret-parameter-without-noecho-used-here", p_name = p.name));
            } else if i.named_like_secret {
                out.report_at(p.span, msg!("secret-parameter-without-noecho-looks-like", noun = p.words.noun, p_name = p.name, hidden = p.words.hidden));
            }
        }
    },
);
