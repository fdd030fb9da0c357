//! Property tests: reading and parsing never panic, whatever the input, and valid inputs keep
//! consistent spans.

use palisade::parse::*;
use palisade::source::SourceFile;
use palisade::value::{Kind, Node};
use proptest::prelude::*;

const SAMPLE: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket: &bucket
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${AWS::StackName}-data"
      Tags:
        - Key: é
          Value: !GetAtt Other.Arn
  Copy:
    <<: *bucket
    Condition: IsProd
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument: |
        {"Statement": [{"Effect": "Allow", "Action": "*"}]}
      Roles: !If [IsProd, [!Ref R], !Ref "AWS::NoValue"]
---
on: push
n: 0777
"#;

fn run(bytes: Vec<u8>) {
    let limits = Limits { max_alias_nodes: 10_000, ..Limits::default() };
    if let Ok(file) = source_from_bytes("p".into(), bytes, &limits) {
        if let Ok(docs) = parse_yaml(&file, &limits) {
            for d in &docs {
                check_spans(&file, &d.root);
            }
        }
        if let Ok(d) = parse_json(&file, &limits) {
            check_spans(&file, &d.root);
        }
    }
}

/// Every span lies on character boundaries and its line/column agree with the file's.
fn check_spans(file: &SourceFile, node: &Node) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        let s = n.span;
        assert!(s.start <= s.end && s.end as usize <= file.text.len(), "{s:?}");
        assert!(file.text.is_char_boundary(s.start as usize) && file.text.is_char_boundary(s.end as usize));
        assert_eq!(file.line_col(s.start), (s.line, s.col), "{s:?}");
        assert_eq!(file.line_col(s.end), (s.end_line, s.end_col), "{s:?}");
        match &n.kind {
            Kind::Map(entries) => stack.extend(entries.iter().map(|e| &e.value)),
            Kind::Seq(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        run(bytes);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,300}") {
        run(s.into_bytes());
    }

    #[test]
    fn yaml_like_strings_never_panic(s in "[-:?!&*\\[\\]{},#|>'\" \t\n\rabé0-9.~<]{0,200}") {
        run(s.into_bytes());
    }

    #[test]
    fn mutated_valid_yaml_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..8)
    ) {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        for (at, op, b) in edits {
            let i = at.index(bytes.len() + 1);
            match op {
                0 => bytes.insert(i, b),
                1 if i < bytes.len() => { bytes.remove(i); }
                2 if i < bytes.len() => bytes[i] = b,
                _ => {
                    // Insert a YAML-significant character.
                    let special = b": -[]{}!&*'\"\n\t#|>";
                    bytes.insert(i, special[b as usize % special.len()]);
                }
            }
        }
        run(bytes);
    }
}

#[test]
fn sample_parses() {
    let f = source_from_bytes("s".into(), SAMPLE.as_bytes().to_vec(), &Limits::default()).unwrap();
    let docs = parse_yaml(&f, &Limits::default()).unwrap();
    assert_eq!(docs.len(), 2);
    for d in &docs {
        check_spans(&f, &d.root);
    }
}

/// Inputs that once produced inconsistent spans.
#[test]
fn regressions() {
    // The scanner puts the end of input on a line past the last one.
    for input in ["? ", "a", "- ", "a: \r", "x: |\n  y"] {
        run(input.as_bytes().to_vec());
    }
}
