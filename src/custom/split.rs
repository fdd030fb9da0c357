//! The model serialised part by part: each field of a struct (the model, its `monitoring` and
//! `k8s` groups) as its own value, only for the fields wanted, so that what no rule reads is
//! never serialised. A collection can be chosen by the model kinds of its items, read from
//! their identities (their `meta`, or `obj.res` / `res` for Kubernetes objects), which are
//! serialised alone.

use regorus::Value;
use serde::Serialize;
use serde::ser::{self, Error as _, Impossible};

use super::value::{Builder, Error};

/// Whether an identity (logical id, model kind) is known already.
pub type KnownTest = dyn Fn(&str, &str) -> bool;

/// What to do with a field.
pub enum Choice {
    Skip,
    /// Serialise it whole.
    Take,
    /// A group: split its own fields.
    Split,
    /// Serialise it when the model kind of one of its items passes the test; otherwise
    /// collect its items' identities as [`Choice::Identities`].
    IfAny(Box<dyn Fn(&str) -> bool>, Collect),
    /// Serialise the identities of its items alone (into [`Parts::identities`]).
    Identities(Collect),
}

/// Which identities of a field's items to collect.
pub enum Collect {
    Nothing,
    Every,
    /// Those whose logical id and model kind do not pass the test (identities already known).
    Unknown(Box<KnownTest>),
}

/// A serialised field: its path (`buckets`, `k8s.workloads`) and its value.
pub type Part = (String, Value);

/// What a split gives.
#[derive(Default)]
pub struct Parts {
    /// The fields taken.
    pub fields: Vec<Part>,
    /// The identities of the items of the fields chosen for them.
    pub identities: Vec<Value>,
}

/// Splits `value` (a struct) into its fields, as `choose(group, field)` says (`group`: the
/// path of the struct, empty at the top).
pub fn split<T: Serialize + ?Sized>(value: &T, choose: &dyn Fn(&str, &str) -> Choice, b: &mut Builder) -> Parts {
    let mut s = Splitter { group: String::new(), choose, out: Parts::default(), b };
    // Anything but a struct gives nothing.
    let _ = value.serialize(&mut s);
    s.out
}

struct Splitter<'a> {
    group: String,
    choose: &'a dyn Fn(&str, &str) -> Choice,
    out: Parts,
    b: &'a mut Builder,
}

/// The logical id and model kind of an item of a collection, read from its identity (see
/// [`identity`]).
fn identity_key<T: Serialize + ?Sized>(item: &T, b: &mut Builder) -> Option<(String, String)> {
    let choose = |group: &str, field: &str| match (group, field) {
        ("", "meta" | "res" | "obj") | ("obj", "res") => Choice::Split,
        ("meta" | "res" | "obj.res", "id" | "model_kind") => Choice::Take,
        _ => Choice::Skip,
    };
    let parts = split(item, &choose, b);
    let text = |path: &str| match parts.fields.iter().find(|(p, _)| p == path) {
        Some((_, Value::String(s))) => Some(s.to_string()),
        _ => None,
    };
    ["meta", "obj.res", "res"]
        .into_iter()
        .find_map(|prefix| Some((text(&format!("{prefix}.id"))?, text(&format!("{prefix}.model_kind"))?)))
}

/// The identity of an item of a collection: its `meta`, else `obj.res`, else `res` (the first
/// with a `model_kind`).
pub fn identity<T: Serialize + ?Sized>(item: &T, b: &mut Builder) -> Option<Value> {
    let choose = |_: &str, field: &str| match field {
        "meta" | "res" => Choice::Take,
        "obj" => Choice::Split,
        _ => Choice::Skip,
    };
    let parts = split(item, &choose, b);
    ["meta", "obj.res", "res"].into_iter().find_map(|path| {
        parts
            .fields
            .iter()
            .find(|(p, v)| p == path && matches!(&v["model_kind"], Value::String(_)))
            .map(|(_, v)| v.clone())
    })
}

fn not_a_struct<T>() -> Result<T, Error> {
    Err(Error::custom("not a struct"))
}

/// The serializer methods a splitter or a probe does not accept.
macro_rules! refuse {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<Self::Ok, Error> { not_a_struct() })*
    };
}

/// Scalars, tuples, maps and enum variants: neither a splitter nor a probe accepts them.
macro_rules! refuse_all_but_structs_and_sequences {
    () => {
        refuse!(
            serialize_bool(bool),
            serialize_i8(i8),
            serialize_i16(i16),
            serialize_i32(i32),
            serialize_i64(i64),
            serialize_u8(u8),
            serialize_u16(u16),
            serialize_u32(u32),
            serialize_u64(u64),
            serialize_f32(f32),
            serialize_f64(f64),
            serialize_char(char),
            serialize_str(&str),
            serialize_bytes(&[u8]),
            serialize_none(),
            serialize_unit(),
            serialize_unit_struct(&'static str),
            serialize_unit_variant(&'static str, u32, &'static str),
        );
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<Self::Ok, Error> {
            not_a_struct()
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
            not_a_struct()
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
            not_a_struct()
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Error> {
            not_a_struct()
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
            not_a_struct()
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Error> {
            not_a_struct()
        }
    };
}

impl ser::Serializer for &mut Splitter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Error>;

    refuse_all_but_structs_and_sequences!();

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        not_a_struct()
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<(), Error> {
        not_a_struct()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        not_a_struct()
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
}

impl Splitter<'_> {
    /// Collects the identities of the items of `value` that `collect` says.
    fn identities_of<T: Serialize + ?Sized>(&mut self, value: &T, collect: &Collect) {
        let known = match collect {
            Collect::Nothing => return,
            Collect::Every => None,
            Collect::Unknown(known) => Some(&**known),
        };
        let identities = Some(&mut self.out.identities);
        let mut probe = Probe { test: None, known, found: false, identities, b: &mut *self.b };
        let _ = value.serialize(&mut probe);
    }
}

impl ser::SerializeStruct for &mut Splitter<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let path = |group: &str| if group.is_empty() { key.to_string() } else { format!("{group}.{key}") };
        let take = match (self.choose)(&self.group, key) {
            Choice::Skip => false,
            Choice::Take => true,
            Choice::Split => {
                let mut inner =
                    Splitter { group: path(&self.group), choose: self.choose, out: Parts::default(), b: &mut *self.b };
                let _ = value.serialize(&mut inner);
                self.out.fields.append(&mut inner.out.fields);
                self.out.identities.append(&mut inner.out.identities);
                false
            }
            Choice::IfAny(test, collect) => {
                let mut probe =
                    Probe { test: Some(&*test), known: None, found: false, identities: None, b: &mut *self.b };
                let _ = value.serialize(&mut probe);
                let found = probe.found;
                if !found {
                    self.identities_of(value, &collect);
                }
                found
            }
            Choice::Identities(collect) => {
                self.identities_of(value, &collect);
                false
            }
        };
        if take {
            let v = self.b.value(value)?;
            let path = path(&self.group);
            self.out.fields.push((path, v));
        }
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// Looks at the identity of each item of a sequence (or at the value of an option): until the
/// model kind of one passes the test, or to collect those not known.
struct Probe<'t> {
    test: Option<&'t dyn Fn(&str) -> bool>,
    known: Option<&'t KnownTest>,
    found: bool,
    identities: Option<&'t mut Vec<Value>>,
    b: &'t mut Builder,
}

impl Probe<'_> {
    fn look<T: Serialize + ?Sized>(&mut self, item: &T) {
        if self.found {
            return;
        }
        if let Some(known) = self.known {
            // The logical id and model kind alone first: most identities are known.
            if let Some((id, kind)) = identity_key(item, self.b)
                && known(&id, &kind)
            {
                return;
            }
        }
        let Some(id) = identity(item, self.b) else { return };
        if let Some(test) = self.test {
            self.found = matches!(&id["model_kind"], Value::String(k) if test(k));
        }
        if let Some(out) = self.identities.as_mut() {
            out.push(id);
        }
    }
}

impl ser::Serializer for &mut Probe<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    refuse_all_but_structs_and_sequences!();

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.look(value);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        not_a_struct()
    }
}

impl ser::SerializeSeq for &mut Probe<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.look(value);
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Meta {
        model_kind: &'static str,
    }

    #[derive(Serialize)]
    struct Item {
        meta: Meta,
        n: u32,
    }

    #[derive(Serialize)]
    struct Res {
        res: Meta,
    }

    #[derive(Serialize)]
    struct Object {
        obj: Res,
    }

    #[derive(Serialize)]
    struct Group {
        objects: Vec<Object>,
        other: Vec<Item>,
    }

    #[derive(Serialize)]
    struct Top {
        name: &'static str,
        items: Vec<Item>,
        empty: Vec<Item>,
        maybe: Option<Item>,
        group: Group,
        listed: Vec<Listed>,
    }

    #[derive(Serialize)]
    struct IdMeta {
        id: &'static str,
        model_kind: &'static str,
    }

    #[derive(Serialize)]
    struct Listed {
        meta: IdMeta,
    }

    fn item(model_kind: &'static str, n: u32) -> Item {
        Item { meta: Meta { model_kind }, n }
    }

    fn json(v: &Value) -> String {
        serde_json::to_string(v).unwrap()
    }

    #[test]
    fn fields_are_taken_skipped_split_or_chosen_by_their_items() {
        let top = Top {
            name: "t",
            items: vec![item("x", 1), item("a", 2)],
            empty: vec![],
            maybe: Some(item("b", 3)),
            group: Group {
                objects: vec![Object { obj: Res { res: Meta { model_kind: "c" } } }],
                other: vec![item("d", 5)],
            },
            listed: vec![
                Listed { meta: IdMeta { id: "E", model_kind: "e" } },
                Listed { meta: IdMeta { id: "F", model_kind: "f" } },
            ],
        };
        let parts = split(
            &top,
            &|group, field| match (group, field) {
                ("", "name") => Choice::Take,
                ("", "group") => Choice::Split,
                ("", "listed") => {
                    Choice::Identities(Collect::Unknown(Box::new(|id: &str, kind: &str| id == "F" && kind == "f")))
                }
                _ => Choice::IfAny(Box::new(|kind: &str| kind == "a" || kind == "c"), Collect::Nothing),
            },
            &mut Builder::new(),
        );
        let got: Vec<(&str, String)> = parts.fields.iter().map(|(p, v)| (p.as_str(), json(v))).collect();
        assert_eq!(
            got,
            [
                ("name", "\"t\"".to_string()),
                ("items", r#"[{"meta":{"model_kind":"x"},"n":1},{"meta":{"model_kind":"a"},"n":2}]"#.to_string()),
                ("group.objects", r#"[{"obj":{"res":{"model_kind":"c"}}}]"#.to_string()),
            ]
        );
        let identities: Vec<String> = parts.identities.iter().map(json).collect();
        // `f` is known already.
        assert_eq!(identities, [r#"{"id":"E","model_kind":"e"}"#]);
    }
}
