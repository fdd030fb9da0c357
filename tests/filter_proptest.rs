//! Property tests: reading suppressions, configuration files and annotations never panics,
//! and a suppression comment always covers a line of the file.

use std::path::Path;
use std::sync::Arc;

use palisade::config::Config;
use palisade::source::SourceFile;
use palisade::suppress::{Target, comment_suppressions, parse_annotation};
use proptest::prelude::*;

fn line_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# palisade:ignore PAL-S3-001 reason".to_string()),
        Just("  Key: value # palisade:ignore s3-versioning, PAL-S3 - why".to_string()),
        Just("  Key: 'it''s # palisade:ignore PAL-S3-001 x'".to_string()),
        Just("  Key: \"a\\\" # palisade:ignore PAL-S3-001\"".to_string()),
        Just("#palisade:ignore".to_string()),
        Just(String::new()),
        "[ -~é#'\"\\\\:,]{0,40}",
    ]
}

proptest! {
    #[test]
    fn comment_scanning_never_panics(lines in proptest::collection::vec(line_strategy(), 0..12), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        let src = SourceFile::new("t.yaml", text.clone());
        let n = text.lines().count().max(1) as u32;
        for s in comment_suppressions(&src, &Arc::from("t.yaml")) {
            match s.target {
                Target::Lines { first, last } => prop_assert!(1 <= first && first <= last && last <= n),
                Target::Resource(_) => prop_assert!(false, "comments target lines"),
            }
            prop_assert!(s.at.line >= 1 && s.at.line <= n);
            prop_assert!(!s.rule.contains(char::is_whitespace));
        }
    }

    #[test]
    fn config_parsing_never_panics(text in "[ -~\n\\[\\]\"=]{0,200}") {
        let _ = Config::parse(&text, Path::new("palisade.toml"));
    }

    #[test]
    fn annotation_parsing_never_panics(text in "[ -~é;:]{0,80}") {
        for (rule, reason) in parse_annotation(&text) {
            prop_assert!(!rule.contains(';'));
            prop_assert!(reason.is_none_or(|r| !r.is_empty()));
        }
    }
}
