//! The located value tree shared by every input format.
//!
//! YAML and JSON both parse into [`Node`]s. CloudFormation short-form tags (`!Ref X`) are
//! already normalised to their long form (`{"Ref": "X"}`) by the parser, so nothing after
//! parsing knows short forms exist.
//!
//! Scalar resolution follows the YAML 1.2 core schema: plain `true`/`false` (any case of the
//! first letter or all caps) are booleans, `null`/`~`/empty are null, plain numerals are numbers,
//! everything else (including YAML 1.1's `yes`/`no`/`on`/`off`) is a string. Quoted scalars are
//! always strings. Consumers that need a boolean accept the strings `"true"`/`"false"` too, as
//! CloudFormation does.
//!
//! Why not a YAML or JSON crate's value type: those (serde_yaml, saphyr's own tree,
//! serde_json's `Value`) drop where each value was written, and every finding, fix and
//! diagnostic here needs the exact line, column and byte range of the key or value it is about,
//! including inside CloudFormation short-form tags that they would reject or rewrite. The
//! parsers build this tree from the event streams (`saphyr-parser`, the JSON reader) instead.

pub mod cidr;

use crate::source::Span;

/// A value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: Kind,
}

/// The value itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    /// A number, kept as written so that `0777` or `1e3` are not reinterpreted.
    Number(String),
    String(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// One key/value pair of a map. Keys are always strings; the key keeps its own span.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// A parsed collection without its unused room. A list grown item by item has room for up
/// to twice its items, and most collections of a document are small: a map of one entry
/// would keep room for four, and a document tree weighs many times its text.
pub(crate) fn fitted<T>(mut items: Vec<T>) -> Vec<T> {
    items.shrink_to_fit();
    items
}

impl Node {
    pub fn new(span: Span, kind: Kind) -> Node {
        Node { span, kind }
    }

    /// The value of `key` if this is a map holding it (first occurrence).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The entry for `key` if this is a map holding it.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.kind {
            Kind::Map(e) => Some(e),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            Kind::Seq(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    /// Text of a scalar (string, number or boolean), as a string.
    pub fn scalar_text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match &self.kind {
            Kind::String(s) => Some(s.as_str().into()),
            Kind::Number(n) => Some(n.as_str().into()),
            Kind::Bool(b) => Some(if *b { "true" } else { "false" }.into()),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// A short name of the node's type for messages ("a map", "a string", ...).
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a map",
        }
    }

    /// [`Node::type_name`] as a message, said in the language of the report.
    pub fn type_message(&self) -> crate::i18n::Message {
        let kind = match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "boolean",
            Kind::Number(_) => "number",
            Kind::String(_) => "string",
            Kind::Seq(_) => "list",
            Kind::Map(_) => "map",
        };
        msg!("diag-value-type", kind = kind)
    }

    /// Converts to JSON, dropping locations (for tests and debugging).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.kind {
            Kind::Null => J::Null,
            Kind::Bool(b) => J::Bool(*b),
            Kind::Number(n) => {
                serde_json::from_str::<serde_json::Number>(n).map(J::Number).unwrap_or_else(|_| J::String(n.clone()))
            }
            Kind::String(s) => J::String(s.clone()),
            Kind::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Kind::Map(entries) => J::Object(entries.iter().map(|e| (e.key.clone(), e.value.to_json())).collect()),
        }
    }
}

/// One parsed document of a file (YAML streams may hold several).
#[derive(Debug, Clone)]
pub struct Document {
    pub root: Node,
    /// What the parser read past: a key given twice in one map (the later value is kept, as
    /// CloudFormation keeps it), with the place and a message. Each is an error in the input,
    /// though the rest of the document is read.
    pub errors: Vec<(Span, crate::i18n::Message)>,
}

/// One step of a path from a document root: a map key or a sequence index.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// What a finding at `span` is about, independently of the input language: the path from
/// `root` to the node at `span`, plus `=<scalar text>` when that node is a scalar (`null` for
/// a null), e.g. `Resources.Logs.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy=false`.
///
/// The node is the one whose span equals `span` (the outermost one when several do, as the
/// wrapper map of a YAML tag and its value may); failing that, the deepest node whose span
/// contains it. A span on (or inside) a map key stands for that key's value. Keys are joined
/// with `.`; a key that is empty or holds `.`, `[`, `]`, `=`, `"` or whitespace is written
/// `["key"]` (JSON-quoted); sequence items are written `[3]`.
///
/// `None` when `span` is unknown (line 0), lies outside `root`, or is the root itself.
pub fn subject_at(root: &Node, span: Span) -> Option<String> {
    subject_at_with(root, span, |_, _| true)
}

/// [`subject_at`], writing the scalar value only when `show(key, value)` allows it; `key` is
/// the last map key of the path (empty when the node is a sequence item).
pub fn subject_at_with(root: &Node, span: Span, show: impl Fn(&str, &str) -> bool) -> Option<String> {
    subject_in(root, span, show, None)
}

/// Finds the subjects of many spans of one tree: remembers, for each map and sequence it
/// passes, whether its children lie in source order with gaps between them, so that the
/// child holding a span is found by binary search instead of a walk over every child (a
/// template's `Resources` map may hold many thousands of entries). The result is always the
/// one of [`subject_at_with`].
#[derive(Default)]
pub struct SubjectFinder {
    ordered: std::collections::HashMap<*const Node, bool>,
}

impl SubjectFinder {
    pub fn new() -> SubjectFinder {
        SubjectFinder::default()
    }

    /// [`subject_at_with`] of `root`.
    pub fn subject(&mut self, root: &Node, span: Span, show: impl Fn(&str, &str) -> bool) -> Option<String> {
        subject_in(root, span, show, Some(self))
    }

    /// Are the children of `node` (their keys and values) in strictly increasing,
    /// non-touching ranges? Then at most one child can equal or contain any span.
    fn is_ordered(&mut self, node: &Node) -> bool {
        *self.ordered.entry(node as *const Node).or_insert_with(|| {
            let ranges: Vec<(u32, u32)> = match &node.kind {
                Kind::Map(entries) => entries.iter().map(entry_range).collect(),
                Kind::Seq(items) => items.iter().map(|n| (n.span.start, n.span.end)).collect(),
                _ => return false,
            };
            ranges.iter().all(|r| r.0 <= r.1) && ranges.windows(2).all(|w| w[0].1 < w[1].0)
        })
    }
}

/// The range a map entry covers: its key and its value.
fn entry_range(e: &Entry) -> (u32, u32) {
    (e.key_span.start.min(e.value.span.start), e.key_span.end.max(e.value.span.end))
}

/// The one child whose range may hold `span`, by binary search over ordered ranges.
fn candidate<T>(items: &[T], span: Span, range: impl Fn(&T) -> (u32, u32)) -> Option<usize> {
    let i = items.partition_point(|x| range(x).0 <= span.start).checked_sub(1)?;
    let (start, end) = range(&items[i]);
    (start <= span.start && span.end <= end).then_some(i)
}

fn subject_in(
    root: &Node,
    span: Span,
    show: impl Fn(&str, &str) -> bool,
    mut finder: Option<&mut SubjectFinder>,
) -> Option<String> {
    if span.line == 0 || !contains(root.span, span) {
        return None;
    }
    let mut node = root;
    let mut path: Vec<Step<'_>> = Vec::new();
    // Every step goes one level down a finite tree, so the walk ends; no recursion.
    while node.span != span {
        let ordered = finder.as_deref_mut().is_some_and(|f| f.is_ordered(node));
        let (step, child, on_key) = match &node.kind {
            Kind::Map(entries) => {
                let found = if ordered {
                    candidate(entries, span, entry_range).map(|i| &entries[i]).filter(|e| {
                        e.value.span == span
                            || e.key_span == span
                            || contains(e.value.span, span)
                            || contains(e.key_span, span)
                    })
                } else {
                    let exact = entries.iter().find(|e| e.value.span == span || e.key_span == span);
                    exact
                        .or_else(|| entries.iter().find(|e| contains(e.value.span, span) || contains(e.key_span, span)))
                };
                let Some(e) = found else {
                    break;
                };
                let on_key = e.value.span != span && contains(e.key_span, span);
                (Step::Key(&e.key), &e.value, on_key)
            }
            Kind::Seq(items) => {
                let found = if ordered {
                    candidate(items, span, |n| (n.span.start, n.span.end))
                } else {
                    items
                        .iter()
                        .position(|n| n.span == span)
                        .or_else(|| items.iter().position(|n| contains(n.span, span)))
                };
                let Some(i) = found else {
                    break;
                };
                (Step::Index(i), &items[i], false)
            }
            _ => break,
        };
        path.push(step);
        node = child;
        if on_key {
            break;
        }
    }
    if path.is_empty() {
        return None;
    }
    let mut out = String::new();
    for step in &path {
        match step {
            Step::Key(k) if is_plain_key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Key(k) => {
                out.push('[');
                out.push_str(&serde_json::Value::from(*k).to_string());
                out.push(']');
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    let value = if node.is_null() { Some("null".into()) } else { node.scalar_text() };
    if let Some(v) = value {
        let key = match path.last() {
            Some(Step::Key(k)) => k,
            _ => "",
        };
        if show(key, &v) {
            out.push('=');
            out.push_str(&v);
        }
    }
    Some(out)
}

/// Can `key` be written as it is in a path?
fn is_plain_key(key: &str) -> bool {
    !key.is_empty() && !key.chars().any(|c| matches!(c, '.' | '[' | ']' | '=' | '"') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Limits, parse_json, parse_yaml};
    use crate::source::SourceFile;

    const YAML: &str = "\
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicPolicy: false
        RestrictPublicBuckets: !Ref Public
      Tags:
        - Key: team
          Value: data
        - Key: empty
          Value:
      UserData: |
        #!/bin/sh
        echo hello
    Metadata:
      app.kubernetes.io/name: web
";

    const JSON: &str = r##"{
  "Resources": {
    "Logs": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "PublicAccessBlockConfiguration": {
          "BlockPublicPolicy": false,
          "RestrictPublicBuckets": {"Ref": "Public"}
        },
        "Tags": [
          {"Key": "team", "Value": "data"},
          {"Key": "empty", "Value": null}
        ],
        "UserData": "#!/bin/sh\necho hello\n"
      },
      "Metadata": {"app.kubernetes.io/name": "web"}
    }
  }
}"##;

    /// The same template in both languages.
    fn both() -> [(SourceFile, Node); 2] {
        let y = SourceFile::new("t.yaml", YAML.to_string());
        let y_root = parse_yaml(&y, &Limits::default()).unwrap().remove(0).root;
        let j = SourceFile::new("t.json", JSON.to_string());
        let j_root = parse_json(&j, &Limits::default()).unwrap().root;
        [(y, y_root), (j, j_root)]
    }

    /// The span of the `nth` occurrence of `needle`.
    fn span_of(src: &SourceFile, needle: &str, nth: usize) -> Span {
        let start = src.text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("no {needle}")).0;
        src.span(start as u32, (start + needle.len()) as u32)
    }

    /// The node at `path`: map keys, or sequence indexes written as numbers.
    fn node<'a>(root: &'a Node, path: &[&str]) -> &'a Node {
        path.iter().fold(root, |n, k| match k.parse::<usize>() {
            Ok(i) => &n.as_seq().unwrap()[i],
            Err(_) => n.get(k).unwrap(),
        })
    }

    const BPP: &str = "Resources.Logs.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy";

    #[test]
    fn scalars_give_their_path_and_value_the_same_in_both_languages() {
        for (src, root) in both() {
            let at = |needle: &str, nth: usize| subject_at(&root, span_of(&src, needle, nth));
            assert_eq!(at("false", 0), Some(format!("{BPP}=false")), "{}", src.path.display());
            // A key's span stands for its value.
            let key = node(&root, &["Resources", "Logs", "Properties", "PublicAccessBlockConfiguration"])
                .as_map()
                .unwrap()[0]
                .key_span;
            assert_eq!(subject_at(&root, key), Some(format!("{BPP}=false")));
            // Sequence items by index; a null is written `null`.
            assert_eq!(at("data", 0).as_deref(), Some("Resources.Logs.Properties.Tags[0].Value=data"));
            let null = node(&root, &["Resources", "Logs", "Properties", "Tags", "1", "Value"]);
            assert_eq!(subject_at(&root, null.span).as_deref(), Some("Resources.Logs.Properties.Tags[1].Value=null"));
            // A key that is not a plain name is quoted.
            assert_eq!(at("web", 0).as_deref(), Some(r#"Resources.Logs.Metadata["app.kubernetes.io/name"]=web"#));
        }
    }

    #[test]
    fn collections_give_their_path_only() {
        for (src, root) in both() {
            let logs = node(&root, &["Resources", "Logs"]).span;
            assert_eq!(subject_at(&root, logs).as_deref(), Some("Resources.Logs"));
            // A short-form tag and the long form alike: the function is a map, its argument a
            // scalar.
            let rpb = node(
                &root,
                &["Resources", "Logs", "Properties", "PublicAccessBlockConfiguration", "RestrictPublicBuckets"],
            );
            let expected = "Resources.Logs.Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets";
            assert_eq!(subject_at(&root, rpb.span).as_deref(), Some(expected), "{}", src.path.display());
            assert_eq!(subject_at(&root, span_of(&src, "Public", 3)), Some(format!("{expected}.Ref=Public")));
        }
    }

    #[test]
    fn a_span_inside_a_node_gives_the_deepest_node_containing_it() {
        for (src, root) in both() {
            let echo = span_of(&src, "echo", 0);
            let user_data = "Resources.Logs.Properties.UserData=#!/bin/sh\necho hello\n";
            assert_eq!(subject_at(&root, echo).as_deref(), Some(user_data));
            // Between two entries of a map: the map.
            let after_type = node(&root, &["Resources", "Logs", "Type"]).span.end;
            let between = src.span(after_type, after_type + 1);
            assert_eq!(subject_at(&root, between).as_deref(), Some("Resources.Logs"), "{}", src.path.display());
        }
    }

    #[test]
    fn unknown_spans_the_root_and_outside_spans_have_no_subject() {
        for (src, root) in both() {
            assert_eq!(subject_at(&root, Span::default()), None);
            assert_eq!(subject_at(&root, root.span), None);
            let outside =
                Span { start: 10_000, end: 10_001, line: 900, col: 1, end_line: 900, end_col: 2, ..Span::default() };
            assert_eq!(subject_at(&root, outside), None);
            assert_eq!(subject_at(&root, span_of(&src, "Logs", 0)).as_deref(), Some("Resources.Logs"));
        }
    }

    #[test]
    fn values_can_be_left_out() {
        for (src, root) in both() {
            let hide_data = |key: &str, value: &str| !(key == "Value" && value == "data");
            let at = |needle: &str| subject_at_with(&root, span_of(&src, needle, 0), hide_data);
            assert_eq!(at("data").as_deref(), Some("Resources.Logs.Properties.Tags[0].Value"));
            assert_eq!(at("team").as_deref(), Some("Resources.Logs.Properties.Tags[0].Key=team"));
        }
    }

    #[test]
    fn the_finder_agrees_with_the_walk_at_every_offset() {
        for (src, root) in both() {
            let mut finder = SubjectFinder::new();
            let len = src.text.len() as u32;
            for start in 0..len {
                for end in [start, start + 1, (start + 7).min(len)] {
                    let span = src.span(start, end.min(len));
                    assert_eq!(
                        finder.subject(&root, span, |_, _| true),
                        subject_at(&root, span),
                        "{} {start}..{end}",
                        src.path.display()
                    );
                }
            }
        }
    }

    #[test]
    fn deep_trees_are_walked_without_recursion() {
        // Far deeper than the parsers allow: levels alternate one-entry maps and one-item lists.
        const DEPTH: u32 = 100_000;
        let at = |i: u32| Span {
            start: i,
            end: 2 * DEPTH + 1 - i,
            line: 1,
            col: i + 1,
            end_line: 1,
            end_col: 1,
            ..Span::default()
        };
        let mut tree = Node::new(at(DEPTH), Kind::String("x".into()));
        for i in (0..DEPTH).rev() {
            tree = if i % 2 == 0 {
                let key_span = Span { start: i, end: i, ..at(i) };
                Node::new(at(i), Kind::Map(vec![Entry { key: "k".into(), key_span, value: tree }]))
            } else {
                Node::new(at(i), Kind::Seq(vec![tree]))
            };
        }
        let subject = subject_at(&tree, at(DEPTH)).unwrap();
        assert!(
            subject.starts_with("k[0].k[0].k") && subject.ends_with(".k[0]=x"),
            "{}",
            &subject[subject.len() - 20..]
        );
        assert_eq!(subject.matches('k').count() as u32, DEPTH / 2);
        // Dropping a tree is recursive: leak this one rather than overflow the stack.
        std::mem::forget(tree);
    }
}
