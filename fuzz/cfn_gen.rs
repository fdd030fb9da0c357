//! Builds CloudFormation templates from bytes: every choice (which section, which intrinsic,
//! which name to refer to) is read from the input, so that a fuzzer explores templates made of
//! CloudFormation's constructs rather than random text: `Ref`, `Fn::Sub` with variables,
//! `Fn::If` with conditions, `Fn::FindInMap`, `Fn::ForEach` (nested), `Fn::Join`, `Fn::Select`,
//! `Fn::Split`, nested conditions, and parameters whose defaults refer to other parameters
//! (or to themselves). Used by the fuzz target `cfn` and by a test over fixed seeds.
//!
//! No dependencies: the template is written as JSON text here.

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

    fn done(&self) -> bool {
        self.pos >= self.data.len()
    }
}

/// A JSON value.
enum J {
    S(String),
    N(i64),
    B(bool),
    L(Vec<J>),
    M(Vec<(String, J)>),
}

fn s(t: impl Into<String>) -> J {
    J::S(t.into())
}

fn m1(k: &str, v: J) -> J {
    J::M(vec![(k.to_string(), v)])
}

fn write(j: &J, out: &mut String) {
    match j {
        J::S(t) => quote(t, out),
        J::N(n) => out.push_str(&n.to_string()),
        J::B(b) => out.push_str(if *b { "true" } else { "false" }),
        J::L(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(v, out);
            }
            out.push(']');
        }
        J::M(entries) => {
            out.push('{');
            // A key written twice is a parse error: only its first entry is written.
            let mut seen = std::collections::HashSet::new();
            for (k, v) in entries {
                if !seen.insert(k.as_str()) {
                    continue;
                }
                if seen.len() > 1 {
                    out.push(',');
                }
                quote(k, out);
                out.push(':');
                write(v, out);
            }
            out.push('}');
        }
    }
}

fn quote(t: &str, out: &mut String) {
    out.push('"');
    for c in t.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

const WORDS: [&str; 8] = ["a", "b", "prod", "0.0.0.0/0", "10.0.0.0/8", "x,y,z", "", "22"];
const PSEUDO: [&str; 4] = ["AWS::Region", "AWS::NoValue", "AWS::AccountId", "Missing"];
const TYPES: [&str; 4] = ["String", "CommaDelimitedList", "List<String>", "Number"];
const RESOURCE_TYPES: [&str; 6] = [
    "AWS::S3::Bucket",
    "AWS::EC2::SecurityGroup",
    "AWS::IAM::Role",
    "AWS::RDS::DBInstance",
    "AWS::S3::BucketPolicy",
    "AWS::EC2::SecurityGroupIngress",
];
const PROPS: [&str; 12] = [
    "BucketName",
    "AccessControl",
    "PubliclyAccessible",
    "StorageEncrypted",
    "SecurityGroupIngress",
    "CidrIp",
    "FromPort",
    "ToPort",
    "IpProtocol",
    "PolicyDocument",
    "AssumeRolePolicyDocument",
    "GroupId",
];

/// Names the template declares, for references to choose from.
struct Names {
    params: usize,
    conds: usize,
    keys: usize,
    resources: usize,
    /// Loop identifiers and `Fn::Sub` variables in scope.
    locals: Vec<String>,
}

struct Gen<'a, 'b> {
    b: &'b mut Bytes<'a>,
    n: Names,
}

impl Gen<'_, '_> {
    fn word(&mut self) -> String {
        WORDS[self.b.below(WORDS.len())].to_string()
    }

    fn param(&mut self) -> String {
        format!("P{}", self.b.below(self.n.params.max(1) + 1))
    }

    fn cond(&mut self) -> String {
        format!("C{}", self.b.below(self.n.conds.max(1) + 1))
    }

    fn key(&mut self) -> String {
        format!("k{}", self.b.below(self.n.keys.max(1) + 1))
    }

    fn resource(&mut self) -> String {
        format!("R{}", self.b.below(self.n.resources.max(1)))
    }

    /// A name `Ref` or `${}` may use.
    fn name(&mut self) -> String {
        match self.b.below(5) {
            0 | 1 => self.param(),
            2 => self.resource(),
            3 if !self.n.locals.is_empty() => self.n.locals[self.b.below(self.n.locals.len())].clone(),
            _ => PSEUDO[self.b.below(PSEUDO.len())].to_string(),
        }
    }

    fn sub_text(&mut self, vars: &[String]) -> String {
        let mut t = String::new();
        for _ in 0..1 + self.b.below(4) {
            match self.b.below(6) {
                0 => t.push_str(&self.word()),
                1 if !vars.is_empty() => t.push_str(&format!("${{{}}}", vars[self.b.below(vars.len())])),
                2 => t.push_str(&format!("${{{}.Arn}}", self.resource())),
                3 => t.push_str("${!Literal}"),
                4 => t.push_str("{{resolve:ssm:/x}}"),
                _ => {
                    let n = self.name();
                    t.push_str(&format!("${{{n}}}"));
                }
            }
        }
        t
    }

    /// An expression, at most `depth` intrinsics deep.
    fn expr(&mut self, depth: usize) -> J {
        if depth == 0 || self.b.done() {
            return match self.b.below(4) {
                0 => J::N(self.b.below(100) as i64),
                1 => J::B(self.b.below(2) == 1),
                2 => m1("Ref", s(self.name())),
                _ => s(self.word()),
            };
        }
        let d = depth - 1;
        match self.b.below(16) {
            0 => m1("Ref", s(self.name())),
            1 => {
                let vars: Vec<String> = (0..self.b.below(3)).map(|i| format!("V{i}")).collect();
                let text = self.sub_text(&vars);
                if vars.is_empty() && self.b.below(2) == 0 {
                    m1("Fn::Sub", s(text))
                } else {
                    let map = vars.iter().map(|v| (v.clone(), self.expr(d))).collect();
                    m1("Fn::Sub", J::L(vec![s(text), J::M(map)]))
                }
            }
            2 => {
                let c = self.cond();
                m1("Fn::If", J::L(vec![s(c), self.expr(d), self.expr(d)]))
            }
            3 => {
                let (map, k1, k2) = (if self.b.below(4) == 0 { "N" } else { "M" }, self.key(), self.key());
                let mut args = vec![s(map), s(k1), s(k2)];
                if self.b.below(3) == 0 {
                    args.push(m1("DefaultValue", self.expr(d)));
                }
                if self.b.below(4) == 0 {
                    args[1] = self.expr(d);
                }
                m1("Fn::FindInMap", J::L(args))
            }
            4 => {
                let list = self.list(d);
                m1("Fn::Join", J::L(vec![s(self.word()), list]))
            }
            5 => {
                let list = self.list(d);
                m1("Fn::Select", J::L(vec![J::N(self.b.below(3) as i64), list]))
            }
            6 => m1("Fn::Split", J::L(vec![s(","), self.expr(d)])),
            7 => m1("Fn::GetAtt", J::L(vec![s(self.resource()), s("Arn")])),
            8 => m1("Fn::Base64", self.expr(d)),
            9 => m1("Fn::Length", self.list(d)),
            10 => self.cond_expr(d),
            11 => self.list(d),
            12 => {
                let n = self.b.below(3);
                J::M((0..n).map(|i| (PROPS[i * 3 % PROPS.len()].to_string(), self.expr(d))).collect())
            }
            13 => m1(["Fn::ImportValue", "Fn::GetAZs", "Fn::Cidr", "Fn::Unknown"][self.b.below(4)], self.expr(d)),
            _ => s(self.word()),
        }
    }

    fn list(&mut self, depth: usize) -> J {
        match self.b.below(3) {
            0 => m1("Ref", s(self.param())),
            1 => m1("Fn::Split", J::L(vec![s(","), self.expr(depth)])),
            _ => J::L((0..self.b.below(4)).map(|_| self.expr(depth)).collect()),
        }
    }

    /// A condition expression.
    fn cond_expr(&mut self, depth: usize) -> J {
        if depth == 0 {
            return m1("Condition", s(self.cond()));
        }
        let d = depth - 1;
        match self.b.below(5) {
            0 => m1("Condition", s(self.cond())),
            1 => m1("Fn::Not", J::L(vec![self.cond_expr(d)])),
            2 | 3 => {
                let op = if self.b.below(2) == 0 { "Fn::And" } else { "Fn::Or" };
                m1(op, J::L((0..1 + self.b.below(3)).map(|_| self.cond_expr(d)).collect()))
            }
            _ => m1("Fn::Equals", J::L(vec![self.expr(d), self.expr(d)])),
        }
    }

    fn properties(&mut self, kind: &str) -> J {
        let mut props = Vec::new();
        if kind == "AWS::EC2::SecurityGroup" && self.b.below(2) == 0 {
            let rule = J::M(vec![
                ("IpProtocol".into(), s("tcp")),
                ("FromPort".into(), J::N(22)),
                ("ToPort".into(), J::N(22)),
                ("CidrIp".into(), self.expr(2)),
            ]);
            props.push(("SecurityGroupIngress".into(), J::L(vec![rule])));
        }
        for _ in 0..self.b.below(4) {
            let p = PROPS[self.b.below(PROPS.len())].to_string();
            let v = self.expr(3);
            props.push((p, v));
        }
        J::M(props)
    }

    fn resource_def(&mut self) -> J {
        let kind = RESOURCE_TYPES[self.b.below(RESOURCE_TYPES.len())];
        let mut def = vec![("Type".to_string(), s(kind))];
        if self.b.below(4) == 0 {
            def.push(("Condition".into(), s(self.cond())));
        }
        def.push(("Properties".into(), self.properties(kind)));
        J::M(def)
    }

    /// `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]`, maybe nested.
    fn for_each(&mut self, depth: usize) -> (String, J) {
        let ident = format!("I{depth}");
        let collection = match self.b.below(3) {
            0 => m1("Ref", s(self.param())),
            1 => m1("Fn::Split", J::L(vec![s(","), s("a,b")])),
            _ => J::L((0..self.b.below(6)).map(|i| s(format!("v{i}"))).collect()),
        };
        self.n.locals.push(ident.clone());
        let mut outputs = Vec::new();
        if depth > 0 && self.b.below(2) == 0 {
            outputs.push(self.for_each(depth - 1));
        }
        let locals: String = self.n.locals.iter().map(|l| format!("${{{l}}}")).collect();
        outputs.push((format!("L{}{locals}", self.b.below(4)), self.resource_def()));
        self.n.locals.pop();
        (format!("Fn::ForEach::F{}{depth}", self.b.below(100)), J::L(vec![s(ident), collection, J::M(outputs)]))
    }
}

/// A CloudFormation template (JSON text) built from `data`.
pub fn template(data: &[u8]) -> String {
    let mut b = Bytes::new(data);
    let names = Names {
        params: b.below(6),
        conds: b.below(6),
        keys: 1 + b.below(4),
        resources: 1 + b.below(5),
        locals: Vec::new(),
    };
    let mut g = Gen { b: &mut b, n: names };
    let mut root = vec![("AWSTemplateFormatVersion".to_string(), s("2010-09-09"))];
    let params = (0..g.n.params)
        .map(|i| {
            let kind = TYPES[g.b.below(TYPES.len())];
            let mut p = vec![("Type".to_string(), s(kind))];
            match g.b.below(4) {
                0 => {}
                1 => p.push(("Default".into(), s(g.word()))),
                _ => {
                    let items = (0..1 + g.b.below(3)).map(|_| g.expr(2)).collect();
                    p.push(("Default".into(), J::L(items)));
                }
            }
            (format!("P{i}"), J::M(p))
        })
        .collect();
    root.push(("Parameters".into(), J::M(params)));
    let mut maps = Vec::new();
    for map in ["M", "N"] {
        let keys = (0..g.n.keys)
            .map(|i| {
                let inner = (0..g.n.keys).map(|j| (format!("k{j}"), g.expr(3))).collect();
                (format!("k{i}"), J::M(inner))
            })
            .collect();
        maps.push((map.to_string(), J::M(keys)));
    }
    root.push(("Mappings".into(), J::M(maps)));
    let conds = (0..g.n.conds).map(|i| (format!("C{i}"), g.cond_expr(3))).collect();
    root.push(("Conditions".into(), J::M(conds)));
    let mut resources: Vec<(String, J)> = (0..g.n.resources).map(|i| (format!("R{i}"), g.resource_def())).collect();
    for _ in 0..g.b.below(3) {
        let depth = g.b.below(4);
        resources.push(g.for_each(depth));
    }
    root.push(("Resources".into(), J::M(resources)));
    let mut out = String::new();
    write(&J::M(root), &mut out);
    out
}
