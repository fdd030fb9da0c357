//! JSON form of the three-valued fields (see `docs/model.md`): every field says its state
//! (`known`, `unknown` or `absent`), its value when known, where it is written and, when the
//! value came from elsewhere, where.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{Field, Tri};

impl<T> Tri<T> {
    /// `known`, `unknown` or `absent`.
    pub fn state(&self) -> &'static str {
        match self {
            Tri::Absent => "absent",
            Tri::Unknown => "unknown",
            Tri::Known(_) => "known",
        }
    }
}

impl<T: Serialize> Serialize for Tri<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Tri", 2)?;
        st.serialize_field("state", self.state())?;
        match self {
            Tri::Known(v) => st.serialize_field("value", v)?,
            _ => st.skip_field("value")?,
        }
        st.end()
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Field", 4)?;
        st.serialize_field("state", self.value.state())?;
        match &self.value {
            Tri::Known(v) => st.serialize_field("value", v)?,
            _ => st.skip_field("value")?,
        }
        st.serialize_field("span", &self.span)?;
        match &self.origin {
            Some(o) => st.serialize_field("origin", o)?,
            None => st.skip_field("origin")?,
        }
        st.end()
    }
}
