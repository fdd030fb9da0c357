//! One compiled custom rule: the helper library and the rule's module, compiled to the
//! bytecode of `regorus`'s virtual machine (or, for a rule it cannot compile, kept in its
//! interpreter), evaluated over each model with a time limit, its results turned into findings
//! at the spans of the model objects they name.

use std::num::NonZeroU32;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use regorus::Engine;
use regorus::Value;
use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::RegoVM;
use regorus::utils::limits::ExecutionTimerConfig;

use super::input::Needs;
use super::meta::Problem;
use crate::analyze::Facts;
use crate::finding::ResourceRef;
use crate::model::Model;
use crate::rules::Sink;
use crate::source::{FileId, Span};

/// The helper library, `data.palisade.lib`.
pub const LIB: &str = include_str!("lib.rego");

/// A rule's program, ready to run over any number of models, on any number of threads.
pub struct Program {
    /// The interpreter with the modules loaded and prepared; cloned for each thread. It runs
    /// the rule when the virtual machine cannot, and tells where a runtime error is.
    prototype: Engine,
    /// Interpreters not in use.
    pool: Mutex<Vec<Engine>>,
    /// The rule compiled for the virtual machine, when it compiles and gives the
    /// interpreter's verdict on an empty model.
    bytecode: Option<Bytecode>,
    /// Every evaluation of the virtual machine is checked against the interpreter, whose
    /// verdict (or error) is taken (`palisade test-rules`).
    pub(super) checked: bool,
    /// `data.<package>.deny`.
    query: String,
    /// The rule file, as diagnostics name it.
    pub file: Arc<str>,
    /// Line of the `package` declaration (where errors without a place of their own point).
    package_line: u32,
    /// Shared by every rule of a load: what the input must hold.
    needs: Arc<Needs>,
    /// What this rule reads, when it reads the model through model kinds and facts alone and
    /// finds nothing in an empty model: then a model without items of those kinds, whose
    /// facts it reads are empty, need not be evaluated.
    skip_unless: Option<Needs>,
}

/// A rule compiled for the virtual machine.
struct Bytecode {
    program: Arc<regorus::rvm::Program>,
    /// What default values (`default x := ...`) are read from.
    policy: regorus::CompiledPolicy,
    limit: Duration,
    /// Machines not in use.
    pool: Mutex<Vec<RegoVM>>,
}

impl Bytecode {
    /// Compiles `query` of the prepared interpreter `engine`.
    fn compile(engine: &mut Engine, query: &str, limit: Duration) -> Option<Bytecode> {
        let policy = engine.compile_with_entrypoint(&query.into()).ok()?;
        let program = Compiler::compile_from_policy(&policy, &[query]).ok()?;
        Some(Bytecode { program, policy, limit, pool: Mutex::new(Vec::new()) })
    }

    fn machine(&self) -> RegoVM {
        let mut vm = RegoVM::new_with_policy(self.policy.clone());
        vm.load_program(self.program.clone());
        vm.set_strict_builtin_errors(false);
        // The time limit bounds a rule, not a count of instructions.
        vm.set_max_instructions(usize::MAX);
        vm.set_execution_timer_config(Some(timer(self.limit)));
        vm
    }

    /// The value of `deny` for `input`.
    fn eval(&self, input: &regorus::Value) -> Result<regorus::Value, Failure> {
        let mut vm = self.pool.lock().unwrap_or_else(|e| e.into_inner()).pop().unwrap_or_else(|| self.machine());
        vm.set_input(input.clone());
        let result = vm.execute();
        self.pool.lock().unwrap_or_else(|e| e.into_inner()).push(vm);
        result.map_err(|e| Failure {
            limit: matches!(e, regorus::rvm::vm::VmError::TimeLimitExceeded { .. }),
            message: e.to_string(),
            text: e.to_string(),
        })
    }
}

fn timer(limit: Duration) -> ExecutionTimerConfig {
    ExecutionTimerConfig { limit, check_interval: NonZeroU32::new(16).expect("non-zero") }
}

/// An evaluation that failed: the interpreter's or the machine's error, as text.
struct Failure {
    /// The time limit was exceeded.
    limit: bool,
    /// The error's message, and its whole text (with its causes).
    message: String,
    text: String,
}

impl Failure {
    /// The interpreter's error.
    fn of<E>(e: &E) -> Failure
    where
        E: std::fmt::Display + std::ops::Deref<Target = dyn std::error::Error + Send + Sync + 'static>,
    {
        let limit = e.downcast_ref::<regorus::LimitError>().is_some();
        Failure { limit, message: e.to_string(), text: format!("{e:#}") }
    }
}

/// An error of a rule while checking one model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

/// An interpreter with the helper library loaded and prepared for rules (parsed once, cloned
/// for each rule).
static LIBRARY: std::sync::LazyLock<Result<Engine, String>> = std::sync::LazyLock::new(|| {
    let mut engine = Engine::new();
    engine.set_strict_builtin_errors(false);
    engine.add_policy("palisade/lib.rego".to_string(), LIB.to_string()).map_err(|e| format!("helper library: {e}"))?;
    Ok(engine)
});

/// An interpreter with the helper library and `text` (the rule file at `path`) loaded.
fn engine_with(path: &Path, text: &str, limit: Duration) -> Result<(Engine, String), Problem> {
    let mut engine = LIBRARY.as_ref().map_err(|e| Problem::new(0, 0, e.clone()))?.clone();
    engine.set_execution_timer_config(timer(limit));
    let package = engine.add_policy(path.display().to_string(), text.to_string()).map_err(|e| locate(&e, text))?;
    Ok((engine, package))
}

/// The line and column an interpreter error names (`file:LINE:COL: error: ...`), with its
/// message.
fn locate(e: &impl std::fmt::Display, text: &str) -> Problem {
    static AT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?m)^\s*--> .*?:(\d+):(\d+)\s*$").expect("valid regular expression")
    });
    static ERROR: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(?m)^error: (.*)$").expect("valid regular expression"));
    let full = format!("{e:#}");
    let message = ERROR
        .captures(&full)
        .map(|c| c[1].trim().to_string())
        .unwrap_or_else(|| full.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default().to_string());
    match AT.captures(&full) {
        Some(c) => Problem::new(c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), message),
        None => Problem::new(if text.is_empty() { 0 } else { package_line(text) }, 1, message),
    }
}

fn package_line(text: &str) -> u32 {
    text.lines().position(|l| l.trim_start().starts_with("package ")).map_or(1, |i| i as u32 + 1)
}

impl Program {
    /// Compiles the rule file at `path` (text `text`); checks that it declares `deny` and runs
    /// over an empty model.
    pub fn compile(path: &Path, text: &str, limit: Duration, needs: Arc<Needs>) -> Result<Program, Problem> {
        let (mut engine, package) = engine_with(path, text, limit)?;
        let package_line = package_line(text);
        if !package.starts_with("data.") || package == "data.palisade" || package == "data.palisade.lib" {
            return Err(Problem::new(package_line, 1, format!("package `{package}` is reserved")));
        }
        let declares = engine.has_declared_rule_rooted_at(&path.display().to_string(), "deny").unwrap_or(false);
        if !declares {
            return Err(Problem::new(
                package_line,
                1,
                "the rule declares no `deny` set: write `deny contains result if { ... }`",
            ));
        }
        let query = format!("{package}.deny");
        let own = Needs::of([text]);
        let empty = Model::default();
        let empty_facts = Facts::new(&empty);
        let empty_input = super::input::build(&empty, &empty_facts, &own);
        engine.set_input(empty_input.clone());
        // A rule that fails on an empty model is an error when it loads, at its line.
        let on_empty = engine.eval_rule(query.clone()).map_err(|e| locate(&e, text))?;
        let quiet_on_empty = match &on_empty {
            Value::Set(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Null | Value::Undefined => true,
            _ => false,
        };
        let skip_unless = (quiet_on_empty && own.sees_nothing_in(&empty, &empty_facts)).then_some(own);
        // The virtual machine runs the rule when it compiles it and agrees with the interpreter
        // on an empty model.
        let bytecode = Bytecode::compile(&mut engine, &query, limit)
            .filter(|b| b.eval(&empty_input).ok().as_ref() == Some(&on_empty));
        Ok(Program {
            skip_unless,
            bytecode,
            checked: false,
            prototype: engine,
            pool: Mutex::new(Vec::new()),
            query,
            file: crate::source::display_path(path).into(),
            package_line,
            needs,
        })
    }

    /// Whether the rule runs in the virtual machine (else in the interpreter).
    pub fn is_compiled(&self) -> bool {
        self.bytecode.is_some()
    }

    /// The value of `deny` for `input`, from the interpreter.
    fn interpret(&self, input: &regorus::Value) -> Result<regorus::Value, Failure> {
        let mut engine = {
            let mut pool = self.pool.lock().unwrap_or_else(|e| e.into_inner());
            pool.pop()
        }
        .unwrap_or_else(|| self.prototype.clone());
        engine.set_input(input.clone());
        let result = engine.eval_rule(self.query.clone());
        self.pool.lock().unwrap_or_else(|e| e.into_inner()).push(engine);
        result.map_err(|e| Failure::of(&e))
    }

    /// The rule's results for one model's input.
    pub fn eval(&self, input: &regorus::Value) -> Result<Vec<Value>, RuleError> {
        let result = match &self.bytecode {
            Some(b) if self.checked => {
                let compiled = b.eval(input);
                let interpreted = self.interpret(input);
                match (compiled, interpreted) {
                    (Ok(c), Ok(i)) if c != i => Err(Failure {
                        limit: false,
                        message: String::new(),
                        text: format!("the compiled rule gives {c} where the interpreter gives {i}"),
                    }),
                    (_, interpreted) => interpreted,
                }
            }
            // A runtime error is located by the interpreter, which names the expression.
            Some(b) => b.eval(input).or_else(|e| if e.limit { Err(e) } else { self.interpret(input) }),
            None => self.interpret(input),
        };
        let value = result.map_err(|e| {
            let limit = e.limit;
            let p = locate(&e.text, "");
            let line = if p.line == 0 { self.package_line } else { p.line };
            RuleError {
                line,
                col: p.col.max(1),
                message: if limit {
                    format!("stopped: the rule exceeded its time limit ({})", e.message)
                } else {
                    format!("runtime error: {}", p.message)
                },
            }
        })?;
        match value {
            Value::Set(items) => Ok(items.iter_sorted().cloned().collect()),
            Value::Array(items) => Ok(items.iter().cloned().collect()),
            Value::Null | Value::Undefined => Ok(Vec::new()),
            other => Err(RuleError {
                line: self.package_line,
                col: 1,
                message: format!("`deny` must be a set of results; it is {}", json_text(&other)),
            }),
        }
    }

    /// Runs the rule over a model and reports its results into `sink`.
    pub fn run(&self, model: &Model, facts: &Facts<'_>, sink: &mut Sink<'_>) -> Result<(), RuleError> {
        if self.skip_unless.as_ref().is_some_and(|n| n.sees_nothing_in(model, facts)) {
            return Ok(());
        }
        let input = facts.rego_input(|| super::input::build(model, facts, &self.needs));
        let results = self.eval(input)?;
        let files = FileNames::of(model);
        for r in results {
            let result = Result_::read(&r, &files).map_err(|message| RuleError {
                line: self.package_line,
                col: 1,
                message: format!("result {}: {message}", json_text(&r)),
            })?;
            let finding = match resource_of(model, &result) {
                Some(res) => {
                    let f = sink.report_at(result.span, result.msg);
                    f.resource = Some(res);
                    f
                }
                None => sink.report_at(result.span, result.msg),
            };
            for (span, msg) in result.related {
                finding.with_related(span, msg);
            }
            if let Some((span, note)) = result.origin {
                finding.with_related(span, note);
            }
        }
        Ok(())
    }
}

/// The files of a model by the names spans carry.
struct FileNames(Vec<(String, FileId)>);

impl FileNames {
    fn of(model: &Model) -> FileNames {
        FileNames(model.source.iter().chain(&model.sources).map(|s| (s.display_path(), s.id)).collect())
    }

    fn id(&self, name: &str) -> FileId {
        self.0.iter().find(|(n, _)| n == name).map_or(FileId::NONE, |(_, id)| *id)
    }
}

/// One result of a rule, read.
struct Result_ {
    msg: String,
    span: Span,
    /// The resource named by the object the result is about.
    resource: Option<ResourceRef>,
    related: Vec<(Span, String)>,
    /// Where a field's value came from (a parameter default).
    origin: Option<(Span, String)>,
}

/// A value as JSON writes it (for messages).
fn json_text(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| format!("{v:?}"))
}

/// The member `key` of an object (`None` when `v` is no object or has no such member).
fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    v.as_object().ok()?.get(&Value::from(key))
}

fn text(v: Option<&Value>) -> Option<&str> {
    v?.as_string().ok().map(|s| &**s)
}

/// A span as the model document writes it.
fn span_of(v: &Value, files: &FileNames) -> Option<Span> {
    let n = |k: &str| get(v, k)?.as_u64().ok().map(|x| x as u32);
    Some(Span {
        start: n("start")?,
        end: n("end")?,
        line: n("line")?,
        col: n("col")?,
        end_line: n("end_line")?,
        end_col: n("end_col")?,
        file: files.id(text(get(v, "file")).unwrap_or("")),
    })
}

/// The identity (`meta`) of an object of the model, when it is a resource or a Kubernetes
/// object.
fn meta_of(at: &Value) -> Option<&Value> {
    get(at, "meta")
        .or_else(|| get(get(at, "obj")?, "res"))
        .or_else(|| get(at, "res"))
        .or_else(|| get(at, "resource"))
        .filter(|m| get(m, "id").is_some())
}

/// Where a model object is: its own span (a field, a span), or its identity's.
fn object_span(at: &Value, files: &FileNames) -> Option<Span> {
    if let Some(s) = span_of(at, files) {
        return Some(s);
    }
    if let Some(s) = get(at, "span").and_then(|s| span_of(s, files)) {
        return Some(s);
    }
    meta_of(at).and_then(|m| get(m, "span")).and_then(|s| span_of(s, files))
}

impl Result_ {
    fn read(r: &Value, files: &FileNames) -> Result<Result_, String> {
        let msg = text(get(r, "msg")).ok_or("a result is an object with a string `msg`")?;
        let at = get(r, "at").ok_or("a result names the model object it is about in `at`")?;
        let span = object_span(at, files).ok_or("`at` must be a model object, a field or a span")?;
        let resource = meta_of(at)
            .and_then(|m| Some(ResourceRef { id: text(get(m, "id"))?.into(), kind: text(get(m, "kind"))?.into() }));
        let mut related = Vec::new();
        if let Some(items) = get(r, "related") {
            let items: Vec<&Value> = match items {
                Value::Array(a) => a.iter().collect(),
                Value::Set(s) => s.iter_sorted().collect(),
                _ => return Err("`related` must be a list of {\"msg\", \"at\"}".to_string()),
            };
            for item in items {
                let m = text(get(item, "msg")).ok_or("each `related` has a string `msg`")?;
                let s = get(item, "at").and_then(|a| object_span(a, files)).ok_or("each `related` has an `at`")?;
                related.push((s, m.to_string()));
            }
        }
        let origin = get(at, "origin")
            .and_then(|o| Some((span_of(get(o, "span")?, files)?, text(get(o, "note")).unwrap_or("").to_string())));
        Ok(Result_ { msg: msg.to_string(), span, resource, related, origin })
    }
}

/// The resource a result is about: the one it names, or the one whose definition holds its
/// span.
fn resource_of(model: &Model, r: &Result_) -> Option<ResourceRef> {
    if r.resource.is_some() {
        return r.resource.clone();
    }
    let within = |outer: Span| outer.file == r.span.file && outer.start <= r.span.start && r.span.end <= outer.end;
    model
        .resources
        .iter()
        .filter(|m| within(m.props_span) || within(m.span))
        .min_by_key(|m| m.props_span.end - m.props_span.start)
        .map(|m| ResourceRef { id: m.id.clone(), kind: m.kind.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Check;
    use crate::source::SourceFile;

    fn program(body: &str) -> Program {
        let text = format!("package t.rule\n\nimport data.palisade.lib\n\n{body}");
        let needs = Arc::new(Needs::of([text.as_str()]));
        Program::compile(Path::new("t.rego"), &text, Duration::from_secs(2), needs).expect("compiles")
    }

    #[test]
    fn the_machine_and_the_interpreter_agree_on_the_example_rules() {
        let loaded = crate::custom::load(&["examples/rules".into()], crate::custom::DEFAULT_TIME_LIMIT);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert_eq!(loaded.rules.len(), 5);
        for rule in &loaded.rules {
            let Check::Rego(p) = &rule.check else { panic!("{} is not a Rego rule", rule.meta.id) };
            let bytecode = p.bytecode.as_ref().unwrap_or_else(|| panic!("{} runs in the interpreter", p.file));
            for example in rule.meta.examples.iter() {
                let src = SourceFile::new(example.name.to_string(), example.text.to_string());
                let loaded = crate::frontend::load_source(src, &crate::frontend::LoadOptions::default());
                for unit in &loaded.units {
                    let model = unit.model();
                    let facts = Facts::new(model);
                    let input = super::super::input::build(model, &facts, &p.needs);
                    let interpreted = p.interpret(&input).ok().expect("the interpreter evaluates the rule");
                    let compiled = bytecode.eval(&input).ok();
                    assert_eq!(compiled.as_ref(), Some(&interpreted), "{} on {}", p.file, example.name);
                }
            }
        }
    }

    #[test]
    fn a_conflict_is_undefined_when_compiled_and_a_located_error_when_checked() {
        let mut p = program(
            "n := 1 if input.go\n\nn := 2 if input.go\n\ndeny contains r if {\n\tr := lib.result(\"m\", n)\n}\n",
        );
        assert!(p.is_compiled());
        let input = regorus::Value::from_json_str("{\"go\": true}").unwrap();
        assert_eq!(p.eval(&input), Ok(Vec::new()));
        p.checked = true;
        let e = p.eval(&input).unwrap_err();
        assert!(e.message.starts_with("runtime error: rule conflicts"), "{e:?}");
        assert_eq!(e.line, 7, "{e:?}");
    }

    #[test]
    fn the_time_limit_stops_the_machine() {
        let text = "package t.slow\n\ndeny contains n if {\n\tinput.go\n\tn := count([1 | some i in numbers.range(1, 4000); some j in numbers.range(1, 4000)])\n}\n";
        let needs = Arc::new(Needs::of([text]));
        let p = Program::compile(Path::new("slow.rego"), text, Duration::from_millis(50), needs).expect("compiles");
        assert!(p.is_compiled());
        let input = regorus::Value::from_json_str("{\"go\": true}").unwrap();
        let e = p.eval(&input).unwrap_err();
        assert!(e.message.contains("time limit"), "{e:?}");
    }
}
