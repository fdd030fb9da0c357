//! The JSON document of a model, as `palisade model` prints it and custom rules read it.

use serde_json::{Map, Value};

/// Version of the document's layout: the major part changes when a consumer could break.
pub const SCHEMA_VERSION: &str = "1.0";

/// Leaves out the empty collections of the model (and of its `monitoring` and `k8s` groups),
/// so that a document shows what its files contain. Values of fields are never touched.
pub fn prune(model: &mut Value) {
    fn prune_map(m: &mut Map<String, Value>) {
        m.retain(|_, v| match v {
            Value::Null => false,
            Value::Array(a) => !a.is_empty(),
            _ => true,
        });
    }
    let Some(m) = model.as_object_mut() else { return };
    for group in ["monitoring", "k8s"] {
        if let Some(Value::Object(g)) = m.get_mut(group) {
            prune_map(g);
            if g.is_empty() {
                m.remove(group);
            }
        }
    }
    prune_map(m);
}
