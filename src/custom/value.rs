//! Model values turned into the interpreter's values directly, without a JSON text in between:
//! the same value that serialising to JSON and parsing it gives (`serde_json`'s layout), built
//! in one pass. Object keys (field names) and repeated strings (file names of spans) are shared
//! rather than allocated again for each object.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashSet};
use regorus::{Rc, Value};
use serde::Serialize;
use serde::ser::{self, Error as _};

/// Serialisation errors (a map key that is not a string or a number).
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// Builds values; the strings it has made are shared by the values it makes next.
#[derive(Default)]
pub struct Builder {
    /// Field names, by address (they are `&'static str`).
    keys: HashMap<(usize, usize), Value>,
    /// Short strings made so far.
    strings: HashSet<Rc<str>>,
}

/// Strings up to this length are shared (names, ids, file names); longer ones are mostly
/// unique (texts, policy documents).
const SHARED_STRING_LEN: usize = 160;

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// The value of `v`, as JSON has it.
    pub fn value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<Value, Error> {
        v.serialize(&mut *self)
    }

    /// A field name as a value.
    pub fn key(&mut self, k: &'static str) -> Value {
        self.keys.entry((k.as_ptr() as usize, k.len())).or_insert_with(|| Value::from(k)).clone()
    }

    /// A string as a value, shared with the equal strings made before when it is short.
    pub fn string(&mut self, s: &str) -> Value {
        if s.len() > SHARED_STRING_LEN {
            return Value::from(s);
        }
        if let Some(rc) = self.strings.get(s) {
            return Value::String(rc.clone());
        }
        let rc: Rc<str> = Rc::from(s);
        self.strings.insert(rc.clone());
        Value::String(rc)
    }
}

fn float(f: f64) -> Value {
    // JSON has no text for them: `serde_json` writes `null`.
    if f.is_finite() { Value::from(f) } else { Value::Null }
}

impl<'b> ser::Serializer for &'b mut Builder {
    type Ok = Value;
    type Error = Error;
    type SerializeSeq = Seq<'b>;
    type SerializeTuple = Seq<'b>;
    type SerializeTupleStruct = Seq<'b>;
    type SerializeTupleVariant = Variant<Seq<'b>>;
    type SerializeMap = Map<'b>;
    type SerializeStruct = Struct<'b>;
    type SerializeStructVariant = Variant<Struct<'b>>;

    fn serialize_bool(self, v: bool) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, Error> {
        Ok(Value::from(i64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, Error> {
        Ok(Value::from(i64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, Error> {
        Ok(Value::from(i64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Value, Error> {
        Ok(Value::from(u64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, Error> {
        Ok(Value::from(u64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, Error> {
        Ok(Value::from(u64::from(v)))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_f32(self, v: f32) -> Result<Value, Error> {
        Ok(float(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<Value, Error> {
        Ok(float(v))
    }
    fn serialize_char(self, v: char) -> Result<Value, Error> {
        Ok(self.string(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<Value, Error> {
        Ok(self.string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, Error> {
        Ok(Value::from(v.iter().map(|b| Value::from(u64::from(*b))).collect::<Vec<_>>()))
    }
    fn serialize_none(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Value, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Value, Error> {
        Ok(self.key(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<Value, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Value, Error> {
        let k = self.key(variant);
        let v = value.serialize(&mut *self)?;
        Ok(Value::from(BTreeMap::from([(k, v)])))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'b>, Error> {
        Ok(Seq { b: self, items: Vec::with_capacity(len.unwrap_or(0)) })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'b>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'b>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Seq<'b>>, Error> {
        let key = self.key(variant);
        Ok(Variant { key, inner: self.serialize_seq(Some(len))? })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'b>, Error> {
        Ok(Map { b: self, entries: BTreeMap::new(), key: None })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Struct<'b>, Error> {
        Ok(Struct { b: self, entries: BTreeMap::new() })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Struct<'b>>, Error> {
        let key = self.key(variant);
        Ok(Variant { key, inner: self.serialize_struct(variant, len)? })
    }
}

pub struct Seq<'b> {
    b: &'b mut Builder,
    items: Vec<Value>,
}

impl Seq<'_> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.b)?;
        self.items.push(v);
        Ok(())
    }
}

/// A sequence's serializer traits: each element is pushed, the end makes an array.
macro_rules! sequence {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Seq<'_> {
            type Ok = Value;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }
            fn end(self) -> Result<Value, Error> {
                Ok(Value::from(self.items))
            }
        })*
    };
}

sequence!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field);

pub struct Struct<'b> {
    b: &'b mut Builder,
    entries: BTreeMap<Value, Value>,
}

impl Struct<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let k = self.b.key(key);
        let v = value.serialize(&mut *self.b)?;
        self.entries.insert(k, v);
        Ok(())
    }
}

impl ser::SerializeStruct for Struct<'_> {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::from(self.entries))
    }
}

/// An enum variant with data: `{"Variant": data}`.
pub struct Variant<T> {
    key: Value,
    inner: T,
}

impl ser::SerializeTupleVariant for Variant<Seq<'_>> {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.inner.push(value)
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::from(BTreeMap::from([(self.key, Value::from(self.inner.items))])))
    }
}

impl ser::SerializeStructVariant for Variant<Struct<'_>> {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.inner.field(key, value)
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::from(BTreeMap::from([(self.key, Value::from(self.inner.entries))])))
    }
}

pub struct Map<'b> {
    b: &'b mut Builder,
    entries: BTreeMap<Value, Value>,
    key: Option<Value>,
}

impl ser::SerializeMap for Map<'_> {
    type Ok = Value;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // JSON object keys are strings: numbers and booleans are written as text.
        let k = match key.serialize(&mut *self.b)? {
            s @ Value::String(_) => s,
            n @ (Value::Number(_) | Value::Bool(_)) => {
                let text = n.to_json_str().map_err(|e| Error::custom(e.to_string()))?;
                self.b.string(&text)
            }
            _ => return Err(Error::custom("a map key must be a string or a number")),
        };
        self.key = Some(k);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let k = self.key.take().ok_or_else(|| Error::custom("a map value without a key"))?;
        let v = value.serialize(&mut *self.b)?;
        self.entries.insert(k, v);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::from(self.entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u32),
        Tuple(u8, bool),
        Struct { a: Option<f64> },
    }

    #[derive(Serialize)]
    struct S {
        name: String,
        n: i64,
        f: f64,
        list: Vec<E>,
        map: BTreeMap<u32, char>,
        pair: (String, ()),
        nan: f32,
    }

    #[test]
    fn values_are_those_of_the_json_text() {
        let s = S {
            name: "x\"y".into(),
            n: -3,
            f: 2.5,
            list: vec![E::Unit, E::New(7), E::Tuple(1, true), E::Struct { a: None }, E::Struct { a: Some(1.0) }],
            map: BTreeMap::from([(2, 'b'), (10, 'a')]),
            pair: ("p".into(), ()),
            nan: f32::NAN,
        };
        let direct = Builder::new().value(&s).unwrap();
        let parsed = Value::from_json_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(direct, parsed);
        assert_eq!(direct.to_json_str().unwrap(), parsed.to_json_str().unwrap());
    }

    #[test]
    fn equal_short_strings_are_one_allocation() {
        let mut b = Builder::new();
        let (Value::String(x), Value::String(y)) = (b.string("file.yaml"), b.string("file.yaml")) else {
            panic!("strings")
        };
        assert!(Rc::ptr_eq(&x, &y));
    }
}
