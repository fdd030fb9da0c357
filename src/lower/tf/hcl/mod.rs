//! HCL modules: parsing with spans, module trees, and three-valued evaluation.
