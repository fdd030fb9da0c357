//! Languages of the user-facing text: English (the default) and Korean.
//!
//! Texts are Fluent messages (`.ftl` files embedded in the program):
//!
//! * `src/rules/<area>/messages.<lang>.ftl`: the finding messages of the area's rules, one
//!   message per template, with the template's arguments as variables;
//! * `src/rules/<area>/ko.ftl`: the Korean title of each rule (message id: the rule's slug) with
//!   its `.description` and `.remediation` (the English ones are written in the rule itself);
//! * `src/i18n/labels.<lang>.ftl`: the labels of reports, of the posture scorecard and of the
//!   rule documentation;
//! * `src/i18n/analysis.<lang>.ftl`: what the analyses say inside a finding;
//! * `src/i18n/diagnostics.<lang>.ftl`: the details of diagnostics (problems with the input).
//!
//! A finding keeps its message as a [`Message`]: a template id with its arguments, so that a
//! report renders it in the language asked for. The English rendering is the finding's
//! `message`, which baselines and fingerprints use, whatever the language of the report.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, LazyLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod sources {
    include!(concat!(env!("OUT_DIR"), "/ftl.rs"));
}

/// A language of the user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean (한국어).
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language's code: `en`, `ko`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// A language from its code (`ko`, `KO`) or from a locale name (`ko_KR.UTF-8`, `en_US`,
    /// `ko-KR`). `None` for other languages, and for `C` and `POSIX`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        let lang = s.split(['_', '-', '.', '@']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(lang))
    }

    /// The language that the environment asks for: `PALISADE_LANG` when set to a known
    /// language, else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first one set
    /// and not empty, as the C library reads them) when it is Korean; English otherwise.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over the variables that `var` returns.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(l) = var("PALISADE_LANG").as_deref().and_then(Lang::parse) {
            return l;
        }
        let locale =
            ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|n| var(n).filter(|v| !v.trim().is_empty()));
        match locale.as_deref().and_then(Lang::parse) {
            Some(Lang::Ko) => Lang::Ko,
            _ => Lang::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A user-facing text: a template of the message catalogue with its arguments, a text that
/// is the same in every language, or a sequence of those.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Message {
    /// Text shown as it is in every language (a name, a value, a path).
    Text(String),
    /// A text shown as it is, shared with the model that holds it (a resource's id or type):
    /// many messages name the same resource.
    Shared(Arc<str>),
    /// The message `id` of the catalogue, with its variables.
    Template { id: &'static str, args: Vec<(&'static str, Message)> },
    /// A template kept compactly: its id and the names of its variables are shared by every
    /// message of the same template, and only the values are held (see [`Message::packed`]).
    Packed(&'static Spec, Box<[Packed]>),
    /// Messages shown one after the other.
    Concat(Vec<Message>),
}

/// A template id with the names of its variables, held once for every message of that
/// template and those names (see [`Message::packed`]).
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Spec {
    id: &'static str,
    names: Box<[&'static str]>,
}

impl Spec {
    /// The spec of `id` with the variables `names`: the same one each time it is asked for.
    /// Ids and variable names are written in the program, so there are as many specs as
    /// templates (each kept for the whole run).
    fn of(id: &'static str, names: &[&'static str]) -> &'static Spec {
        thread_local! {
            /// The spec found last: a rule reports one template many times in a row.
            static LAST: std::cell::Cell<Option<&'static Spec>> = const { std::cell::Cell::new(None) };
        }
        static SPECS: LazyLock<std::sync::RwLock<Vec<&'static Spec>>> = LazyLock::new(Default::default);
        let same = |s: &&'static Spec| s.id == id && *s.names == *names;
        if let Some(s) = LAST.get().filter(same) {
            return s;
        }
        let known = SPECS.read().unwrap_or_else(|e| e.into_inner()).iter().copied().find(same);
        let spec = known.unwrap_or_else(|| {
            let mut specs = SPECS.write().unwrap_or_else(|e| e.into_inner());
            match specs.iter().copied().find(same) {
                Some(s) => s,
                None => {
                    let s: &'static Spec = Box::leak(Box::new(Spec { id, names: names.into() }));
                    specs.push(s);
                    s
                }
            }
        });
        LAST.set(Some(spec));
        spec
    }
}

impl Message {
    /// The message `id` with its variables.
    pub fn template(id: &'static str, args: Vec<(&'static str, Message)>) -> Message {
        Message::Template { id, args }
    }

    /// The text in `lang`. A template missing from `lang`'s catalogue is shown in English.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = String::new();
        self.render_into(lang, &mut s);
        s
    }

    fn render_into(&self, lang: Lang, out: &mut String) {
        match self {
            Message::Text(t) => out.push_str(t),
            Message::Shared(t) => out.push_str(t),
            Message::Concat(parts) => parts.iter().for_each(|p| p.render_into(lang, out)),
            Message::Template { id, args } => {
                render_template(lang, id, args.iter().map(|(name, value)| (*name, value.render(lang))), out)
            }
            Message::Packed(spec, values) => render_packed(lang, spec, values, out),
        }
    }

    /// The message with its templates (nested ones included) [packed](Message::Packed): what
    /// a finding keeps, as hundreds of thousands of them can be held at once.
    pub fn packed(self) -> Message {
        match self {
            Message::Template { id, args } => {
                let (spec, values) = pack(id, args);
                Message::Packed(spec, values)
            }
            Message::Concat(parts) => Message::Concat(parts.into_iter().map(Message::packed).collect()),
            other => other,
        }
    }

    /// The English text: what baselines, fingerprints and machine-readable outputs keep.
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// Whether the message has no text at all.
    pub fn is_empty(&self) -> bool {
        match self {
            Message::Text(t) => t.is_empty(),
            Message::Shared(t) => t.is_empty(),
            Message::Template { .. } | Message::Packed(..) => false,
            Message::Concat(parts) => parts.iter().all(Message::is_empty),
        }
    }

    /// The messages one after the other, `separator` between them.
    pub fn join(items: &[Message], separator: &str) -> Message {
        let mut parts = Vec::with_capacity(items.len() * 2);
        for (i, m) in items.iter().enumerate() {
            if i > 0 {
                parts.push(Message::Text(separator.to_string()));
            }
            parts.push(m.clone());
        }
        Message::Concat(parts)
    }

    /// Appends `more` to the message.
    pub fn push(&mut self, more: Message) {
        match self {
            Message::Concat(parts) => parts.push(more),
            _ => {
                let first = std::mem::replace(self, Message::Text(String::new()));
                *self = Message::Concat(vec![first, more]);
            }
        }
    }

    /// Whether some part of the message comes from the catalogue.
    pub fn is_template(&self) -> bool {
        match self {
            Message::Text(_) | Message::Shared(_) => false,
            Message::Template { .. } | Message::Packed(..) => true,
            Message::Concat(parts) => parts.iter().any(Message::is_template),
        }
    }

    /// The ids of the templates the message uses, nested ones included.
    pub fn ids(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    fn collect_ids(&self, out: &mut Vec<&'static str>) {
        match self {
            Message::Text(_) | Message::Shared(_) => {}
            Message::Template { id, args } => {
                out.push(id);
                args.iter().for_each(|(_, a)| a.collect_ids(out));
            }
            Message::Packed(spec, values) => {
                out.push(spec.id);
                values.iter().for_each(|a| a.collect_ids(out));
            }
            Message::Concat(parts) => parts.iter().for_each(|p| p.collect_ids(out)),
        }
    }
}

/// A message kept compactly: a variable's value in a [packed](Message::Packed) template, and a
/// finding's message. It takes 32 bytes where a [`Message`] takes 40: a scan can hold hundreds
/// of thousands of findings, each with a message of several values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Packed {
    /// Text shown as it is.
    Text(Box<str>),
    /// Text shown as it is, shared with the model that holds it.
    Shared(Arc<str>),
    /// A template, packed in its turn.
    Template(&'static Spec, Box<[Packed]>),
    /// A template of one variable, a text: held without a list of values.
    TextTemplate(&'static Spec, Box<str>),
    /// A template of one variable, a shared text (e.g. `bucket = b.meta.id`): held without a
    /// list of values, so without any allocation of its own.
    SharedTemplate(&'static Spec, Arc<str>),
    /// Any other message.
    Other(Box<Message>),
}

impl Packed {
    /// The text in `lang` (see [`Message::render`]).
    pub fn render(&self, lang: Lang) -> String {
        let mut s = String::new();
        self.render_into(lang, &mut s);
        s
    }

    /// The English text.
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// Whether some part of the message comes from the catalogue.
    pub fn is_template(&self) -> bool {
        match self {
            Packed::Text(_) | Packed::Shared(_) => false,
            Packed::Template(..) | Packed::TextTemplate(..) | Packed::SharedTemplate(..) => true,
            Packed::Other(m) => m.is_template(),
        }
    }

    /// The ids of the templates the message uses, nested ones included.
    pub fn ids(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    /// Appends `more` to the message.
    pub fn push(&mut self, more: Message) {
        let mut m = Message::from(std::mem::replace(self, Packed::Text(Box::default())));
        m.push(more);
        *self = Packed::from(m);
    }

    fn render_into(&self, lang: Lang, out: &mut String) {
        match self {
            Packed::Text(t) => out.push_str(t),
            Packed::Shared(t) => out.push_str(t),
            Packed::Template(spec, values) => render_packed(lang, spec, values, out),
            Packed::TextTemplate(spec, t) => render_one(lang, spec, t, out),
            Packed::SharedTemplate(spec, t) => render_one(lang, spec, t, out),
            Packed::Other(m) => m.render_into(lang, out),
        }
    }

    fn collect_ids(&self, out: &mut Vec<&'static str>) {
        match self {
            Packed::Text(_) | Packed::Shared(_) => {}
            Packed::Template(spec, values) => {
                out.push(spec.id);
                values.iter().for_each(|a| a.collect_ids(out));
            }
            Packed::TextTemplate(spec, _) | Packed::SharedTemplate(spec, _) => out.push(spec.id),
            Packed::Other(m) => m.collect_ids(out),
        }
    }
}

impl From<Message> for Packed {
    fn from(m: Message) -> Packed {
        match m {
            Message::Text(t) => Packed::Text(t.into_boxed_str()),
            Message::Shared(t) => Packed::Shared(t),
            Message::Template { id, args } => {
                let (spec, values) = pack(id, args);
                Packed::template(spec, values)
            }
            Message::Packed(spec, values) => Packed::template(spec, values),
            other => Packed::Other(Box::new(other.packed())),
        }
    }
}

impl From<Packed> for Message {
    fn from(p: Packed) -> Message {
        match p {
            Packed::Text(t) => Message::Text(t.into_string()),
            Packed::Shared(t) => Message::Shared(t),
            Packed::Template(spec, values) => Message::Packed(spec, values),
            Packed::TextTemplate(spec, t) => Message::Packed(spec, Box::new([Packed::Text(t)])),
            Packed::SharedTemplate(spec, t) => Message::Packed(spec, Box::new([Packed::Shared(t)])),
            Packed::Other(m) => *m,
        }
    }
}

impl Packed {
    /// The template of `spec` with `values`, a single text held without a list.
    fn template(spec: &'static Spec, values: Box<[Packed]>) -> Packed {
        match <Box<[Packed; 1]>>::try_from(values) {
            Ok(one) => match *one {
                [Packed::Text(t)] => Packed::TextTemplate(spec, t),
                [Packed::Shared(t)] => Packed::SharedTemplate(spec, t),
                one => Packed::Template(spec, Box::new(one)),
            },
            Err(values) => Packed::Template(spec, values),
        }
    }
}

impl From<String> for Packed {
    fn from(s: String) -> Packed {
        Packed::Text(s.into_boxed_str())
    }
}

impl From<&str> for Packed {
    fn from(s: &str) -> Packed {
        Packed::Text(s.into())
    }
}

impl Default for Packed {
    fn default() -> Packed {
        Packed::Text(Box::default())
    }
}

/// The spec and the packed values of the template `id` with `args`.
fn pack(id: &'static str, args: Vec<(&'static str, Message)>) -> (&'static Spec, Box<[Packed]>) {
    let names: Vec<&'static str> = args.iter().map(|(name, _)| *name).collect();
    let values = args.into_iter().map(|(_, value)| Packed::from(value)).collect();
    (Spec::of(id, &names), values)
}

/// A packed template of one variable with its value `text`, in `lang`.
fn render_one(lang: Lang, spec: &Spec, text: &str, out: &mut String) {
    render_template(lang, spec.id, spec.names.iter().copied().zip(std::iter::once(text.to_string())), out)
}

/// A packed template with its values, in `lang`.
fn render_packed(lang: Lang, spec: &Spec, values: &[Packed], out: &mut String) {
    render_template(lang, spec.id, spec.names.iter().copied().zip(values.iter().map(|v| v.render(lang))), out)
}

impl Default for Message {
    fn default() -> Message {
        Message::Text(String::new())
    }
}

impl From<String> for Message {
    fn from(s: String) -> Message {
        Message::Text(s)
    }
}

impl From<&str> for Message {
    fn from(s: &str) -> Message {
        Message::Text(s.to_string())
    }
}

impl From<&String> for Message {
    fn from(s: &String) -> Message {
        Message::Text(s.clone())
    }
}

/// The template `id` in `lang` (English when `lang` has no such message), with its variables
/// as `args` renders them (in `lang`).
fn render_template(lang: Lang, id: &str, args: impl Iterator<Item = (&'static str, String)> + Clone, out: &mut String) {
    let mut fargs = FluentArgs::with_capacity(args.size_hint().0);
    for (name, value) in args.clone() {
        fargs.set(name, fluent_value(value));
    }
    match format(lang, id, None, Some(&fargs)).or_else(|| format(Lang::En, id, None, Some(&fargs))) {
        Some(t) => out.push_str(&t),
        // Not in any catalogue: the id and the arguments, rather than nothing.
        None => {
            out.push_str(id);
            for (name, value) in args {
                out.push_str(&format!(" {name}={value}"));
            }
        }
    }
}

/// A variable's value: a number when the text is one (written as Fluent writes it), so that
/// a message can choose its plural form (`{ $count -> [one] ... *[other] ... }`).
fn fluent_value(text: String) -> FluentValue<'static> {
    match text.parse::<i64>() {
        Ok(n) if n.to_string() == text => FluentValue::from(n),
        _ => FluentValue::from(text),
    }
}

/// A message is written in English where a machine reads it (JSON of the model, of `net
/// exposure`, of `iam can`): the text the reports in English show.
impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.en())
    }
}

/// A value given as a template's variable: a message (translated in its turn) or anything
/// shown as it is.
pub trait IntoArg {
    fn to_arg(&self) -> Message;
}

impl<T: fmt::Display + ?Sized> IntoArg for T {
    fn to_arg(&self) -> Message {
        Message::Text(self.to_string())
    }
}

impl IntoArg for Message {
    fn to_arg(&self) -> Message {
        self.clone()
    }
}

impl IntoArg for Packed {
    fn to_arg(&self) -> Message {
        Message::from(self.clone())
    }
}

impl IntoArg for &Message {
    fn to_arg(&self) -> Message {
        (*self).clone()
    }
}

/// A variable's value as [`msg!`] takes it: a shared text ([`SharedArg`]) is shared, anything
/// else is converted by [`IntoArg`] (through [`AnyArg`]). The macro calls `to_arg` on a
/// reference to an `ArgRef`, so that the shared case, found without borrowing again, wins.
#[doc(hidden)]
pub struct ArgRef<'a, T: ?Sized>(pub &'a T);

/// A variable's value that a message shares instead of copying (see [`ArgRef`]).
#[doc(hidden)]
pub trait SharedArg {
    fn to_arg(&self) -> Message;
}

impl SharedArg for ArgRef<'_, Arc<str>> {
    fn to_arg(&self) -> Message {
        Message::Shared(self.0.clone())
    }
}

/// Any other variable's value (see [`ArgRef`]).
#[doc(hidden)]
pub trait AnyArg {
    fn to_arg(&self) -> Message;
}

impl<T: IntoArg + ?Sized> AnyArg for &ArgRef<'_, T> {
    fn to_arg(&self) -> Message {
        self.0.to_arg()
    }
}

/// A [`Message`] from the catalogue: `msg!("s3-versioning-bucket", bucket = b.meta.id)`. Each
/// variable is given by reference: anything that implements `Display`, or a [`Message`]. An
/// `Arc<str>` (a resource's id or type) is shared, not copied.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_imports)]
        use $crate::i18n::{AnyArg as _, SharedArg as _};
        $crate::i18n::Message::template($id, vec![$((stringify!($name), (&$crate::i18n::ArgRef(&$value)).to_arg())),*])
    }};
}

/// The Well-Architected Security Pillar practices in Korean: `id\tarea\ttitle` per line.
const WELL_ARCHITECTED_KO_TSV: &str = include_str!("../../data/well-architected-security.ko.tsv");

/// The area and title of the Well-Architected practice `id` in `lang`, when translated (the
/// English ones are in [`crate::posture::best_practices`]).
pub fn practice(lang: Lang, id: &str) -> Option<(&'static str, &'static str)> {
    let tsv = match lang {
        Lang::En => return None,
        Lang::Ko => WELL_ARCHITECTED_KO_TSV,
    };
    tsv.lines().skip(1).find_map(|l| {
        let mut it = l.split('\t');
        (it.next()?.trim() == id).then_some(())?;
        Some((it.next()?.trim(), it.next()?.trim()))
    })
}

/// The embedded `.ftl` files: (path under the crate root, text).
pub fn sources() -> &'static [(&'static str, &'static str)] {
    sources::FTL
}

/// The language of an embedded `.ftl` file, from its name: `messages.ko.ftl`, `ko.ftl` and
/// `labels.ko.ftl` are Korean.
pub fn lang_of_source(path: &str) -> Option<Lang> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.strip_suffix(".ftl")?;
    Lang::parse(stem.rsplit('.').next().unwrap_or(stem))
}

type Bundle = FluentBundle<FluentResource>;

/// The catalogue of each language.
static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language code");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    for (path, text) in sources() {
        if lang_of_source(path) != Some(lang) {
            continue;
        }
        // A file that does not parse keeps the messages that do; the catalogue tests report the
        // errors.
        let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(res, _)| res);
        // A message defined twice keeps its first definition (the tests reject duplicates).
        let _ = b.add_resource(res);
    }
    b
}

fn bundle_of(lang: Lang) -> &'static Bundle {
    &BUNDLES[lang as usize]
}

/// The message `id` (or its attribute) of `lang`'s catalogue, formatted with `args`.
fn format(lang: Lang, id: &str, attribute: Option<&str>, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let b = bundle_of(lang);
    let m = b.get_message(id)?;
    let pattern = match attribute {
        Some(a) => m.get_attribute(a)?.value(),
        None => m.value()?,
    };
    let mut errors = Vec::new();
    Some(b.format_pattern(pattern, args, &mut errors).into_owned())
}

/// Whether `lang`'s catalogue has the message `id` (with the attribute, when given).
pub fn has(lang: Lang, id: &str, attribute: Option<&str>) -> bool {
    let Some(m) = bundle_of(lang).get_message(id) else { return false };
    match attribute {
        Some(a) => m.get_attribute(a).is_some(),
        None => m.value().is_some(),
    }
}

/// The text of the message `id` (or of its attribute) in `lang`'s catalogue, without variables.
pub fn text(lang: Lang, id: &str, attribute: Option<&str>) -> Option<String> {
    format(lang, id, attribute, None)
}

/// A label of reports and documentation (`src/i18n/labels.<lang>.ftl`), in `lang`; the
/// English label when `lang` has none, the id when no language has it.
pub fn label(lang: Lang, id: &str) -> Cow<'static, str> {
    match LABELS.get(&(lang, id.to_string())).or_else(|| LABELS.get(&(Lang::En, id.to_string()))) {
        Some(s) => Cow::Borrowed(s.as_str()),
        None => Cow::Owned(id.to_string()),
    }
}

/// A label with variables, in `lang` (English when `lang` has none).
pub fn label_with(lang: Lang, id: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fargs.set(*name, FluentValue::from(value.to_string()));
    }
    format(lang, id, None, Some(&fargs))
        .or_else(|| format(Lang::En, id, None, Some(&fargs)))
        .unwrap_or_else(|| id.to_string())
}

/// A label with a number `count` (and other variables), so that the label can choose its
/// plural form: `{ $count -> [one] one file *[other] { $count } files }`.
pub fn label_count(lang: Lang, id: &str, count: usize, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut fargs = FluentArgs::with_capacity(args.len() + 1);
    fargs.set("count", FluentValue::from(count));
    for (name, value) in args {
        fargs.set(*name, FluentValue::from(value.to_string()));
    }
    format(lang, id, None, Some(&fargs))
        .or_else(|| format(Lang::En, id, None, Some(&fargs)))
        .unwrap_or_else(|| id.to_string())
}

/// Every label of `lang` (`src/i18n/labels.<lang>.ftl`), by id: English for the labels `lang`
/// does not translate. Labels with variables are given as their pattern, e.g.
/// `{ $count } findings`.
pub fn labels(lang: Lang) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for l in [Lang::En, lang] {
        for ((ll, id), text) in LABELS.iter() {
            if *ll == l {
                out.insert(id.clone(), text.clone());
            }
        }
    }
    out
}

/// The labels, formatted once: (language, id) → text. A label with variables keeps them as
/// written (`{ $count }`).
static LABELS: LazyLock<BTreeMap<(Lang, String), String>> = LazyLock::new(|| {
    let mut out = BTreeMap::new();
    for (path, text) in sources() {
        let name = path.rsplit('/').next().unwrap_or(path);
        let Some(lang) = lang_of_source(path).filter(|_| name.starts_with("labels.")) else { continue };
        for (id, pattern) in patterns(text) {
            let value = if pattern.contains('$') { pattern } else { format(lang, &id, None, None).unwrap_or(pattern) };
            out.entry((lang, id)).or_insert(value);
        }
    }
    out
});

/// The messages of an `.ftl` text: (id, value as written, its continuation lines included);
/// attributes and comments are skipped.
pub fn patterns(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut in_attribute = false;
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            let t = line.trim();
            if t.starts_with('.') {
                in_attribute = true;
            } else if !in_attribute
                && !t.is_empty()
                && let Some((_, value)) = out.last_mut()
            {
                value.push('\n');
                value.push_str(t);
            }
            continue;
        }
        in_attribute = false;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some((id, value)) = line.split_once('=') {
            let id = id.trim();
            if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
                out.push((id.to_string(), value.trim().to_string()));
            }
        }
    }
    out
}

/// The variables (`$name`) a pattern uses, sorted, without repeats.
pub fn variables(pattern: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = pattern;
    while let Some(i) = rest.find('$') {
        rest = &rest[i + 1..];
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
        if end > 0 {
            out.push(rest[..end].to_string());
        }
        rest = &rest[end..];
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_codes_and_locales() {
        assert_eq!(Lang::parse("ko"), Some(Lang::Ko));
        assert_eq!(Lang::parse("ko_KR.UTF-8"), Some(Lang::Ko));
        assert_eq!(Lang::parse("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse("fr_FR"), None);
    }

    #[test]
    fn environment_chooses_the_language() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |n: &str| pairs.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_vars(vars(&[])), Lang::En);
        assert_eq!(Lang::from_vars(vars(&[("LANG", "ko_KR.UTF-8")])), Lang::Ko);
        assert_eq!(Lang::from_vars(vars(&[("LC_MESSAGES", "ko_KR.UTF-8"), ("LANG", "en_US.UTF-8")])), Lang::Ko);
        // LC_ALL wins over LANG, as in the C library.
        assert_eq!(Lang::from_vars(vars(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "ko_KR.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(vars(&[("LC_ALL", ""), ("LANG", "ko_KR.UTF-8")])), Lang::Ko);
        // PALISADE_LANG wins over the locale, both ways.
        assert_eq!(Lang::from_vars(vars(&[("PALISADE_LANG", "en"), ("LANG", "ko_KR.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(vars(&[("PALISADE_LANG", "ko"), ("LANG", "C")])), Lang::Ko);
        // An unknown PALISADE_LANG falls back to the locale.
        assert_eq!(Lang::from_vars(vars(&[("PALISADE_LANG", "xx"), ("LANG", "ko_KR")])), Lang::Ko);
    }

    #[test]
    fn templates_render_with_their_variables_and_nested_messages() {
        let m = msg!("s3-versioning-bucket", bucket = "Logs", s = "Suspended");
        assert_eq!(m.render(Lang::En), "bucket `Logs` has versioning `Suspended`");
        let mut m = m;
        m.push(Message::from("!"));
        assert_eq!(m.render(Lang::En), "bucket `Logs` has versioning `Suspended`!");
        assert_eq!(m.ids(), vec!["s3-versioning-bucket"]);
        assert_eq!(
            Message::template("no-such-message", vec![("x", "1".to_arg())]).render(Lang::En),
            "no-such-message x=1"
        );
    }

    #[test]
    fn packed_templates_render_as_templates_and_share_their_spec() {
        let id: Arc<str> = "Logs".into();
        let m = msg!("s3-versioning-bucket", bucket = id, s = "Suspended");
        assert!(matches!(&m, Message::Template { args, .. } if matches!(args[0].1, Message::Shared(_))));
        let nested = msg!("condition-of-module", condition = m, module = "app");
        let packed = nested.clone().packed();
        for lang in Lang::ALL {
            assert_eq!(packed.render(lang), nested.render(lang));
        }
        assert_eq!(packed.ids(), nested.ids());
        let (Message::Packed(a, values), Message::Packed(b, _)) = (&packed, &nested.clone().packed()) else {
            panic!("{packed:?} is not packed")
        };
        assert!(std::ptr::eq(*a, *b), "one spec for one template");
        assert!(matches!(values[0], Packed::Template(..)), "nested templates are packed too");
        let missing = Message::template("no-such-message", vec![("x", "1".to_arg())]).packed();
        assert_eq!(missing.render(Lang::En), "no-such-message x=1");
    }

    #[test]
    fn packed_messages_render_as_the_messages_they_pack() {
        let bucket = msg!("s3-versioning-bucket", bucket = "Logs", s = "Suspended");
        let joined = Message::join(&[bucket.clone(), Message::from("plain")], ", ");
        let messages = [
            Message::from("plain"),
            Message::Shared("shared".into()),
            msg!("condition-of-module", condition = joined, module = "app"),
            joined.clone(),
            msg!("s3-access-logging-bucket-enable", bucket = "Logs"),
            msg!("s3-access-logging-bucket-enable", bucket = Arc::<str>::from("Logs")),
            msg!("condition-is-false", name = msg!("s3-access-logging-bucket-enable", bucket = "Logs")),
        ];
        for m in messages {
            let p = Packed::from(m.clone());
            for lang in Lang::ALL {
                assert_eq!(p.render(lang), m.render(lang), "{m:?}");
            }
            assert_eq!((p.is_template(), p.ids()), (m.is_template(), m.ids()));
            assert_eq!(Message::from(p.clone()).render(Lang::Ko), m.render(Lang::Ko));
            if let Message::Template { args, .. } = &m
                && let [(_, Message::Text(_) | Message::Shared(_))] = args.as_slice()
            {
                assert!(matches!(p, Packed::TextTemplate(..) | Packed::SharedTemplate(..)), "{p:?}");
            }
            let mut more = p;
            more.push(Message::from("!"));
            assert_eq!(more.en(), format!("{}!", m.en()));
        }
    }

    #[test]
    fn messages_stay_small() {
        // A scan can hold hundreds of thousands of findings, each with its message.
        assert!(std::mem::size_of::<Message>() <= 40, "{}", std::mem::size_of::<Message>());
        assert!(std::mem::size_of::<Packed>() <= 32, "{}", std::mem::size_of::<Packed>());
    }

    #[test]
    fn variables_of_patterns() {
        assert_eq!(variables("bucket `{ $bucket }` has { $s } and { $bucket }"), vec!["bucket", "s"]);
        assert_eq!(variables("no variable"), Vec::<String>::new());
    }
}
