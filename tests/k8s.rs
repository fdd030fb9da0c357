//! Kubernetes manifests through the whole pipeline: the security guide's examples, objects
//! spread over several files, mixed CloudFormation and Kubernetes scans, Helm templates.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use palisade::report::ScanReport;
use palisade::scan::{ScanOptions, scan, scan_source};
use palisade::source::SourceFile;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn scan_paths(paths: &[PathBuf]) -> ScanReport {
    let opts = ScanOptions { paths: paths.to_vec(), ..ScanOptions::default() };
    scan(&opts).unwrap()
}

/// (file name, line, rule id) of every finding.
fn findings(r: &ScanReport) -> BTreeSet<(String, u32, &str)> {
    r.findings
        .iter()
        .map(|f| {
            let name = Path::new(&*f.location.file).file_name().unwrap().to_string_lossy().into_owned();
            (name, f.location.span.line, &*f.rule.id)
        })
        .collect()
}

fn set(items: &[(&str, u32, &'static str)]) -> BTreeSet<(String, u32, &'static str)> {
    items.iter().map(|(f, l, id)| (f.to_string(), *l, *id)).collect()
}

const SEED_POD: &str = "seed-namespace-pod.yaml";
const SEED_NETPOL: &str = "seed-network-policy.yaml";

#[test]
fn seed_pod_passes_the_restricted_controls_it_sets() {
    let r = scan_paths(&[root().join("tests/k8s").join(SEED_POD)]);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.files_scanned, 1);
    let got = findings(&r);
    let want = set(&[
        // The namespace enforces restricted, but has no default-deny NetworkPolicy.
        (SEED_POD, 5, "PAL-K8S-030"),
        (SEED_POD, 5, "PAL-K8S-031"),
        // The pod: admission into the restricted namespace fails on seccomp alone.
        (SEED_POD, 14, "PAL-K8S-019"),
        (SEED_POD, 14, "PAL-K8S-021"),
        (SEED_POD, 14, "PAL-K8S-025"),
        (SEED_POD, 22, "PAL-K8S-016"),
        (SEED_POD, 22, "PAL-K8S-020"),
        (SEED_POD, 22, "PAL-K8S-024"),
        (SEED_POD, 23, "PAL-K8S-022"),
        (SEED_POD, 23, "PAL-K8S-027"),
    ]);
    assert_eq!(got, want);
    // The restricted controls the example sets are met: runAsNonRoot, runAsUser,
    // allowPrivilegeEscalation, capabilities; and every baseline control.
    for id in ["PAL-K8S-013", "PAL-K8S-014", "PAL-K8S-015", "PAL-K8S-017", "PAL-K8S-018"] {
        assert!(!r.findings.iter().any(|f| f.rule.id == id), "{id} reported");
    }
    let admission = r.findings.iter().find(|f| f.rule.id == "PAL-K8S-019").unwrap();
    assert_eq!(
        admission.message(),
        "namespace `secure-namespace` enforces `restricted`: admission would reject it (control violated: Seccomp (restricted))"
    );
    assert_eq!(admission.related[0].location.span.line, 7, "the enforce label");
    let image = r.findings.iter().find(|f| f.rule.id == "PAL-K8S-022").unwrap();
    assert_eq!(image.message(), "Pod `secure-pod`: container `app` uses image `nginx:latest`");
    assert_eq!(&*image.resource.as_ref().unwrap().id, "Pod/secure-namespace/secure-pod");
}

#[test]
fn seed_network_policy_alone_reports_nothing_and_with_the_pod_selects_nothing() {
    let r = scan_paths(&[root().join("tests/k8s").join(SEED_NETPOL)]);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.files_scanned, 1);
    assert!(r.findings.is_empty(), "{:?}", findings(&r));

    // Together with the pod (another file): the policy selects `app: secure-app`, the pod has
    // no labels, so the policy protects nothing and the pod is not isolated.
    let r = scan_paths(&[root().join("tests/k8s")]);
    let got = findings(&r);
    assert!(got.contains(&(SEED_NETPOL.to_string(), 5, "PAL-K8S-033")), "{got:?}");
    assert!(got.contains(&(SEED_POD.to_string(), 14, "PAL-K8S-032")), "{got:?}");
    // The policy is not a default deny (it selects some pods and has rules).
    assert!(got.contains(&(SEED_POD.to_string(), 5, "PAL-K8S-030")), "{got:?}");
    assert!(got.contains(&(SEED_POD.to_string(), 5, "PAL-K8S-031")), "{got:?}");
    // Both files hold findings, so both are available for snippets.
    assert_eq!(r.files.len(), 2);
}

#[test]
fn objects_in_other_files_govern_workloads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ns.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pod.json"),
        r#"{"apiVersion": "v1", "kind": "List", "items": [
  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "apps"},
   "spec": {"hostNetwork": true, "containers": [{"name": "c", "image": "busybox:1.36"}]}}
]}
"#,
    )
    .unwrap();
    let r = scan_paths(&[dir.path().to_path_buf()]);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.files_scanned, 2);
    let f = r.findings.iter().find(|f| f.rule.id == "PAL-K8S-019").expect("admission finding");
    assert!(f.location.file.ends_with("pod.json"), "{}", f.location.file);
    assert_eq!(f.location.span.line, 2);
    assert!(
        f.message().contains("enforces `baseline`") && f.message().contains("Host Namespaces (baseline)"),
        "{}",
        f.message()
    );
    assert!(f.related[0].location.file.ends_with("ns.yaml"));
    assert_eq!(f.related[0].location.span.line, 6);
    let host = r.findings.iter().find(|f| f.rule.id == "PAL-K8S-002").unwrap();
    assert_eq!(host.location.span.line, 3);
}

#[test]
fn scan_source_checks_one_file_as_a_whole() {
    let text = std::fs::read_to_string(root().join("tests/k8s").join(SEED_POD)).unwrap();
    let opts = ScanOptions { select: vec!["PAL-K8S-019".into()], ..ScanOptions::default() };
    let r = scan_source(SourceFile::new("seed.yaml", text), &opts).unwrap();
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].location.span.line, 14);
    assert!(r.files.contains_key("seed.yaml"));
}

#[test]
fn unrendered_helm_templates_are_reported_without_stopping_the_scan() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("chart/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("deployment.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"app.fullname\" . }}\nspec:\n  {{- with .Values.replicas }}\n  replicas: {{ . }}\n  {{- end }}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n",
    )
    .unwrap();
    let r = scan_paths(&[dir.path().to_path_buf()]);
    assert_eq!(r.files_scanned, 1);
    assert!(r.findings.iter().any(|f| f.rule.id == "PAL-K8S-022"));
    assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
    let d = &r.diagnostics[0];
    assert!(d.file.ends_with("chart/templates/deployment.yaml"), "{}", d.file);
    assert!(d.message.en().starts_with("looks like an unrendered Helm template; render it with `helm template` first"));
    assert!(!d.is_error(), "a template is not a broken file");

    // A manifest that does not parse (and is no template) is an error.
    std::fs::write(dir.path().join("broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: [\n").unwrap();
    let r = scan_paths(&[dir.path().to_path_buf()]);
    assert!(r.diagnostics.iter().any(|d| d.is_error() && d.file.ends_with("broken.yaml")), "{:?}", r.diagnostics);
}

fn palisade(args: &[&str], dir: &Path) -> (i32, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn one_run_reports_cloudformation_and_kubernetes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("stack.yaml"),
        "Resources:\n  Repo:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n",
    )
    .unwrap();
    std::fs::copy(root().join("tests/k8s").join(SEED_POD), dir.path().join("pod.yaml")).unwrap();
    let (code, text) = palisade(&["scan", "."], dir.path());
    assert_eq!(code, 1);
    assert!(text.contains("stack.yaml:5:22: PAL-S3-008"), "{text}");
    assert!(text.contains("pod.yaml:23:12: PAL-K8S-022"), "{text}");
    assert!(text.contains("image: nginx:latest"), "{text}");

    let (_, json) = palisade(&["scan", ".", "--format", "json"], dir.path());
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["files_scanned"], 2);
    let ids: BTreeSet<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["rule_id"].as_str().unwrap()).collect();
    assert!(ids.contains("PAL-S3-008") && ids.contains("PAL-K8S-022"), "{ids:?}");

    let (_, sarif) = palisade(&["scan", ".", "--format", "sarif"], dir.path());
    let v: Value = serde_json::from_str(&sarif).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "PAL-K8S-022"));
    assert!(results.iter().any(|r| r["ruleId"] == "PAL-S3-008"));
}

#[test]
fn rules_json_shows_the_pss_profile() {
    let (code, out) = palisade(&["rules", "--format", "json"], &root());
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let rule = |id: &str| v.as_array().unwrap().iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(rule("PAL-K8S-003")["pss_profile"], "baseline");
    assert_eq!(rule("PAL-K8S-016")["pss_profile"], "restricted");
    assert_eq!(rule("PAL-K8S-016")["controls"], serde_json::json!(["APP-01", "APP-03"]));
    assert!(rule("PAL-K8S-022").get("pss_profile").is_none());
    assert!(rule("PAL-S3-001").get("pss_profile").is_none());
}

#[test]
fn kubernetes_examples_behave_as_described() {
    let r = scan_paths(&[root().join("examples/secure-kubernetes.yaml")]);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert!(r.findings.is_empty(), "{:?}", findings(&r));
    let r = scan_paths(&[root().join("examples/insecure-kubernetes.yaml")]);
    let ids: BTreeSet<&str> = r.findings.iter().map(|f| &*f.rule.id).collect();
    for id in [
        "PAL-K8S-002", // hostPID
        "PAL-K8S-003", // privileged
        "PAL-K8S-016", // no seccomp profile
        "PAL-K8S-019", // the restricted namespace would reject both pods
        "PAL-K8S-022", // nginx:latest, busybox
        "PAL-K8S-026", // DB_PASSWORD literal
        "PAL-K8S-044", // cluster-admin to a service account
    ] {
        assert!(ids.contains(id), "{id} missing from {ids:?}");
    }
}

#[test]
fn values_of_the_wrong_type_or_templated_are_unknown_not_findings() {
    let text = r#"apiVersion: v1
kind: Pod
metadata:
  name: odd
  namespace: "{{ .Release.Namespace }}"
spec:
  hostNetwork: "true"
  hostPID: yes
  securityContext:
    runAsNonRoot: "{{ .Values.nonRoot }}"
    runAsUser: "0"
    seccompProfile: RuntimeDefault
    sysctls: kernel.msgmax
  volumes: {data: {hostPath: {path: /}}}
  containers:
    - name: app
      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
      securityContext:
        privileged: "true"
        allowPrivilegeEscalation: "{{ .Values.escalate }}"
        readOnlyRootFilesystem: 1
        capabilities:
          add: SYS_ADMIN
          drop: "{{ .Values.drop }}"
      ports: [{containerPort: 80, hostPort: "{{ .Values.port }}"}]
      env:
        - name: DB_PASSWORD
          value: "{{ .Values.password }}"
      resources: "{{ toYaml .Values.resources }}"
    - "not a container"
    - name: second
      securityContext: [1, 2]
---
apiVersion: v1
kind: List
items: {not: a list}
---
apiVersion: v1
kind: Namespace
metadata: [odd]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p}
spec:
  podSelector: {matchLabels: "{{ .Values.labels }}"}
  policyTypes: Ingress
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: b}
roleRef: cluster-admin
subjects: {kind: Group}
"#;
    let r = scan_source(SourceFile::new("odd.yaml", text.to_string()), &ScanOptions::default()).unwrap();
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert_eq!(r.files_scanned, 1);
    let ids: BTreeSet<&str> = r.findings.iter().map(|f| &*f.rule.id).collect();
    // Nothing written above decides a host namespace, a privilege, a capability, a user, a
    // seccomp profile, a secret, an image, a namespace label or a binding.
    for id in [
        "PAL-K8S-002",
        "PAL-K8S-003",
        "PAL-K8S-004",
        "PAL-K8S-005",
        "PAL-K8S-006",
        "PAL-K8S-011",
        "PAL-K8S-013",
        "PAL-K8S-014",
        "PAL-K8S-015",
        "PAL-K8S-016",
        "PAL-K8S-017",
        "PAL-K8S-018",
        "PAL-K8S-020",
        "PAL-K8S-022",
        "PAL-K8S-023",
        "PAL-K8S-026",
        "PAL-K8S-044",
    ] {
        assert!(!ids.contains(id), "{id} reported: {:?}", r.findings.iter().map(|f| f.message()).collect::<Vec<_>>());
    }
}

#[test]
fn allowed_registries_come_from_the_scan_options() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: ghcr.io/my-org/a:1}\n  - {name: b, image: ghcr.io/other/b:1}\n  - {name: c, image: nginx:1.27}\n";
    let run = |allowed: &[&str]| {
        let opts = ScanOptions {
            select: vec!["k8s-image-registry".into()],
            allowed_registries: allowed.iter().map(|s| s.to_string()).collect(),
            ..ScanOptions::default()
        };
        let r = scan_source(SourceFile::new("p.yaml", text.to_string()), &opts).unwrap();
        r.findings.iter().map(|f| f.location.span.line).collect::<Vec<_>>()
    };
    assert_eq!(run(&[]), vec![8]);
    assert_eq!(run(&["ghcr.io/my-org"]), vec![7, 8]);
    assert_eq!(run(&["ghcr.io", "docker.io/library"]), Vec::<u32>::new());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), text).unwrap();
    let (_, out) = palisade(
        &["scan", ".", "--select", "PAL-K8S-027", "--allowed-registry", "ghcr.io/my-org,docker.io", "--format", "json"],
        dir.path(),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let lines: Vec<u64> = v["findings"].as_array().unwrap().iter().map(|f| f["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, vec![7]);
}

#[test]
fn kustomize_patches_are_merged_into_their_bases_or_judged_as_fragments() {
    let dir = root().join("tests/k8s-kustomize");
    let r = scan_paths(&[dir]);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let got = findings(&r);
    let want = set(&[
        // The base, hardened by `hardening.yaml` for container `web`: only what no patch sets.
        ("deployment.yaml", 4, "PAL-K8S-021"),
        ("deployment.yaml", 4, "PAL-K8S-030"),
        ("deployment.yaml", 4, "PAL-K8S-031"),
        // Container `sidecar` is not hardened: reported where the base defines it.
        ("deployment.yaml", 16, "PAL-K8S-013"),
        ("deployment.yaml", 16, "PAL-K8S-017"),
        ("deployment.yaml", 16, "PAL-K8S-020"),
        ("deployment.yaml", 16, "PAL-K8S-024"),
        // What a patch sets is real, wherever its base is.
        ("ops.yaml", 11, "PAL-K8S-003"),
        ("orphan.yaml", 11, "PAL-K8S-003"),
        // A kubeadm patch: the image it names, nothing about what it leaves to the base.
        ("kube-apiserver0+strategic.yaml", 9, "PAL-K8S-023"),
    ]);
    assert_eq!(got, want);
    // The merged Deployment is the base's object; no patch is an object of its own.
    let resources: BTreeSet<&str> = r.findings.iter().filter_map(|f| f.resource.as_ref().map(|x| &*x.id)).collect();
    assert!(resources.contains("Deployment/web"), "{resources:?}");
    assert!(!resources.iter().any(|id| id.contains("not-used")), "{resources:?}");
    assert!(!resources.iter().any(|id| id.starts_with("Kustomization")), "{resources:?}");
}

#[test]
fn inline_kustomize_patches_select_their_bases_by_label_kind_and_name() {
    let dir = root().join("tests/k8s-kustomize-inline");
    let r = scan_paths(std::slice::from_ref(&dir));
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let base = scan_paths(&[dir.join("base")]);
    // The api matches `tier in (backend,edge),!canary` and not `app=api,track=canary`: its base
    // findings stay (the near miss hardens nothing), and the privileged container the
    // selected patch sets is reported at the patch.
    let mut want: BTreeSet<(String, u32, &str)> = base
        .findings
        .iter()
        .filter(|f| f.resource.as_ref().is_some_and(|x| &*x.id == "Deployment/api"))
        .map(|f| ("workloads.yaml".to_string(), f.location.span.line, &*f.rule.id))
        .collect();
    assert!(want.len() > 3, "{want:?}");
    want.insert(("kustomization.yaml".into(), 9, "PAL-K8S-003"));
    // The worker, selected by kind and name, is hardened but for what no patch sets.
    want.insert(("workloads.yaml".into(), 21, "PAL-K8S-021"));
    assert_eq!(findings(&r), want);
    // The list of operations is no object, and nothing is reported as a kustomization.
    let resources: BTreeSet<&str> = r.findings.iter().filter_map(|f| f.resource.as_ref().map(|x| &*x.id)).collect();
    assert_eq!(resources, BTreeSet::from(["Deployment/api", "Deployment/worker"]));
}

#[test]
fn a_patch_alone_reports_only_what_it_sets() {
    // Without the kustomization, the shape says it: a container without an image cannot be
    // created, so the object is a patch of one defined elsewhere.
    let r = scan_paths(&[root().join("tests/k8s-kustomize/overlays/prod/hardening.yaml")]);
    assert!(findings(&r).is_empty(), "{:?}", findings(&r));
    let r = scan_paths(&[root().join("tests/k8s-kustomize/overlays/prod/orphan.yaml")]);
    assert_eq!(findings(&r), set(&[("orphan.yaml", 11, "PAL-K8S-003")]));
}

#[test]
fn a_kustomization_patches_only_the_objects_of_its_resources() {
    let d = tempfile::tempdir().unwrap();
    let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n";
    for dir in ["base", "other", "overlay"] {
        std::fs::create_dir_all(d.path().join(dir)).unwrap();
    }
    std::fs::write(d.path().join("base/deployment.yaml"), deployment).unwrap();
    // Another application's Deployment of the same name, not among the overlay's resources.
    std::fs::write(d.path().join("other/deployment.yaml"), deployment).unwrap();
    std::fs::write(
        d.path().join("overlay/kustomization.yaml"),
        "resources:\n  - ../base/deployment.yaml\npatches:\n  - path: privileged.yaml\n    target: {kind: Deployment, name: web}\n",
    )
    .unwrap();
    std::fs::write(
        d.path().join("overlay/privileged.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            privileged: true\n",
    )
    .unwrap();
    let all = scan_paths(&[d.path().to_path_buf()]);
    let privileged: Vec<String> = all
        .findings
        .iter()
        .filter(|f| f.rule.id == "PAL-K8S-003")
        .map(|f| format!("{}:{}", f.location.file, f.location.span.line))
        .collect();
    assert_eq!(privileged.len(), 1, "{privileged:?}");
    assert!(privileged[0].ends_with("privileged.yaml:11"), "{privileged:?}");
    // The other Deployment is judged as written, as if the overlay were not there.
    let alone = scan_paths(&[d.path().join("other")]);
    let of_other = |r: &ScanReport| -> BTreeSet<(u32, String)> {
        r.findings
            .iter()
            .filter(|f| f.location.file.ends_with("other/deployment.yaml"))
            .map(|f| (f.location.span.line, f.rule.id.to_string()))
            .collect()
    };
    assert_eq!(of_other(&all), of_other(&alone));
}
