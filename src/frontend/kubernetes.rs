//! Kubernetes manifests: every manifest of a scan forms one unit, since namespaces, network
//! policies, service accounts and RBAC objects govern workloads defined in other files.

use std::sync::Arc;

use super::{LoadOptions, Unit};
use crate::diagnostic::DiagnosticKind;
use crate::lower::k8s;
use crate::model::Model;
use crate::model::k8s::{Annotation, K8sObjects, ObjectMeta};
use crate::source::SourceFile;
use crate::suppress::{Suppression, annotation_suppressions};
use crate::value::{Document, Node};

/// The Kubernetes frontend.
pub struct Kubernetes;

impl super::Frontend for Kubernetes {
    fn name(&self) -> &'static str {
        "kubernetes"
    }

    fn recognises(&self, root: &Node) -> bool {
        k8s::is_input(root)
    }

    fn parse_failure(
        &self,
        text: &str,
        message: &crate::i18n::Message,
    ) -> Option<(DiagnosticKind, crate::i18n::Message)> {
        if k8s::looks_like_helm_template(text) {
            Some((DiagnosticKind::NotAnalysed, msg!("diag-helm-template", detail = message)))
        } else if k8s::looks_like_manifest(text) {
            Some((DiagnosticKind::Parse, msg!("diag-syntax-error", detail = message)))
        } else {
            None
        }
    }

    fn lower(&self, doc: Arc<Document>, src: &Arc<SourceFile>, _opts: &LoadOptions) -> Unit {
        let file: Arc<str> = src.display_path().into();
        let mut objects = K8sObjects::default();
        let diagnostics = k8s::lower_reporting(&doc.root, &file, &mut objects);
        if k8s::kustomize::is_kubeadm_patch(&src.path) {
            // kubeadm merges these into the manifests it generates: fragments.
            k8s::make_fragments(&mut objects);
        }
        let suppressions = annotation_suppressions_of(&objects);
        let model = Model { file, k8s: objects, ..Model::default() };
        let mut unit = Unit::single(self.name(), src, model);
        unit.suppressions = suppressions;
        unit.diagnostics = diagnostics;
        // The documents of every manifest would have to be kept until the scan-wide unit is
        // judged; they are not: whoever needs them reads the files again.
        drop(doc);
        unit
    }

    fn scan_wide(&self) -> bool {
        true
    }

    fn absorb(&self, into: &mut Unit, mut unit: Unit) -> Option<Unit> {
        // Units of one file share their source; their objects, suppressions and diagnostics
        // are kept in order, as `merge` would keep them.
        into.suppressions.append(&mut unit.suppressions);
        into.diagnostics.append(&mut unit.diagnostics);
        let objects = std::mem::take(&mut unit.variants[0].k8s);
        into.variants[0].k8s.append(objects);
        None
    }

    fn merge(&self, units: Vec<Unit>, opts: &LoadOptions) -> Vec<Unit> {
        let mut units = units.into_iter();
        let Some(mut all) = units.next() else { return Vec::new() };
        let mut parts = vec![std::mem::take(&mut all.variants[0].k8s)];
        for u in units {
            for s in u.sources {
                if !all.sources.iter().any(|k| Arc::ptr_eq(k, &s)) {
                    all.sources.push(s);
                }
            }
            all.suppressions.extend(u.suppressions);
            all.diagnostics.extend(u.diagnostics);
            parts.extend(u.variants.into_iter().map(|m| m.k8s));
        }
        let objects = &mut all.variants[0].k8s;
        *objects = K8sObjects::gather(parts);
        let limits = &opts.limits;
        k8s::kustomize::apply(objects, &all.sources, &|src| super::parse_source(src, limits).ok());
        objects.allowed_registries = opts.allowed_registries.clone();
        let first = objects
            .workloads
            .first()
            .map(|w| w.obj.file.clone())
            .or_else(|| objects.others.first().map(|o| o.file.clone()))
            .unwrap_or_else(|| all.name.clone());
        all.variants[0].file = first.clone();
        all.name = first;
        vec![all]
    }
}

/// Suppressions from `palisade.dev/ignore` annotations of Kubernetes objects (the object's
/// own, and for workloads those of the pods they create).
fn annotation_suppressions_of(objects: &K8sObjects) -> Vec<Suppression> {
    let mut metas: Vec<(&ObjectMeta, &[Annotation])> = Vec::new();
    metas.extend(objects.namespaces.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.workloads.iter().map(|o| (&o.obj, o.pod_annotations.as_slice())));
    metas.extend(objects.network_policies.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.roles.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.bindings.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.service_accounts.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.secrets.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.config_maps.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.others.iter().map(|o| (o, &[][..])));
    let mut out = Vec::new();
    for (meta, pod) in metas {
        let annotations = meta.annotations.iter().chain(pod).map(|a| (a.key.as_str(), a.value.as_str(), a.span));
        out.extend(annotation_suppressions(&meta.file, &meta.res.id, annotations));
    }
    out
}
