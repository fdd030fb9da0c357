//! The literal text of an input and the inputs it declares, for content analyses such as
//! secret detection. Frontends fill these in their own terms; analyses read only these.

use crate::source::Span;

/// A literal string (or number) written in the input, with where it is and what it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TextValue {
    pub text: String,
    pub span: Span,
    /// The resource it belongs to, if any.
    pub resource: Option<usize>,
    /// The name, as written in the source, of the field or key holding the value (for a
    /// piece of a computed value, the field the whole value is for).
    pub key: String,
    /// Whether the text is data, or names something, or is syntax.
    pub role: TextRole,
    /// The field holds a secret whatever its name says (the key of an API key resource,
    /// stored under a neutral name such as `Value`).
    pub secret_by_design: bool,
    /// Where the text is, for messages: "`Db` property `MasterUserPassword`", "output `Key`".
    pub place: crate::i18n::Message,
    /// The inputs ([`Input`]) this text takes the field's value from, by name: a reference to
    /// an input, or the inputs substituted into a text template.
    pub inputs: Vec<String>,
}

/// What a [`TextValue`] is: only [`TextRole::Value`]s can hold data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextRole {
    /// Data: written as is, or a piece that ends up in a value (items joined together,
    /// branches of a choice, templates with text besides their placeholders, ...).
    Value,
    /// Names an input, a resource or a built-in value whose value is used here (a reference,
    /// or a template made only of placeholders).
    Ref,
    /// Names something else (an attribute, an export, a condition, a lookup table...).
    Name,
    /// Syntax of a function: a delimiter, an index, a count.
    Syntax,
    /// Resolved by the deployment engine from a store of secrets or parameters.
    Dynamic,
}

/// A value the input takes at deployment time (a template parameter).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Input {
    pub name: String,
    pub span: Span,
    /// The input's declared type, as written.
    pub kind: String,
    /// The language hides the value from those who read the deployment (`NoEcho`).
    pub sensitive: bool,
    /// The value given is the data itself (as opposed to the name of where to fetch it, or
    /// an identifier of an existing object).
    pub holds_value: bool,
    /// The default, when it is a scalar.
    pub default: Option<(String, Span)>,
    /// The input is a switch: it only takes boolean values (`AllowedValues` of `true`/`false`,
    /// `yes`/`no`..., a `bool` variable).
    pub switch: bool,
    /// How the language names inputs, for messages.
    #[serde(skip)]
    pub words: &'static InputWords,
}

/// How an input language names its inputs, their defaults and hiding their values.
#[derive(Debug, PartialEq, Eq)]
pub struct InputWords {
    /// `parameter`, `variable`.
    pub noun: &'static str,
    /// The setting that hides the value: `` `NoEcho` ``, `` `sensitive = true` ``.
    pub hidden: &'static str,
    /// The default value's name: `` `Default` ``, `` `default` ``.
    pub default: &'static str,
}

impl InputWords {
    pub const CLOUDFORMATION: InputWords = InputWords { noun: "parameter", hidden: "`NoEcho`", default: "`Default`" };
    pub const TERRAFORM: InputWords =
        InputWords { noun: "variable", hidden: "`sensitive = true`", default: "`default`" };
}

/// The shortest encoded text worth decoding.
const MIN_ENCODED_LEN: usize = 16;

/// Standard base64 with padding, line breaks ignored; `None` when the text is not base64.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let chars: Vec<u8> = text.bytes().filter(|b| !matches!(b, b'\n' | b'\r')).collect();
    if !chars.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(chars.len() / 4 * 3);
    let quads = chars.len() / 4;
    for (qi, quad) in chars.chunks(4).enumerate() {
        let pads = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pads > 2 || (pads > 0 && qi + 1 != quads) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pads] {
            let d = ALPHABET.iter().position(|&x| x == c)? as u32;
            n = (n << 6) | d;
        }
        n <<= 6 * pads as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pads]);
    }
    Some(out)
}

/// The text a literal encodes in base64, when it is base64 of readable text: a script, a
/// configuration file, a few words (as EC2 user data written already encoded). A single word
/// is left alone: it is more likely an identifier, a hash or a key than encoded text.
pub fn decoded_text(text: &str) -> Option<String> {
    let t = text.trim();
    if t.len() < MIN_ENCODED_LEN || !t.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=\r\n".contains(&b)) {
        return None;
    }
    let s = String::from_utf8(decode_base64(t)?).ok()?;
    let readable = s.chars().all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    let words = s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    (readable && words >= 2).then_some(s)
}

/// Adds to `texts`, for each value that is base64 of readable text, the decoded text as a
/// value of its own at the same place (its span is the encoded string's), so that content
/// analyses read what the deployment will.
pub fn add_decoded(texts: &mut Vec<TextValue>) {
    let decoded: Vec<TextValue> = texts
        .iter()
        .filter(|t| t.role == TextRole::Value)
        .filter_map(|t| {
            let text = decoded_text(&t.text)?;
            Some(TextValue { text, place: msg!("place-decoded", place = t.place), inputs: Vec::new(), ..t.clone() })
        })
        .collect();
    texts.extend(decoded);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_text() {
        assert_eq!(decode_base64("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode_base64("aGVs\nbG8g").as_deref(), Some(&b"hello "[..]));
        assert_eq!(decode_base64("aGVsbG8"), None, "not a multiple of four");
        assert_eq!(decode_base64("aG=sbG8="), None, "padding inside");
        // `#!/bin/bash\necho hello world\n`
        assert_eq!(
            decoded_text("IyEvYmluL2Jhc2gKZWNobyBoZWxsbyB3b3JsZAo=").as_deref(),
            Some("#!/bin/bash\necho hello world\n")
        );
        // One word, binary data, text that is not base64.
        assert_eq!(decoded_text("c3VwZXJzZWNyZXR2YWx1ZQ=="), None);
        assert_eq!(decoded_text("AAECAwQFBgcICQoLDA0ODxAREhM="), None);
        assert_eq!(decoded_text("echo hello world and more"), None);
        assert_eq!(decoded_text("arn:aws:iam::123456789012:role/x"), None);
    }
}
