//! The collector and the snapshot reader agree on the calls of a snapshot: every call the
//! reader reads is one the collector makes, under the same service key and in the same scope,
//! and every call the collector keeps is documented in `docs/snapshot.md`, as read ("Calls
//! read") or as kept for the record ("Calls kept and not read"). The documentation is the
//! list; the reader's sources and the collector's call table are checked against it.

use std::collections::BTreeSet;
use std::path::Path;

use palisade::collect::{CALLS, Scope};

/// (scope, service, call): `global` or `regional`, the snapshot's service key, the operation.
type Entry = (String, String, String);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// An operation's name, as AWS writes it: a verb the collector uses, then a capitalised name.
fn is_call_name(s: &str) -> bool {
    ["Describe", "Get", "List", "Generate"].iter().any(|verb| {
        s.strip_prefix(verb).is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_uppercase()) && rest.chars().all(|c| c.is_ascii_alphanumeric())
        })
    })
}

/// The text between backticks of a line.
fn code_spans(line: &str) -> Vec<&str> {
    line.split('`').skip(1).step_by(2).collect()
}

/// The calls a section of `docs/snapshot.md` lists in its table: each row's key
/// (`regional.R.SERVICE[.CALL]` or `global.SERVICE[.CALL]`) gives the scope and the service,
/// and the call names of the row are the key's own and those the row mentions.
fn documented(section: &str) -> BTreeSet<Entry> {
    let doc = std::fs::read_to_string(root().join("docs/snapshot.md")).expect("docs/snapshot.md");
    let heading = format!("## {section}");
    let body: Vec<&str> =
        doc.lines().skip_while(|l| l.trim() != heading).skip(1).take_while(|l| !l.starts_with("## ")).collect();
    assert!(!body.is_empty(), "docs/snapshot.md has no section `{heading}`");
    let mut out = BTreeSet::new();
    for line in body.iter().filter(|l| l.starts_with("| `")) {
        let mut cells = line.splitn(3, '|').skip(1);
        let (Some(key), Some(read)) = (cells.next(), cells.next()) else { continue };
        let key = code_spans(key).first().copied().unwrap_or_default();
        let parts: Vec<&str> = key.split('.').collect();
        let (scope, service, call) = match parts.as_slice() {
            ["global", service, rest @ ..] => ("global", *service, rest.first().copied()),
            ["regional", _, service, rest @ ..] => ("regional", *service, rest.first().copied()),
            _ => panic!("docs/snapshot.md `{heading}`: a key of an unknown form: {line}"),
        };
        let calls: Vec<&str> =
            call.into_iter().chain(code_spans(read).into_iter().filter(|c| is_call_name(c))).collect();
        assert!(!calls.is_empty(), "docs/snapshot.md `{heading}`: a row without a call: {line}");
        for c in calls {
            out.insert((scope.to_string(), service.to_string(), c.to_string()));
        }
    }
    out
}

/// The text of the snapshot reader's sources.
fn reader_sources() -> String {
    let dir = root().join("src/lower/snapshot");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("src/lower/snapshot").flatten().map(|e| e.path()).collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| std::fs::read_to_string(p).expect("a reader source"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The call names the reader's sources quote (`"DescribeVpcs"`).
fn quoted_call_names(text: &str) -> BTreeSet<String> {
    text.split('"').skip(1).step_by(2).filter(|s| is_call_name(s)).map(str::to_string).collect()
}

fn collected() -> BTreeSet<Entry> {
    CALLS
        .iter()
        .filter_map(|c| {
            let scope = match c.scope {
                Scope::Global => "global",
                Scope::Regional => "regional",
                Scope::Run => return None,
            };
            Some((scope.to_string(), c.service.to_string(), c.call.to_string()))
        })
        .collect()
}

#[test]
fn every_call_the_reader_reads_is_collected_in_the_same_place() {
    let read = documented("Calls read");
    let collected = collected();
    let missing: Vec<_> = read.difference(&collected).collect();
    assert!(missing.is_empty(), "calls the snapshot reader reads that the collector does not keep: {missing:?}");
}

#[test]
fn every_call_the_collector_keeps_is_documented() {
    let read = documented("Calls read");
    let kept = documented("Calls kept and not read");
    let both: Vec<_> = read.intersection(&kept).collect();
    assert!(both.is_empty(), "documented as read and as not read: {both:?}");
    let documented: BTreeSet<Entry> = read.union(&kept).cloned().collect();
    let undocumented: Vec<_> = collected().difference(&documented).cloned().collect();
    assert!(
        undocumented.is_empty(),
        "calls the collector keeps that docs/snapshot.md does not describe: {undocumented:?}"
    );
}

#[test]
fn the_reader_reads_exactly_the_documented_calls() {
    let sources = reader_sources();
    let quoted = quoted_call_names(&sources);
    let read = documented("Calls read");
    let read_names: BTreeSet<String> = read.iter().map(|(_, _, c)| c.clone()).collect();
    let unread: Vec<_> = read_names.difference(&quoted).collect();
    assert!(unread.is_empty(), "documented as read, never named by the reader: {unread:?}");
    let undocumented: Vec<_> = quoted.difference(&read_names).collect();
    assert!(undocumented.is_empty(), "read by the reader, not in docs/snapshot.md's `Calls read`: {undocumented:?}");
    let services: BTreeSet<&str> = read.iter().map(|(_, s, _)| s.as_str()).collect();
    for s in services {
        assert!(sources.contains(&format!("\"{s}\"")), "the reader never names the service key `{s}`");
    }
    let kept = documented("Calls kept and not read");
    for (_, service, call) in &kept {
        assert!(
            read_names.contains(call) || !quoted.contains(call),
            "{service}.{call} is documented as not read, but the reader names it"
        );
    }
}

#[test]
fn call_names_are_told_from_field_names() {
    assert!(is_call_name("DescribeDBClusterParameterGroups") && is_call_name("ListParents"));
    assert!(!is_call_name("ListenerDescriptions") && !is_call_name("Policy") && !is_call_name("Get"));
    assert!(!is_call_name("ListenerDescriptions[].Listener") && !is_call_name("GetAtt.Arn"));
    let docs = documented("Calls read");
    assert!(docs.contains(&("global".into(), "organizations".into(), "ListParents".into())));
    assert!(docs.contains(&("regional".into(), "rds".into(), "DescribeDBClusterParameters".into())));
}
