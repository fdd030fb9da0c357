//! The model serialised part by part: each field of a struct (the model, its `monitoring` and
//! `k8s` groups) as its own JSON text, only for the fields wanted, so that what no rule reads
//! is never serialised. A collection can be chosen by the identities of its items (their
//! `meta`, or `obj.res` / `res` for Kubernetes objects), read by serialising those alone.

use serde::Serialize;
use serde::ser::{self, Error as _, Impossible};

type Error = serde_json::Error;

/// What to do with a field.
pub enum Choice {
    Skip,
    /// Serialise it whole.
    Take,
    /// A group: split its own fields.
    Split,
    /// Serialise it when the identity (JSON) of one of its items passes the test.
    IfAny(Box<dyn Fn(&str) -> bool>),
}

/// A serialised field: its path (`buckets`, `k8s.workloads`) and its JSON text.
pub type Part = (String, String);

/// Splits `value` (a struct) into its fields, as `choose(group, field)` says (`group`: the
/// path of the struct, empty at the top).
pub fn split<T: Serialize + ?Sized>(value: &T, choose: &dyn Fn(&str, &str) -> Choice) -> Vec<Part> {
    let mut s = Splitter { group: String::new(), choose, out: Vec::new() };
    // Anything but a struct gives nothing.
    let _ = value.serialize(&mut s);
    s.out
}

struct Splitter<'a> {
    group: String,
    choose: &'a dyn Fn(&str, &str) -> Choice,
    out: Vec<Part>,
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

impl ser::SerializeStruct for &mut Splitter<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let path = if self.group.is_empty() { key.to_string() } else { format!("{}.{key}", self.group) };
        let take = match (self.choose)(&self.group, key) {
            Choice::Skip => false,
            Choice::Take => true,
            Choice::Split => {
                let mut inner = Splitter { group: path.clone(), choose: self.choose, out: Vec::new() };
                let _ = value.serialize(&mut inner);
                self.out.append(&mut inner.out);
                false
            }
            Choice::IfAny(test) => {
                let mut probe = Probe { test: &*test, found: false };
                let _ = value.serialize(&mut probe);
                probe.found
            }
        };
        if take {
            self.out.push((path, serde_json::to_string(value)?));
        }
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// Looks at the identity of each item of a sequence (or at the value of an option) until one
/// passes the test.
struct Probe<'t> {
    test: &'t dyn Fn(&str) -> bool,
    found: bool,
}

impl Probe<'_> {
    fn look<T: Serialize + ?Sized>(&mut self, item: &T) {
        if self.found {
            return;
        }
        let identity = |_: &str, field: &str| match field {
            "meta" | "res" => Choice::Take,
            "obj" => Choice::Split,
            _ => Choice::Skip,
        };
        self.found = split(item, &identity).iter().any(|(_, json)| (self.test)(json));
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
        kind: &'static str,
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
    }

    fn item(kind: &'static str, n: u32) -> Item {
        Item { meta: Meta { kind }, n }
    }

    #[test]
    fn fields_are_taken_skipped_split_or_chosen_by_their_items() {
        let top = Top {
            name: "t",
            items: vec![item("x", 1), item("a", 2)],
            empty: vec![],
            maybe: Some(item("b", 3)),
            group: Group { objects: vec![Object { obj: Res { res: Meta { kind: "c" } } }], other: vec![item("d", 5)] },
        };
        let wants = |json: &str| json.contains("\"kind\":\"a\"") || json.contains("\"kind\":\"c\"");
        let parts = split(&top, &|group, field| match (group, field) {
            ("", "name") => Choice::Take,
            ("", "group") => Choice::Split,
            _ => Choice::IfAny(Box::new(wants)),
        });
        let got: Vec<(&str, &str)> = parts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        assert_eq!(
            got,
            [
                ("name", "\"t\""),
                ("items", r#"[{"meta":{"kind":"x"},"n":1},{"meta":{"kind":"a"},"n":2}]"#),
                ("group.objects", r#"[{"obj":{"res":{"kind":"c"}}}]"#),
            ]
        );
    }
}
