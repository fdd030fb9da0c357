//! The evaluator's state: module instances with their memoised values, and the resolution of
//! references (`var.`, `local.`, `module.`, `data.`, resources, `path.`, `terraform.`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use hcl_edit::expr::{Expression, TraversalOperator};

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{RefTarget, VKind, Val};
use crate::parse::Limits;
use crate::source::{SourceFile, Span};

use super::module::Module;
use super::value::{quote_key, relocate};

/// Most module instances evaluated in one root.
pub(crate) const MAX_INSTANCES: usize = 2_000;

/// The key of one instance of a resource or module call.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum IKey {
    Int(usize),
    Str(String),
}

impl IKey {
    /// `[0]`, `["a"]`.
    pub fn suffix(&self) -> String {
        match self {
            IKey::Int(i) => format!("[{i}]"),
            IKey::Str(s) => format!("[{}]", quote_key(s)),
        }
    }
}

/// The instances `count` or `for_each` asks for.
#[derive(Debug, Clone)]
pub(crate) enum Expansion {
    /// Neither is set.
    Single,
    /// Not known: one instance, existing under this condition.
    Unknown(&'static str),
    /// `count`: each index; `for_each`: each key with its value.
    Keys(Vec<(IKey, Val)>),
}

impl Expansion {
    /// The key of each instance (`None`: addressed without one).
    pub fn keys(&self) -> Vec<Option<IKey>> {
        match self {
            Expansion::Keys(k) => k.iter().map(|(k, _)| Some(k.clone())).collect(),
            _ => vec![None],
        }
    }
}

/// The instances of a module call: each key (`None`: addressed without one) with the
/// instance's index.
pub(crate) type Instances = Rc<Vec<(Option<IKey>, usize)>>;

/// How a child module instance gets its variables: from its `module` block in the caller.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub inst: usize,
    pub call: usize,
    pub bind: Vec<(String, Val)>,
}

/// What a memoised value is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    Var(String),
    Local(String),
    Output(String),
}

/// One instance of a module, with what has been evaluated of it.
pub(crate) struct Inst {
    pub module: Arc<Module>,
    /// Prefix of its resources' addresses: `` or `module.vpc["a"].`.
    pub prefix: String,
    /// The names of the calls leading to it (`vpc`, `subnets`), as `modules.json` keys them.
    pub path: Vec<String>,
    pub caller: Option<Caller>,
    /// Values given to the root's variables (tfvars, `--var`).
    pub given: HashMap<String, Val>,
    /// Whether the instance exists only under a condition.
    pub condition: Option<crate::i18n::Message>,
    /// Memoised values; `None` while being evaluated.
    pub vals: HashMap<Key, Option<Val>>,
    pub expansions: HashMap<usize, Option<Rc<Expansion>>>,
    pub attrs: HashMap<(usize, usize), Option<Val>>,
    pub children: HashMap<usize, Option<Instances>>,
}

impl Inst {
    pub fn new(module: Arc<Module>) -> Inst {
        Inst {
            module,
            prefix: String::new(),
            path: Vec::new(),
            caller: None,
            given: HashMap::new(),
            condition: None,
            vals: HashMap::new(),
            expansions: HashMap::new(),
            attrs: HashMap::new(),
            children: HashMap::new(),
        }
    }
}

/// Where an expression is evaluated: a module instance and the names bound around it.
#[derive(Clone)]
pub(crate) struct Scope {
    pub inst: usize,
    /// `count`, `each`, `for` variables, `dynamic` iterators (innermost last).
    pub bind: Vec<(String, Val)>,
    /// The file the expression is written in.
    pub src: Option<Arc<SourceFile>>,
    /// Every span of the expression is this one (templates inside JSON strings).
    pub fixed: Option<Span>,
}

impl Scope {
    pub fn new(inst: usize) -> Scope {
        Scope { inst, bind: Vec::new(), src: None, fixed: None }
    }

    pub fn with(inst: usize, bind: Vec<(String, Val)>) -> Scope {
        Scope { inst, bind, src: None, fixed: None }
    }

    pub fn binds(&self, name: &str) -> bool {
        self.bound(name).is_some()
    }

    pub fn bound(&self, name: &str) -> Option<&Val> {
        self.bind.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// Evaluates the module instances of one root on demand.
pub(crate) struct Evaluator {
    pub insts: Vec<Inst>,
    pub modules: HashMap<PathBuf, Arc<Module>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Evaluation errors so far (what `try` and `can` watch).
    pub errors: u32,
    pub depth: usize,
    pub root_dir: PathBuf,
    pub scan_root: PathBuf,
    pub limits: Limits,
    /// `.terraform/modules/modules.json`: module path to directory.
    pub manifest: Option<HashMap<String, PathBuf>>,
    pub sources: Vec<Arc<SourceFile>>,
    /// Object keys the parser was given another name for, by file and offset, with their
    /// names as written.
    pub renamed: HashMap<(crate::source::FileId, u32), String>,
    /// Modules already read for other roots of the scan.
    pub shared: Option<Arc<super::Modules>>,
    /// Instances made by `count` and `for_each` so far (see
    /// [`super::expand::MAX_TOTAL_COUNT`]).
    pub expanded: usize,
}

type Ops = [hcl_edit::Decorated<TraversalOperator>];

impl Evaluator {
    /// An evaluator with one empty module instance, for values that may reference nothing
    /// (tfvars, `--var`, rendered template files).
    pub fn detached(scan_root: &Path, dir: &Path, depth: usize) -> Evaluator {
        let module = Arc::new(Module { dir: dir.to_path_buf(), ..Module::default() });
        Evaluator {
            insts: vec![Inst::new(module)],
            modules: HashMap::new(),
            diagnostics: Vec::new(),
            errors: 0,
            depth,
            root_dir: dir.to_path_buf(),
            scan_root: scan_root.to_path_buf(),
            limits: Limits::default(),
            manifest: None,
            sources: Vec::new(),
            renamed: HashMap::new(),
            shared: None,
            expanded: 0,
        }
    }

    /// Records a diagnostic located at `span`.
    pub fn note(&mut self, kind: DiagnosticKind, span: Span, message: impl Into<crate::i18n::Message>) {
        let fallback: Arc<str> = crate::source::display_path(&self.root_dir).into();
        self.diagnostics.push(Diagnostic::at(kind, &fallback, span, message));
    }

    /// Calls a built-in function; a failure makes the result unknown and is reported (invalid
    /// arguments are an error, which `try` falls back from).
    pub fn call_fn(&mut self, name: &str, args: Vec<Val>, span: Span, scope: &Scope) -> Val {
        let root = self.scan_root.clone();
        let dir = self.insts[scope.inst].module.dir.clone();
        let depth = self.depth;
        let render = |text: &str, vars: &Val, at: Span| render_template(&root, &dir, depth, text, vars, at);
        let cx = crate::lower::tf::funcs::FnCtx { root: &root, module_dir: &dir, render: &render };
        match crate::lower::tf::funcs::call(name, args, span, &cx) {
            Ok(mut v) => {
                v.span = span;
                v
            }
            Err(f) => {
                self.note(DiagnosticKind::NotAnalysed, span, msg!("diag-tf-function-failed", detail = f));
                match f {
                    // Terraform would refuse the call: an error, which `try` and `can` catch.
                    crate::lower::tf::funcs::Failure::Invalid(msg) => self.error(msg, span),
                    crate::lower::tf::funcs::Failure::Unavailable(msg) => Val::unknown(msg, span),
                }
            }
        }
    }

    /// Evaluates a reference rooted at the name `root` followed by `ops`.
    pub fn eval_traversal(&mut self, _e: &Expression, root: &str, ops: &Ops, scope: &Scope, span: Span) -> Val {
        if let Some(v) = scope.bound(root) {
            let base = relocate(v.clone(), span, || format!("`{root}`").into());
            return self.apply_ops(base, ops, scope, span);
        }
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str().to_string()),
            _ => None,
        };
        let (base, used) = match (root, attr(0)) {
            ("var", Some(n)) => (self.var_ref(scope.inst, &n, span), 1),
            ("local", Some(n)) => (self.local_ref(scope.inst, &n, span), 1),
            ("module", Some(n)) => self.module_ref(scope, &n, &ops[1..], span),
            ("data", Some(t)) => match attr(1) {
                Some(n) => {
                    let (v, used) = self.resource_ref(scope.inst, true, &t, &n, &ops[2..], span);
                    (v, used + 2)
                }
                None => (self.error("incomplete data source reference", span), ops.len()),
            },
            ("path", Some(n)) => (self.path_value(scope.inst, &n, span), 1),
            ("terraform", Some(n)) if n == "workspace" => (Val::new(VKind::Str("default".into()), span), 1),
            ("terraform", _) | ("self", _) => (Val::unknown(format!("`{root}` is known only when applied"), span), 0),
            ("count" | "each", _) => (self.error(format!("`{root}` is not available here"), span), 0),
            (t, Some(n)) => {
                let (v, used) = self.resource_ref(scope.inst, false, t, &n, &ops[1..], span);
                (v, used + 1)
            }
            (name, None) => (self.missing(scope.inst, format!("unknown name `{name}`"), span), 0),
        };
        let rest = ops.get(used..).unwrap_or(&[]);
        self.apply_ops(base, rest, scope, span)
    }

    /// A reference to something not declared: an error, unless a file of the module could not
    /// be read (it may have declared it).
    fn missing(&mut self, inst: usize, reason: String, span: Span) -> Val {
        if self.insts[inst].module.broken {
            Val::unknown(format!("{reason} (a file of the module could not be parsed)"), span)
        } else {
            self.error(reason, span)
        }
    }

    fn path_value(&mut self, inst: usize, name: &str, span: Span) -> Val {
        let p = match name {
            "module" => crate::source::display_path(&self.insts[inst].module.dir),
            "root" => crate::source::display_path(&self.root_dir),
            "cwd" => std::env::current_dir().map(|d| crate::source::display_path(&d)).unwrap_or_default(),
            _ => return self.error(format!("no `path.{name}`"), span),
        };
        Val::new(VKind::Str(p), span)
    }

    /// Looks up a memoised value, evaluating it with `f` the first time; a cycle is unknown.
    fn memo(&mut self, inst: usize, key: Key, span: Span, f: impl FnOnce(&mut Self) -> Val) -> Val {
        match self.insts[inst].vals.get(&key) {
            Some(Some(v)) => return v.clone(),
            Some(None) => {
                let message = match &key {
                    Key::Var(n) => msg!("diag-tf-variable-cycle", name = n),
                    Key::Local(n) => msg!("diag-tf-local-cycle", name = n),
                    Key::Output(n) => msg!("diag-tf-output-cycle", name = n),
                };
                self.note(DiagnosticKind::NotAnalysed, span, message);
                return Val::unknown("cycle", span);
            }
            None => {}
        }
        self.insts[inst].vals.insert(key.clone(), None);
        let v = f(self);
        self.insts[inst].vals.insert(key, Some(v.clone()));
        v
    }

    fn local_ref(&mut self, inst: usize, name: &str, span: Span) -> Val {
        let Some(ex) = self.insts[inst].module.locals.get(name).cloned() else {
            return self.missing(inst, format!("no local `{name}`"), span);
        };
        let v = self.memo(inst, Key::Local(name.into()), span, |ev| ev.eval_ex(&ex, &Scope::new(inst)));
        relocate(v, span, || msg!("origin-local", name = name))
    }

    fn var_ref(&mut self, inst: usize, name: &str, span: Span) -> Val {
        if !self.insts[inst].module.variables.iter().any(|v| v.name == name) {
            return self.missing(inst, format!("no variable `{name}`"), span);
        }
        let v = self.memo(inst, Key::Var(name.into()), span, |ev| ev.var_value(inst, name));
        relocate(v, span, || msg!("origin-variable", name = name))
    }

    /// The value of an output of instance `inst`.
    pub fn output(&mut self, inst: usize, name: &str, span: Span) -> Val {
        let Some(ex) = self.insts[inst].module.outputs.get(name).cloned() else {
            return self.missing(inst, format!("no output `{name}`"), span);
        };
        self.memo(inst, Key::Output(name.into()), span, |ev| ev.eval_ex(&ex, &Scope::new(inst)))
    }

    /// `module.NAME...`: the outputs of a module call's instances.
    fn module_ref(&mut self, scope: &Scope, name: &str, ops: &Ops, span: Span) -> (Val, usize) {
        let inst = scope.inst;
        let Some(c) = self.insts[inst].module.calls.iter().position(|c| c.name == name) else {
            return (self.missing(inst, format!("no module `{name}`"), span), 1);
        };
        let Some(children) = self.children(inst, c) else {
            return (Val::unknown(format!("module `{name}` was not analysed"), span), 1 + ops.len());
        };
        let call = &self.insts[inst].module.calls[c];
        let counted = call.count.is_some() || call.for_each.is_some();
        let by_key = call.for_each.is_some();
        let out_name = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str().to_string()),
            _ => None,
        };
        let unknown_count = matches!(children.as_slice(), [(None, _)]);
        let (child, used) = match ops.first().map(|o| o.value()) {
            _ if !counted => (Some(children.first().map(|c| c.1)), 1),
            Some(TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_)) if unknown_count => {
                (Some(children.first().map(|c| c.1)), 2)
            }
            Some(TraversalOperator::Index(k)) => {
                let key = self.eval(k, scope);
                let found = children.iter().find(|(ck, _)| match ck {
                    Some(IKey::Int(i)) => super::value::as_num(&key) == Some(*i as f64),
                    Some(IKey::Str(s)) => key.as_str() == Some(s.as_str()),
                    None => false,
                });
                match found {
                    Some((_, ci)) => (Some(Some(*ci)), 2),
                    None => return (self.error(format!("no such instance of `module.{name}`"), span), 2 + ops.len()),
                }
            }
            _ => (None, 1),
        };
        let label = format!("module.{name}");
        match child {
            Some(Some(ci)) => match out_name(used - 1) {
                Some(o) => {
                    let v = self.output(ci, &o, span);
                    (relocate(v, span, || msg!("origin-output", name = o, module = label)), used + 1)
                }
                None => (self.all_outputs(ci, span), used),
            },
            Some(None) => (Val::unknown("no instance", span), used),
            None if unknown_count => (Val::unknown(format!("the instances of `{label}` are not known"), span), 1),
            None => {
                let items: Vec<(Option<IKey>, Val)> =
                    children.iter().map(|(k, ci)| (k.clone(), self.all_outputs(*ci, span))).collect();
                let v = if by_key {
                    let m = items
                        .into_iter()
                        .map(|(k, v)| {
                            (
                                match k {
                                    Some(IKey::Str(s)) => s,
                                    _ => String::new(),
                                },
                                span,
                                v,
                            )
                        })
                        .collect();
                    VKind::Map(m)
                } else {
                    VKind::List(items.into_iter().map(|(_, v)| v).collect())
                };
                (Val::new(v, span), 1)
            }
        }
    }

    fn all_outputs(&mut self, inst: usize, span: Span) -> Val {
        let mut names: Vec<String> = self.insts[inst].module.outputs.keys().cloned().collect();
        names.sort();
        let entries = names.into_iter().map(|n| (n.clone(), span, self.output(inst, &n, span))).collect();
        Val::new(VKind::Map(entries), span)
    }

    /// A resource or data source referenced as `TYPE.NAME` followed by `ops`: its instances
    /// as references (data sources: their known attributes), and how many of `ops` it used.
    fn resource_ref(
        &mut self,
        inst: usize,
        data: bool,
        rtype: &str,
        name: &str,
        ops: &Ops,
        span: Span,
    ) -> (Val, usize) {
        let found =
            self.insts[inst].module.resources.iter().position(|r| r.data == data && r.rtype == rtype && r.name == name);
        let Some(d) = found else {
            let what = if data { format!("data.{rtype}.{name}") } else { format!("{rtype}.{name}") };
            return (self.missing(inst, format!("no resource `{what}`"), span), 0);
        };
        let exp = self.expansion(inst, d);
        match &*exp {
            Expansion::Single => (self.instance_value(inst, d, 0, None, span), 0),
            Expansion::Unknown(_) => match ops.first().map(|o| o.value()) {
                Some(TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_)) => {
                    (self.instance_value(inst, d, 0, None, span), 1)
                }
                Some(TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_)) => {
                    (Val::unknown("the instances are not known", span), ops.len())
                }
                _ => (self.instance_value(inst, d, 0, None, span), 0),
            },
            Expansion::Keys(keys) => {
                let by_count = matches!(keys.first(), Some((IKey::Int(_), _)));
                let mut items = Vec::with_capacity(keys.len());
                for (i, (k, _)) in keys.iter().enumerate() {
                    let v = self.instance_value(inst, d, i, Some(k), span);
                    let name = match k {
                        IKey::Int(n) => n.to_string(),
                        IKey::Str(s) => s.clone(),
                    };
                    items.push((name, span, v));
                }
                let all_counted = by_count || self.insts[inst].module.resources[d].count.is_some();
                let v = if all_counted {
                    VKind::List(items.into_iter().map(|(_, _, v)| v).collect())
                } else {
                    VKind::Map(items)
                };
                (Val::new(v, span), 0)
            }
        }
    }

    /// The managed resource of `inst` and the index of its instance at `address`.
    pub(crate) fn instance_at(&mut self, inst: usize, address: &str) -> Option<(usize, usize)> {
        for d in 0..self.insts[inst].module.resources.len() {
            if self.insts[inst].module.resources[d].data || !address.starts_with(&self.address(inst, d, None)) {
                continue;
            }
            let exp = self.expansion(inst, d);
            let keys = match &*exp {
                Expansion::Single => vec![None],
                Expansion::Keys(keys) => keys.iter().map(|(k, _)| Some(k)).collect(),
                Expansion::Unknown(_) => continue,
            };
            if let Some(i) = keys.iter().position(|k| self.address(inst, d, *k) == address) {
                return Some((d, i));
            }
        }
        None
    }

    /// The address of instance `key` of resource `d` of `inst`.
    pub fn address(&self, inst: usize, d: usize, key: Option<&IKey>) -> String {
        let r = &self.insts[inst].module.resources[d];
        let data = if r.data { "data." } else { "" };
        let suffix = key.map(IKey::suffix).unwrap_or_default();
        format!("{}{data}{}.{}{suffix}", self.insts[inst].prefix, r.rtype, r.name)
    }

    fn instance_value(&mut self, inst: usize, d: usize, i: usize, key: Option<&IKey>, span: Span) -> Val {
        let address = self.address(inst, d, key);
        let r = &self.insts[inst].module.resources[d];
        if !r.data {
            return Val::new(VKind::Ref(RefTarget { id: address, attr: None }), span);
        }
        if r.rtype != "aws_iam_policy_document" {
            return Val::unknown(format!("the attributes of `{address}` are known only when it is read"), span);
        }
        let attrs = self.resource_attrs(inst, d, i);
        // `json` is JSON text: its structure is known (a policy keeps its locations) while a
        // function that needs the text sees it as it would `jsonencode`'s.
        let doc = crate::lower::tf::map::policy_document(&attrs);
        let doc = if doc.is_unknown() { doc } else { Val::new(VKind::Json(Box::new(doc)), span) };
        let entries = vec![("json".to_string(), span, doc.clone()), ("minified_json".to_string(), span, doc)];
        Val::new(VKind::Map(entries), span)
    }
}

/// Renders a template text with `vars` as its only names, every span being `at`.
fn render_template(root: &Path, dir: &Path, depth: usize, text: &str, vars: &Val, at: Span) -> Val {
    if depth >= super::eval::MAX_DEPTH {
        return Val::unknown("templates nested too deeply", at);
    }
    let Ok(t) = hcl_edit::parser::parse_template(text) else {
        return Val::unknown("not a valid template", at);
    };
    let mut ev = Evaluator::detached(root, dir, depth + 1);
    let bind = vars.as_map().map(|m| m.iter().map(|(k, _, v)| (k.clone(), v.clone())).collect()).unwrap_or_default();
    let scope = Scope { inst: 0, bind, src: None, fixed: Some(at) };
    ev.eval_template(&t, &scope, at)
}
