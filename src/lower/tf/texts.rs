//! The literals of a Terraform configuration as content analyses see them ([`TextValue`]):
//! every string or number a resource argument or an output evaluates to, with the argument
//! that holds it. A value that came through a variable names the variable, so that a secret
//! variable with a literal default is reported where it is used.

use crate::i18n::Message;
use crate::model::{Input, Origin, ResMeta, TextRole, TextValue, VKind, Val};
use crate::source::Span;

/// Deepest nesting of a value walked for its literals.
const MAX_DEPTH: usize = 64;

/// The variable a value was taken from, from its origin (`variable `name` ...`).
pub fn variable_of(origin: Option<&Origin>) -> Option<String> {
    match &origin?.note {
        Message::Template { id: "origin-variable" | "origin-variable-default", args } => {
            args.iter().find(|(n, _)| *n == "name").map(|(_, v)| v.en())
        }
        _ => None,
    }
}

/// Collects the literals of `v`, held by the argument `key` of resource `resource` (its index
/// in `resources`) or by an output (`resource` `None`, `place` given).
pub fn collect(v: &Val, key: &str, place: &Message, resource: Option<usize>, out: &mut Vec<TextValue>) {
    walk(v, key, place, resource, out, 0);
}

/// The literal defaults of the root module's variables, judged where they are written (a
/// variable no resource uses still keeps its default in the configuration).
pub fn defaults(inputs: &[Input], out: &mut Vec<TextValue>) {
    for i in inputs {
        let Some((text, span)) = &i.default else { continue };
        out.push(TextValue {
            text: text.clone(),
            span: *span,
            resource: None,
            key: "default".to_string(),
            role: TextRole::Value,
            secret_by_design: false,
            place: msg!("place-variable-default", name = i.name),
            inputs: Vec::new(),
        });
    }
}

fn walk(v: &Val, key: &str, place: &Message, resource: Option<usize>, out: &mut Vec<TextValue>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let push = |out: &mut Vec<TextValue>, text: String, span: Span, role: TextRole, inputs: Vec<String>| {
        out.push(TextValue {
            text,
            span,
            resource,
            key: key.to_string(),
            role,
            secret_by_design: false,
            place: place.clone(),
            inputs,
        })
    };
    if let Some(var) = variable_of(v.origin.as_ref()) {
        // Written as a reference to the variable: the variable's value is judged with it.
        push(out, var.clone(), v.span, TextRole::Ref, vec![var]);
        return;
    }
    match &v.kind {
        VKind::Str(s) => push(out, s.clone(), v.span, TextRole::Value, Vec::new()),
        VKind::Num(n) => push(out, n.clone(), v.span, TextRole::Value, Vec::new()),
        VKind::List(items) => {
            for (n, i) in items.iter().enumerate() {
                // A nested block written once is named without an index.
                let place = if items.len() == 1 { place.clone() } else { within(place, &format!("[{n}]")) };
                walk(i, key, &place, resource, out, depth + 1);
            }
        }
        VKind::Map(entries) => {
            for (k, _, e) in entries {
                walk(e, k, &within(place, &format!(".{k}")), resource, out, depth + 1);
            }
        }
        VKind::Json(inner) => walk(inner, key, place, resource, out, depth + 1),
        // The literal parts of a template whose value is not known.
        VKind::Unknown(_) => {
            for text in &v.literals {
                push(out, text.clone(), v.span, TextRole::Value, Vec::new());
            }
        }
        _ => {}
    }
}

/// `place` with `step` appended to the name it ends with: "argument `environment`" within
/// `.variables` is "argument `environment.variables`".
fn within(place: &Message, step: &str) -> Message {
    match place {
        Message::Template { id, args } => {
            let mut args = args.clone();
            // The name is the template's last variable (`name` of "`X` argument `name`").
            if let Some((_, Message::Text(name))) = args.last_mut() {
                name.push_str(step);
            }
            Message::template(id, args)
        }
        other => other.clone(),
    }
}

/// Where an argument is, for messages: "`aws_db_instance.db` argument `password`".
pub fn place(r: &ResMeta, key: &str) -> Message {
    msg!("place-argument", resource = r.id, name = key)
}

/// Where an output's value is, for messages: "output `url`".
pub fn output_place(name: &str) -> Message {
    msg!("place-output", name = name)
}
