//! The template's text and parameters as content analyses see them ([`TextValue`], [`Input`]).
//!
//! Every literal string or number of the parameter defaults, mappings, resource properties
//! and metadata, and outputs is collected with the path of keys leading to it and the role
//! its position gives it (intrinsic function arguments naming a parameter, resource,
//! condition or mapping are not values; dynamic references `{{resolve:...}}` are resolved at
//! deploy time). The CloudFormation specifics (paths, `Fn::Sub` placeholders, parameter
//! types, the `Value` of `AWS::ApiGateway::ApiKey`) are decided here, so that the analyses
//! read neutral fields only.

use super::eval;
use super::template::Template;
use crate::model::{Input, ResMeta, TextRole, TextValue};
use crate::source::Span;
use crate::value::{Kind, Node};

/// Parameter types whose value is the secret itself (as opposed to `AWS::SSM::Parameter::Value<...>`,
/// whose value is the name of an SSM parameter, or AWS-specific types such as key pair names).
pub fn is_plain_parameter_type(kind: &str) -> bool {
    matches!(kind, "String" | "Number" | "CommaDelimitedList" | "List<String>" | "List<Number>")
}

/// Does a parameter only take boolean values (`AllowedValues: [true, false]`, `[yes, no]`,
/// `[Enabled, Disabled]`...)?
fn is_switch(param: &Node) -> bool {
    let Some(values) = param.get("AllowedValues").and_then(Node::as_seq) else { return false };
    !values.is_empty()
        && values.iter().all(|v| {
            v.scalar_text().is_some_and(|t| {
                matches!(
                    t.trim().to_ascii_lowercase().as_str(),
                    "true"
                        | "false"
                        | "yes"
                        | "no"
                        | "on"
                        | "off"
                        | "enabled"
                        | "disabled"
                        | "enable"
                        | "disable"
                        | "1"
                        | "0"
                )
            })
        })
}

/// The template's parameters.
pub fn inputs(tpl: &Template<'_>) -> Vec<Input> {
    tpl.parameters
        .iter()
        .map(|p| Input {
            name: p.name.clone(),
            span: p.span,
            kind: p.kind.clone(),
            sensitive: p.no_echo,
            holds_value: is_plain_parameter_type(&p.kind),
            default: p.default.and_then(|d| d.scalar_text().map(|t| (t.into_owned(), d.span))),
            switch: is_switch(p.node),
            words: &crate::model::InputWords::CLOUDFORMATION,
        })
        .collect()
}

/// A literal of the template, with the keys from the template root leading to it, e.g.
/// `Resources.Db.Properties.MasterUserPassword`.
struct Literal {
    path: String,
    /// The last map key on the path that is not an intrinsic function name (the property
    /// name; for a value inside `Fn::Sub`'s variable map, the property holding the `Fn::Sub`).
    key: String,
    text: String,
    span: Span,
    resource: Option<usize>,
    role: TextRole,
}

/// The literals of a template as text values, collected section by section.
#[derive(Default)]
pub(super) struct Literals(Vec<TextValue>);

impl Literals {
    /// Adds the literals under `n`, at `path`, attributed to the key `key` and to `resource`
    /// (its index in the model's resources, and its identity). Each becomes its text value at
    /// once: a template's literals are never held twice.
    pub(super) fn add(&mut self, n: &Node, path: &str, key: &str, resource: Option<(usize, &ResMeta)>) {
        let mut found = Vec::new();
        collect_literals(n, path, LitCtx::new(key, resource.map(|(i, _)| i)), &mut found, 0);
        self.0.extend(found.into_iter().map(|l| text_value(l, resource.map(|(_, r)| r))));
    }

    /// Makes room for the literals under `nodes`, so that the list is never copied to grow:
    /// at most one per scalar, and one per `Fn::Join` (its joined text).
    pub(super) fn reserve<'n>(&mut self, nodes: impl IntoIterator<Item = &'n Node>) {
        let mut count = 0;
        let mut stack: Vec<&Node> = nodes.into_iter().collect();
        while let Some(n) = stack.pop() {
            match &n.kind {
                Kind::String(_) | Kind::Number(_) => count += 1,
                Kind::Seq(items) => stack.extend(items),
                Kind::Map(entries) => {
                    count += entries.iter().filter(|e| e.key == "Fn::Join").count();
                    stack.extend(entries.iter().map(|e| &e.value));
                }
                _ => {}
            }
        }
        self.0.reserve_exact(count);
    }

    /// The literals as text values.
    pub(super) fn into_texts(self) -> Vec<TextValue> {
        self.0
    }
}

fn text_value(l: Literal, res: Option<&ResMeta>) -> TextValue {
    let secret_by_design = res.is_some_and(|r| {
        &*r.kind == "AWS::ApiGateway::ApiKey" && l.path == format!("Resources.{}.Properties.Value", r.id)
    });
    let sub_template = l.path.ends_with(".Fn::Sub") || l.path.ends_with(".Fn::Sub[0]");
    let names_parameters = l.role == TextRole::Ref || (l.role == TextRole::Value && sub_template);
    let inputs = if names_parameters && !l.path.starts_with("Parameters.") { referenced(&l.text) } else { Vec::new() };
    TextValue {
        place: place(res, &l.path),
        text: l.text,
        span: l.span,
        resource: l.resource,
        key: l.key,
        role: l.role,
        secret_by_design,
        inputs,
    }
}

/// Names of the parameters a `Ref`-role literal (`!Ref P`, `!Sub '${P}'`) or a `Fn::Sub`
/// template (`!Sub 'prefix-${P}'`) refers to.
fn referenced(text: &str) -> Vec<String> {
    if text.contains("${") {
        text.split("${").skip(1).filter_map(|s| s.split_once('}')).map(|(n, _)| n.trim().to_string()).collect()
    } else {
        vec![text.trim().to_string()]
    }
}

/// Where a literal is, for messages: "`Db` property `MasterUserPassword`", "output `Key`", ...
fn place(res: Option<&ResMeta>, path: &str) -> crate::i18n::Message {
    use crate::i18n::Message;
    // Function names and their argument positions say nothing to the reader: cut them off.
    let cut = |p: &str| -> String {
        let end = [".Fn::", ".Ref", ".Condition"].iter().filter_map(|s| p.find(s)).min().unwrap_or(p.len());
        p[..end].to_string()
    };
    if let Some(r) = res {
        let id = &r.id;
        if let Some(rest) = path.strip_prefix(&format!("Resources.{id}.Properties.")) {
            return msg!("place-property", resource = id, name = cut(rest));
        }
        if let Some(rest) = path.strip_prefix(&format!("Resources.{id}.Metadata.")) {
            return msg!("place-metadata", resource = id, name = cut(rest));
        }
        return Message::from(format!("`{id}`"));
    }
    if let Some(rest) = path.strip_prefix("Outputs.") {
        let name = rest.split('.').next().unwrap_or(rest);
        return msg!("place-output", name = name);
    }
    if let Some(rest) = path.strip_prefix("Parameters.") {
        let name = rest.split('.').next().unwrap_or(rest);
        return msg!("place-parameter-default", name = name);
    }
    Message::from(format!("`{}`", cut(path)))
}

const MAX_LITERAL_DEPTH: usize = 200;
/// Paths are cut to this many bytes, and keys to their last this many bytes / 2, so that the
/// literals of a template with very long keys stay proportional to it.
const MAX_PATH: usize = 512;

/// A path, cut to [`MAX_PATH`] bytes.
fn sub_path(mut path: String) -> String {
    if path.len() > MAX_PATH {
        let mut end = MAX_PATH;
        while !path.is_char_boundary(end) {
            end -= 1;
        }
        path.truncate(end);
        path.push('…');
    }
    path
}

/// A key, cut to its last [`MAX_PATH`] / 2 bytes (the end of a key names what it holds).
fn short_key(key: &str) -> String {
    let max = MAX_PATH / 2;
    if key.len() <= max {
        return key.to_string();
    }
    let mut start = key.len() - max;
    while !key.is_char_boundary(start) {
        start += 1;
    }
    format!("…{}", &key[start..])
}

/// Where [`collect_literals`] is: the key literals are attributed to, their resource, and the
/// role of the strings found here.
#[derive(Clone, Copy)]
struct LitCtx<'k> {
    key: &'k str,
    resource: Option<usize>,
    role: TextRole,
}

impl<'k> LitCtx<'k> {
    fn new(key: &'k str, resource: Option<usize>) -> LitCtx<'k> {
        LitCtx { key, resource, role: TextRole::Value }
    }

    fn role(self, role: TextRole) -> LitCtx<'k> {
        LitCtx { role, ..self }
    }
}

/// Every literal string and number under `n`, with its key path and role.
fn collect_literals(n: &Node, path: &str, cx: LitCtx<'_>, out: &mut Vec<Literal>, depth: usize) {
    if depth > MAX_LITERAL_DEPTH {
        return;
    }
    let mut push = |text: &str, role: TextRole| {
        out.push(Literal {
            path: path.to_string(),
            key: short_key(cx.key),
            text: text.to_string(),
            span: n.span,
            resource: cx.resource,
            role,
        })
    };
    match &n.kind {
        Kind::String(s) if s.contains("{{resolve:") => push(s, TextRole::Dynamic),
        Kind::String(s) | Kind::Number(s) => push(s, cx.role),
        Kind::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_literals(item, &sub_path(format!("{path}[{i}]")), cx, out, depth + 1);
            }
        }
        Kind::Map(entries) => {
            if let [e] = entries.as_slice()
                && eval::is_intrinsic(&e.key)
            {
                collect_intrinsic(&e.key, &e.value, &sub_path(format!("{path}.{}", e.key)), cx, out, depth + 1);
                return;
            }
            for e in entries {
                // Intrinsic names are not property names: keep the property key.
                let k = if eval::is_intrinsic(&e.key) { cx.key } else { e.key.as_str() };
                collect_literals(
                    &e.value,
                    &sub_path(format!("{path}.{}", e.key)),
                    LitCtx { key: k, ..cx },
                    out,
                    depth + 1,
                );
            }
        }
        _ => {}
    }
}

/// The literals of an intrinsic function's argument, each with the role its position gives it.
fn collect_intrinsic(name: &str, arg: &Node, path: &str, cx: LitCtx<'_>, out: &mut Vec<Literal>, depth: usize) {
    use TextRole::{Name, Ref, Syntax};
    // Roles of the leading items of a list argument; later items keep the context's role.
    let leading: &[TextRole] = match name {
        // A reference where names are expected (a dynamic reference's pieces, a mapping key)
        // stays a name: it gives no value to the field.
        "Ref" => return collect_literals(arg, path, cx.role(if cx.role == Name { Name } else { Ref }), out, depth),
        "Condition" | "Fn::GetAtt" | "Fn::GetAZs" | "Fn::ImportValue" => {
            return collect_literals(arg, path, cx.role(Name), out, depth);
        }
        "Fn::Sub" => return collect_sub(arg, path, cx, out, depth),
        "Fn::Join" if joins_dynamic_reference(arg) => {
            // The pieces of a dynamic reference name a secret: the joined text is resolved at
            // deploy time, and what is joined into it are names.
            out.push(Literal {
                path: path.to_string(),
                key: short_key(cx.key),
                text: joined_text(arg).unwrap_or_default(),
                span: arg.span,
                resource: cx.resource,
                role: TextRole::Dynamic,
            });
            if let Some([_, Node { kind: Kind::Seq(items), .. }]) = arg.as_seq() {
                for (i, item) in items.iter().enumerate().filter(|(_, i)| i.as_str().is_none()) {
                    collect_literals(item, &sub_path(format!("{path}[1][{i}]")), cx.role(Name), out, depth + 1);
                }
            }
            return;
        }
        "Fn::If" => &[Name],
        "Fn::FindInMap" => &[Name, Name, Name],
        "Fn::Join" | "Fn::Split" | "Fn::Select" => &[Syntax],
        "Fn::Cidr" => &[cx.role, Syntax, Syntax],
        _ => &[],
    };
    match &arg.kind {
        Kind::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let c = leading.get(i).map_or(cx, |&r| cx.role(r));
                collect_literals(item, &sub_path(format!("{path}[{i}]")), c, out, depth + 1);
            }
        }
        _ => collect_literals(arg, path, cx, out, depth),
    }
}

/// The text of `Fn::Join [delimiter, [pieces]]` with its literal pieces, and `${}` for the
/// others (which are not literal content).
fn joined_text(arg: &Node) -> Option<String> {
    let [delim, Node { kind: Kind::Seq(items), .. }] = arg.as_seq()? else { return None };
    let delim = delim.as_str().unwrap_or("");
    Some(
        items
            .iter()
            .map(|i| i.as_str().map_or_else(|| "${}".to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(delim),
    )
}

/// Does a `Fn::Join` make a dynamic reference (`{{resolve:...}}`) out of its pieces?
fn joins_dynamic_reference(arg: &Node) -> bool {
    joined_text(arg).is_some_and(|t| t.contains("{{resolve:"))
}

/// `Fn::Sub`: a template made only of `${...}` placeholders names what it substitutes; the
/// values of the variable map belong to the property holding the `Fn::Sub`.
fn collect_sub(arg: &Node, path: &str, cx: LitCtx<'_>, out: &mut Vec<Literal>, depth: usize) {
    let template_cx = |s: &str| if only_placeholders(s) { cx.role(TextRole::Ref) } else { cx };
    match &arg.kind {
        Kind::String(s) => collect_literals(arg, path, template_cx(s), out, depth),
        Kind::Seq(items) if items.len() == 2 => {
            let first = items[0].as_str().map_or(cx, template_cx);
            // The variables of a dynamic reference name the secret to resolve.
            let dynamic = items[0].as_str().is_some_and(|s| s.contains("{{resolve:"));
            let cx = if dynamic { cx.role(TextRole::Name) } else { cx };
            collect_literals(&items[0], &sub_path(format!("{path}[0]")), first, out, depth + 1);
            match items[1].as_map() {
                Some(vars) => {
                    for e in vars {
                        collect_literals(&e.value, &sub_path(format!("{path}[1].{}", e.key)), cx, out, depth + 1);
                    }
                }
                None => collect_literals(&items[1], &sub_path(format!("{path}[1]")), cx, out, depth + 1),
            }
        }
        _ => collect_literals(arg, path, cx, out, depth),
    }
}

/// Is `s` made only of `Fn::Sub` placeholders (`${Name}`, not the literal `${!Text}`) and
/// white space?
pub fn only_placeholders(s: &str) -> bool {
    let mut rest = s;
    let mut any = false;
    while let Some(pos) = rest.find("${") {
        if !rest[..pos].trim().is_empty() || rest[pos + 2..].starts_with('!') {
            return false;
        }
        let Some(end) = rest[pos..].find('}') else { return false };
        rest = &rest[pos + end + 1..];
        any = true;
    }
    any && rest.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;

    fn model(text: &str) -> Model {
        crate::lower::cfn::model_of_yaml(text)
    }

    /// (text, key, role) of every literal.
    fn literals(text: &str) -> Vec<(String, String, TextRole)> {
        model(text).texts.into_iter().map(|l| (l.text, l.key, l.role)).collect()
    }

    fn role_of(lits: &[(String, String, TextRole)], text: &str) -> (String, TextRole) {
        let (_, k, r) = lits.iter().find(|(t, _, _)| t == text).unwrap_or_else(|| panic!("no literal {text}"));
        (k.clone(), *r)
    }

    #[test]
    fn literal_roles() {
        use TextRole::*;
        let lits = literals(
            r#"
Parameters:
  Pw: {Type: String, Default: dflt-value}
Mappings:
  Env: {prod: {DbPassword: mapped-value}}
Conditions:
  IsProd: !Equals [a, b]
Resources:
  R:
    Type: AWS::Test::Thing
    Metadata: {Note: meta-value}
    Properties:
      A: !Ref Pw
      B: !GetAtt Other.Arn
      C: !If [IsProd, if-value, !Ref AWS::NoValue]
      D: !Join ['-', [join-value, !ImportValue export-name]]
      E: !Sub '${Pw}'
      F: !Sub 'x-${Pw}'
      G: !Sub ['${V}', {V: var-value}]
      H: !FindInMap [Env, prod, DbPassword]
      I: '{{resolve:secretsmanager:s:SecretString:p}}'
      J: !Select [1, !GetAZs region-name]
      K: !Sub ['${!Literal}', {}]
      L: !Join ['', ['{{resolve:secretsmanager:', !Ref Pw, ':SecretString:password}}']]
      M: !Sub ['{{resolve:ssm-secure:${P}}}', {P: !Ref Pw}]
  Other: {Type: AWS::Test::Thing}
Outputs:
  O: {Value: out-value, Condition: OutputCondition}
"#,
        );
        assert_eq!(role_of(&lits, "dflt-value"), ("Default".into(), Value));
        assert_eq!(role_of(&lits, "mapped-value"), ("DbPassword".into(), Value));
        assert_eq!(role_of(&lits, "meta-value"), ("Note".into(), Value));
        assert_eq!(role_of(&lits, "Pw"), ("A".into(), Ref));
        // The parser splits the short form `!GetAtt Other.Arn` into `[Other, Arn]`.
        assert_eq!(role_of(&lits, "Other"), ("B".into(), Name));
        assert_eq!(role_of(&lits, "Arn"), ("B".into(), Name));
        assert_eq!(role_of(&lits, "IsProd"), ("C".into(), Name));
        assert_eq!(role_of(&lits, "if-value"), ("C".into(), Value));
        assert_eq!(role_of(&lits, "AWS::NoValue"), ("C".into(), Ref));
        assert_eq!(role_of(&lits, "-"), ("D".into(), Syntax));
        assert_eq!(role_of(&lits, "join-value"), ("D".into(), Value));
        assert_eq!(role_of(&lits, "export-name"), ("D".into(), Name));
        assert_eq!(role_of(&lits, "${Pw}"), ("E".into(), Ref));
        assert_eq!(role_of(&lits, "x-${Pw}"), ("F".into(), Value));
        assert_eq!(role_of(&lits, "${V}"), ("G".into(), Ref));
        assert_eq!(role_of(&lits, "var-value"), ("G".into(), Value));
        assert_eq!(role_of(&lits, "Env"), ("H".into(), Name));
        assert_eq!(role_of(&lits, "prod"), ("H".into(), Name));
        assert_eq!(role_of(&lits, "{{resolve:secretsmanager:s:SecretString:p}}"), ("I".into(), Dynamic));
        assert_eq!(role_of(&lits, "1"), ("J".into(), Syntax));
        assert_eq!(role_of(&lits, "region-name"), ("J".into(), Name));
        assert_eq!(role_of(&lits, "${!Literal}"), ("K".into(), Value));
        assert_eq!(role_of(&lits, "out-value"), ("Value".into(), Value));
        // A dynamic reference made of pieces is one dynamic text; what it joins in are names.
        assert_eq!(role_of(&lits, "{{resolve:secretsmanager:${}:SecretString:password}}"), ("L".into(), Dynamic));
        assert!(lits.iter().filter(|(t, k, _)| t == "Pw" && (k == "L" || k == "M")).all(|(_, _, r)| *r == Name));
        assert_eq!(lits.iter().filter(|(t, k, _)| t == "Pw" && (k == "L" || k == "M")).count(), 2);
        assert!(!lits.iter().any(|(t, _, _)| t == ":SecretString:password}}"));
        assert!(lits.iter().all(|(t, _, _)| t != "OutputCondition"));
    }

    #[test]
    fn placeholder_only_sub_templates() {
        assert!(only_placeholders("${A}"));
        assert!(only_placeholders(" ${A}${AWS::Region} "));
        assert!(!only_placeholders("${A}-x"));
        assert!(!only_placeholders("${!A}"));
        assert!(!only_placeholders("plain"));
        assert!(!only_placeholders("${A"));
    }

    #[test]
    fn parameter_types() {
        assert!(is_plain_parameter_type("String"));
        assert!(is_plain_parameter_type("CommaDelimitedList"));
        assert!(!is_plain_parameter_type("AWS::SSM::Parameter::Value<String>"));
        assert!(!is_plain_parameter_type("AWS::EC2::KeyPair::KeyName"));
    }

    #[test]
    fn places_and_inputs() {
        let m = model(
            r#"
Parameters:
  Pw: {Type: String, Default: dflt-value}
  Ssm: {Type: 'AWS::SSM::Parameter::Value<String>', NoEcho: true}
Resources:
  R:
    Type: AWS::Test::Thing
    Properties:
      A: !Ref Pw
      F: !Sub 'x-${Pw}-${AWS::Region}'
      Env: {Variables: {DB: !Sub '${Pw}'}}
  Key:
    Type: AWS::ApiGateway::ApiKey
    Properties: {Value: key-value, Name: key-name}
Outputs:
  O: {Value: out-value}
"#,
        );
        let t = |text: &str| m.texts.iter().find(|t| t.text == text).unwrap_or_else(|| panic!("no text {text}"));
        assert_eq!(t("dflt-value").place.en(), "the default of parameter `Pw`");
        assert!(t("dflt-value").inputs.is_empty());
        assert_eq!(
            (t("Pw").place.en().as_str(), t("Pw").inputs.as_slice()),
            ("`R` property `A`", &["Pw".to_string()][..])
        );
        assert_eq!(t("x-${Pw}-${AWS::Region}").inputs, ["Pw", "AWS::Region"]);
        assert_eq!(t("${Pw}").place.en(), "`R` property `Env.Variables.DB`");
        assert!(t("key-value").secret_by_design && !t("key-name").secret_by_design);
        assert_eq!(t("out-value").place.en(), "output `O`");
        let inputs: Vec<_> = m.inputs.iter().map(|i| (i.name.as_str(), i.sensitive, i.holds_value)).collect();
        assert_eq!(inputs, [("Pw", false, true), ("Ssm", true, false)]);
        assert_eq!(m.inputs[0].default.as_ref().map(|d| d.0.as_str()), Some("dflt-value"));
    }
}
