//! Builds Terraform configurations from bytes: every choice (which block, which expression,
//! which name to refer to) is read from the input, so that a fuzzer explores modules made of
//! the language's constructs rather than random text: variables with defaults, locals that
//! refer to each other (and to themselves), resources with `count` or `for_each`, nested and
//! `dynamic` blocks, `for` expressions, splats, conditionals, templates with directives,
//! heredocs, calls of built-in functions with arbitrary arguments, and calls of local modules
//! that may call each other. Used by the fuzz target `hcl` and by a test over fixed seeds.
//!
//! No dependencies: the files are written as text here.

/// The input, read one choice at a time; zeros once it is used up.
pub struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Bytes { data, pos: 0 }
    }

    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// A number below `n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        self.byte() as usize % n
    }

    fn pick<'s>(&mut self, items: &[&'s str]) -> &'s str {
        items[self.below(items.len())]
    }

    fn done(&self) -> bool {
        self.pos >= self.data.len()
    }
}

/// Built-in functions, a few provider functions and names that are no function at all.
const FUNCTIONS: &[&str] = &[
    "length",
    "lookup",
    "merge",
    "concat",
    "element",
    "coalesce",
    "coalescelist",
    "compact",
    "contains",
    "distinct",
    "flatten",
    "keys",
    "values",
    "zipmap",
    "slice",
    "range",
    "reverse",
    "sort",
    "setproduct",
    "setunion",
    "toset",
    "tolist",
    "tomap",
    "tostring",
    "tonumber",
    "tobool",
    "try",
    "can",
    "one",
    "sum",
    "max",
    "min",
    "abs",
    "ceil",
    "floor",
    "format",
    "formatlist",
    "join",
    "split",
    "replace",
    "regex",
    "regexall",
    "upper",
    "lower",
    "title",
    "trimspace",
    "trimprefix",
    "trimsuffix",
    "substr",
    "strrev",
    "startswith",
    "endswith",
    "chunklist",
    "transpose",
    "index",
    "matchkeys",
    "jsonencode",
    "jsondecode",
    "yamlencode",
    "yamldecode",
    "base64encode",
    "base64decode",
    "urlencode",
    "cidrsubnet",
    "cidrhost",
    "cidrsubnets",
    "cidrnetmask",
    "file",
    "fileexists",
    "fileset",
    "templatefile",
    "filebase64",
    "basename",
    "dirname",
    "abspath",
    "timestamp",
    "uuid",
    "sensitive",
    "md5",
    "sha256",
    "alltrue",
    "anytrue",
    "parseint",
    "pow",
    "log",
    "signum",
    "indent",
    "chomp",
    "no_such_function",
];

/// Names a module declares, for references to pick from.
const VARS: usize = 4;
const LOCALS: usize = 6;
const RESOURCES: usize = 3;
const MODULES: usize = 2;

struct Gen<'a, 'b> {
    b: &'a mut Bytes<'b>,
    /// Names bound where the expression is written (`count`, `each`, `for` variables).
    bound: Vec<String>,
    /// The module being written (`None`: the root).
    module: Option<usize>,
    /// Heredoc markers used so far (kept unique).
    heredocs: usize,
}

impl Gen<'_, '_> {
    fn expr(&mut self, depth: usize) -> String {
        if depth == 0 || self.b.done() {
            return self.leaf();
        }
        let d = depth - 1;
        match self.b.below(18) {
            0..=3 => self.leaf(),
            4 => format!("[{}]", self.list(d)),
            5 => self.object(d),
            6 => format!("{} ? {} : {}", self.expr(d), self.expr(d), self.expr(d)),
            7 => {
                let op = self.b.pick(&["+", "-", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||"]);
                format!("({} {op} {})", self.expr(d), self.expr(d))
            }
            8 => format!("!{}", self.expr(d)),
            9 | 10 => self.call(d),
            11 => self.for_expr(d),
            12 => format!("{}[*].{}", self.expr(d), self.b.pick(&["id", "a", "arn", "x"])),
            13 => format!("{}.*.{}", self.reference(), self.b.pick(&["id", "a"])),
            14 => format!("{}[{}]", self.expr(d), self.expr(d)),
            15 | 16 => self.template(d),
            _ => format!("({})", self.expr(d)),
        }
    }

    fn leaf(&mut self) -> String {
        match self.b.below(9) {
            0 => self.b.pick(&["0", "1", "2", "-1", "3.5", "1e3", "10"]).to_string(),
            1 => {
                format!("\"{}\"", self.b.pick(&["", "a", "b,c", "10.0.0.0/16", "true", "12", "{\\\"k\\\": 1}", "x-y"]))
            }
            2 => self.b.pick(&["true", "false", "null"]).to_string(),
            _ => self.reference(),
        }
    }

    fn reference(&mut self) -> String {
        let r = match self.b.below(10) {
            0 | 1 => format!("var.v{}", self.b.below(VARS)),
            2 | 3 => format!("local.l{}", self.b.below(LOCALS)),
            4 => format!("aws_s3_bucket.r{}", self.b.below(RESOURCES)),
            5 => format!("aws_s3_bucket.r{}[{}].id", self.b.below(RESOURCES), self.b.below(3)),
            6 => format!("module.m{}.o{}", self.b.below(MODULES), self.b.below(2)),
            7 => self
                .b
                .pick(&["path.module", "path.root", "terraform.workspace", "count.index", "each.key", "each.value"])
                .into(),
            8 => format!("data.aws_iam_policy_document.p.{}", self.b.pick(&["json", "minified_json"])),
            _ => match self.bound.len() {
                0 => "self".into(),
                n => self.bound[self.b.below(n)].clone(),
            },
        };
        match self.b.below(4) {
            0 => format!("{r}.{}", self.b.pick(&["a", "id", "value", "key"])),
            1 => format!("{r}[{}]", self.b.pick(&["0", "\"a\"", "1"])),
            _ => r,
        }
    }

    fn list(&mut self, depth: usize) -> String {
        let n = self.b.below(4);
        (0..n).map(|_| self.expr(depth)).collect::<Vec<_>>().join(", ")
    }

    fn object(&mut self, depth: usize) -> String {
        let n = self.b.below(4);
        let items: Vec<String> = (0..n)
            .map(|i| {
                let key = match self.b.below(4) {
                    0 => format!("\"{}\"", self.b.pick(&["a", "b c", "id"])),
                    // Computed keys the parser could tell equal are refused by it (a
                    // limitation Terraform does not have): keep them apart.
                    1 => format!("(\"p{i}-${{{}}}\")", self.expr(0)),
                    // Keys written more than once are allowed: the last one wins.
                    _ => self.b.pick(&["a", "b", "id", "value"]).to_string(),
                };
                format!("{key} = {}", self.expr(depth))
            })
            .collect();
        format!("{{ {} }}", items.join(", "))
    }

    fn call(&mut self, depth: usize) -> String {
        let name = self.b.pick(FUNCTIONS);
        let n = self.b.below(4);
        let mut args = self.list_of(n, depth);
        if n > 0 && self.b.below(8) == 0 {
            args.push_str("...");
        }
        format!("{name}({args})")
    }

    fn list_of(&mut self, n: usize, depth: usize) -> String {
        (0..n).map(|_| self.expr(depth)).collect::<Vec<_>>().join(", ")
    }

    fn for_expr(&mut self, depth: usize) -> String {
        let (k, v) = (format!("k{}", self.bound.len()), format!("x{}", self.bound.len()));
        let coll = self.expr(depth);
        self.bound.push(k.clone());
        self.bound.push(v.clone());
        let out = match self.b.below(4) {
            0 => format!("[for {v} in {coll} : {}]", self.expr(depth)),
            1 => format!("[for {k}, {v} in {coll} : {} if {}]", self.expr(depth), self.expr(depth)),
            2 => format!("{{for {k}, {v} in {coll} : {} => {}}}", self.expr(depth), self.expr(depth)),
            _ => format!("{{for {v} in {coll} : tostring({v}) => {}...}}", self.expr(depth)),
        };
        self.bound.truncate(self.bound.len() - 2);
        out
    }

    fn template(&mut self, depth: usize) -> String {
        let mut out = String::from("\"");
        for _ in 0..self.b.below(4) {
            match self.b.below(4) {
                0 => out.push_str(self.b.pick(&["a", "-", "$${x}", "%%{y}", " "])),
                1 => out.push_str(&format!("${{{}}}", self.expr(depth))),
                2 => out.push_str(&format!("%{{ if {} }}yes%{{ else }}no%{{ endif }}", self.expr(depth))),
                _ => {
                    let v = format!("t{}", self.bound.len());
                    let coll = self.expr(depth);
                    self.bound.push(v.clone());
                    out.push_str(&format!("%{{ for {v} in {coll} ~}}${{{v}}},%{{~ endfor }}"));
                    self.bound.pop();
                }
            }
        }
        out.push('"');
        out
    }

    /// A heredoc, the whole value of an argument (it ends its line).
    fn heredoc(&mut self, depth: usize) -> String {
        self.heredocs += 1;
        let marker = format!("EOT{}", self.heredocs);
        let dash = if self.b.below(2) == 0 { "-" } else { "" };
        let line = self.expr(depth);
        format!("<<{dash}{marker}\n    line ${{{line}}}\n    %{{ if true }}more%{{ endif }}\n    {marker}")
    }

    /// The body of a resource: arguments, nested blocks and `dynamic` blocks.
    fn resource_body(&mut self, out: &mut String) {
        for i in 0..self.b.below(4) {
            let value = if self.b.below(6) == 0 { self.heredoc(2) } else { self.expr(3) };
            out.push_str(&format!("  a{i} = {value}\n"));
        }
        for _ in 0..self.b.below(3) {
            match self.b.below(3) {
                0 => out.push_str(&format!("  rule {{\n    x = {}\n  }}\n", self.expr(2))),
                1 => {
                    let it = self.b.pick(&["rule", "it"]).to_string();
                    let coll = self.expr(2);
                    self.bound.push(it.clone());
                    let iterator = if it == "it" { "    iterator = it\n" } else { "" };
                    let content = self.expr(2);
                    out.push_str(&format!(
                        "  dynamic \"rule\" {{\n    for_each = {coll}\n{iterator}    content {{\n      x = {content}\n      k = {it}.key\n    }}\n  }}\n"
                    ));
                    self.bound.pop();
                }
                _ => out.push_str("  lifecycle {\n    ignore_changes = [tags]\n  }\n"),
            }
        }
    }

    fn meta(&mut self) -> (&'static str, Option<String>) {
        match self.b.below(4) {
            0 => ("count", Some(self.expr(2))),
            1 => ("for_each", Some(self.expr(2))),
            _ => ("", None),
        }
    }

    fn module_text(&mut self) -> String {
        let mut out = String::new();
        for i in 0..VARS {
            match self.b.below(4) {
                0 => out.push_str(&format!("variable \"v{i}\" {{}}\n")),
                1 => {
                    out.push_str(&format!("variable \"v{i}\" {{\n  type    = any\n  default = {}\n}}\n", self.expr(2)))
                }
                2 => out.push_str(&format!(
                    "variable \"v{i}\" {{\n  type    = {}\n  default = {}\n  nullable = false\n}}\n",
                    self.b.pick(&[
                        "string",
                        "number",
                        "bool",
                        "list(string)",
                        "map(any)",
                        "object({ a = optional(string, \"d\") })"
                    ]),
                    self.expr(2)
                )),
                _ => {}
            }
        }
        out.push_str("locals {\n");
        for i in 0..LOCALS {
            if self.b.below(5) != 0 {
                out.push_str(&format!("  l{i} = {}\n", self.expr(4)));
            }
        }
        out.push_str("}\n");
        out.push_str(&format!(
            "data \"aws_iam_policy_document\" \"p\" {{\n  statement {{\n    actions   = {}\n    resources = [\"*\"]\n  }}\n}}\n",
            self.expr(2)
        ));
        for i in 0..RESOURCES {
            if self.b.below(4) == 0 {
                continue;
            }
            let rtype = self.b.pick(&["aws_s3_bucket", "aws_security_group", "aws_iam_role"]);
            // A reference to `aws_s3_bucket.rN` must find a bucket, or be an error.
            let rtype = if self.b.below(2) == 0 { "aws_s3_bucket" } else { rtype };
            out.push_str(&format!("resource \"{rtype}\" \"r{i}\" {{\n"));
            let (meta, value) = self.meta();
            if let Some(v) = value {
                out.push_str(&format!("  {meta} = {v}\n"));
            }
            self.resource_body(&mut out);
            out.push_str("}\n");
        }
        for i in 0..MODULES {
            if self.b.below(3) == 0 {
                continue;
            }
            let source = match (self.module, self.b.below(5)) {
                (_, 0) => "terraform-aws-modules/s3-bucket/aws".to_string(),
                (_, 1) => "./missing".to_string(),
                (None, _) => format!("./modules/m{}", self.b.below(MODULES)),
                (Some(_), _) => format!("../m{}", self.b.below(MODULES)),
            };
            out.push_str(&format!("module \"m{i}\" {{\n  source = \"{source}\"\n"));
            let (meta, value) = self.meta();
            if let Some(v) = value {
                out.push_str(&format!("  {meta} = {v}\n"));
            }
            for v in 0..VARS {
                if self.b.below(2) == 0 {
                    out.push_str(&format!("  v{v} = {}\n", self.expr(2)));
                }
            }
            out.push_str("}\n");
        }
        for i in 0..2 {
            if self.b.below(3) != 0 {
                out.push_str(&format!("output \"o{i}\" {{\n  value = {}\n}}\n", self.expr(3)));
            }
        }
        out
    }
}

/// The files of a configuration: `main.tf` of the root and of `modules/m0`, `modules/m1`
/// (paths relative to the directory they are written in).
pub fn configuration(data: &[u8]) -> Vec<(String, String)> {
    let mut b = Bytes::new(data);
    let mut files = Vec::new();
    for module in [None, Some(0), Some(1)] {
        let mut g = Gen { b: &mut b, bound: Vec::new(), module, heredocs: 0 };
        let text = g.module_text();
        let path = match module {
            None => "main.tf".to_string(),
            Some(m) => format!("modules/m{m}/main.tf"),
        };
        files.push((path, text));
    }
    files
}
