//! Parameter values supplied with `--parameters FILE`.
//!
//! Accepted shapes (those the AWS CLI takes for `create-stack`/`deploy`):
//! - `[{"ParameterKey": "Env", "ParameterValue": "prod"}, ...]`
//! - `["Env=prod", "Size=3"]`
//! - `{"Parameters": {"Env": "prod"}}` (the `deploy --parameter-overrides` file form)
//! - `{"Env": "prod"}`

use serde_json::Value as J;

use super::Overrides;

/// Parses a parameters file.
pub fn parse_parameters(text: &str) -> Result<Overrides, String> {
    let j: J = serde_json::from_str(text).map_err(|e| syntax_error(text, &e))?;
    let mut out = Overrides::new();
    match &j {
        J::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match item {
                    J::Object(o) => {
                        let key = o
                            .get("ParameterKey")
                            .and_then(J::as_str)
                            .ok_or_else(|| format!("item {i}: expected `ParameterKey` and `ParameterValue`"))?;
                        if o.get("UsePreviousValue").and_then(J::as_bool) == Some(true) {
                            continue;
                        }
                        let value = o
                            .get("ParameterValue")
                            .ok_or_else(|| format!("item {i}: `{key}` has no `ParameterValue`"))?;
                        out.insert(
                            key.to_string(),
                            scalar(value).ok_or_else(|| format!("`{key}`: value must be a string"))?,
                        );
                    }
                    J::String(s) => {
                        let (k, v) =
                            s.split_once('=').ok_or_else(|| format!("item {i}: expected `Key=Value`, found `{s}`"))?;
                        out.insert(k.trim().to_string(), v.to_string());
                    }
                    _ => return Err(format!("item {i}: expected an object or a `Key=Value` string")),
                }
            }
        }
        J::Object(o) => {
            let map = match o.get("Parameters") {
                Some(J::Object(p)) => p,
                Some(_) => return Err("`Parameters` must be an object of names to values".into()),
                None => o,
            };
            for (k, v) in map {
                out.insert(
                    k.clone(),
                    scalar(v).ok_or_else(|| format!("`{k}`: value must be a string, number, boolean or list"))?,
                );
            }
        }
        _ => return Err("expected a list of {ParameterKey, ParameterValue} or an object of names to values".into()),
    }
    Ok(out)
}

/// A JSON syntax error at its 1-based line and column (in characters, lines ending as in
/// every other file). The parser counts lines at `\n` only and columns in bytes, from 0 at the
/// start of a line.
fn syntax_error(text: &str, e: &serde_json::Error) -> String {
    let line_start: usize = text.split_inclusive('\n').take(e.line().saturating_sub(1)).map(str::len).sum();
    let mut offset = (line_start + e.column().saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (line, col) = crate::source::line_col_in(text, offset);
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    format!("line {line}, column {col}: {message}")
}

fn scalar(v: &J) -> Option<String> {
    match v {
        J::String(s) => Some(s.clone()),
        J::Number(n) => Some(n.to_string()),
        J::Bool(b) => Some(b.to_string()),
        J::Array(items) => items.iter().map(scalar).collect::<Option<Vec<_>>>().map(|v| v.join(",")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_one_based_columns_in_characters() {
        let at = |text: &str| parse_parameters(text).unwrap_err();
        assert_eq!(at("{\"a\": }"), "line 1, column 7: expected value");
        // The end of input after a line break is the start of the next line.
        assert!(at("{\"a\": \"b\",\n").starts_with("line 2, column 1: "), "{}", at("{\"a\": \"b\",\n"));
        assert!(at("{\"é\": ?}").starts_with("line 1, column 7: "), "{}", at("{\"é\": ?}"));
        assert!(at("{\r\"a\":\r?}").starts_with("line 3, column 1: "), "{}", at("{\r\"a\":\r?}"));
    }

    #[test]
    fn all_shapes() {
        let a = parse_parameters(r#"[{"ParameterKey":"Env","ParameterValue":"prod"}]"#).unwrap();
        assert_eq!(a["Env"], "prod");
        let b = parse_parameters(r#"["Env=prod","X=a=b"]"#).unwrap();
        assert_eq!(b["X"], "a=b");
        let c = parse_parameters(r#"{"Parameters":{"Env":"prod","N":3}}"#).unwrap();
        assert_eq!(c["N"], "3");
        let d = parse_parameters(r#"{"Env":"prod","L":["a","b"]}"#).unwrap();
        assert_eq!(d["L"], "a,b");
        assert!(parse_parameters("[1]").is_err());
        assert!(parse_parameters("{").unwrap_err().contains("line 1"));
    }
}
