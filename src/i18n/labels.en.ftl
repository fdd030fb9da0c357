# Labels of reports, of the posture scorecard and of the rule documentation, in English.

finding-when = { $message } (when { $condition })

## Rule documentation (`palisade rule ID`).
doc-severity = Severity
doc-layer = Layer
doc-service = Service
doc-controls = Controls
doc-well-architected = Well-Architected
doc-resource-types = Resource types
doc-why = Why
doc-fix = Fix
doc-failing-example = Failing example
doc-passing-example = Passing example

## Rule listing (`palisade rules`).
rules-title = TITLE
rules-count = { $count } rules. `palisade rule ID` shows one rule's documentation.

## Severities and defense-in-depth layers, as summaries name them.
severity-critical = critical
severity-high = high
severity-medium = medium
severity-low = low
severity-info = info
layer-network = Network
layer-identity = Identity
layer-application = Application
layer-data = Data
layer-monitoring = Monitoring

## Posture scorecard (`palisade posture`).
posture-scorecard = Defense-in-depth scorecard ({ $files } file(s) analysed)
posture-layer = { $layer } layer: { $score }
posture-layer-score = { $score }% (share of passing resources averaged over { $evaluated } control(s); { $passed }/{ $evaluated } controls pass outright)
posture-layer-not-evidenced = not evidenced
posture-services = services
posture-findings = { $count } finding(s)
posture-account-baseline = account baseline
posture-resources-undecided = { $count }/{ $total } resources undecided:{" "}
posture-resources-fail = { $count }/{ $total } resources fail:{" "}
posture-and-more = … and { $count } more
posture-missing = missing
posture-undecided = undecided
posture-not-covered = not covered
posture-pass = PASS
posture-fail = FAIL
posture-not-evidenced = n/a
posture-unknown = UNKNOWN
posture-checked-by = checked by { $rules }
posture-wa-coverage = Well-Architected Security Pillar coverage
posture-wa-not-checkable = not machine-checkable
posture-wa-no-evidence = no evidence in the scan ({ $by })
posture-wa-passed-failed = { $passed } passed, { $failed } failed ({ $by })
posture-wa-summary = { $total } practices: { $pass } pass, { $fail } fail, { $none } without evidence in the scan, { $unchecked } not machine-checkable
posture-baseline-trail = CloudTrail trail recording API activity
posture-baseline-alarms = CloudWatch alarms on security metric filters (CIS monitoring set)
posture-baseline-hub = Security Hub with standards
posture-baseline-detector = GuardDuty detector
posture-baseline-recorder = AWS Config recorder with a delivery channel
posture-baseline-analyzer = IAM Access Analyzer analyzer
posture-baseline-backup = AWS Backup plan
posture-baseline-flowlogs = Flow logs for every VPC
posture-baseline-unanswered = the snapshot has no answer to { $calls }: whether it is set up is unknown

## Text report.
text-when = when
text-resource = resource
text-related = related
text-fix = fix
text-docs = docs
text-files = { $count ->
    [one] { $count } file
   *[other] { $count } files
}
text-no-findings = No findings in { $files }.
text-files-with-errors = { $count ->
    [one] { $count } file with errors.
   *[other] { $count } files with errors.
}
text-findings = { $count ->
    [one] { $count } finding
   *[other] { $count } findings
}
text-by-layer = By layer
text-layer-network = network
text-layer-identity = identity
text-layer-application = application
text-layer-data = data
text-layer-monitoring = monitoring
text-scanned = { $count ->
    [one] { $files } scanned, { $count } file with errors.
   *[other] { $files } scanned, { $count } files with errors.
}

## Markdown report.
md-title = Palisade security report
md-no-findings = No findings in { $files } file(s).
md-findings-in-files = **{ $count } finding(s)** in { $files } file(s).
md-severity = severity
md-findings = findings
md-layer = layer
md-rule = rule
md-location = location
md-message = message
md-and-more = …and { $count } more; run `palisade scan` for the full report.
md-how-to-fix = How to fix
md-errors = { $count } file(s) could not be read or parsed.

## JUnit report.
junit-fix = fix
text-suppressed = { $count ->
    [one] { $count } finding suppressed: { $parts }.
   *[other] { $count } findings suppressed: { $parts }.
}
text-suppressed-inline = { $count } inline
text-suppressed-config = { $count } by the configuration
text-suppressed-baseline = { $count } by the baseline
text-fixable = { $count ->
    [one] { $count } of these findings has a mechanical fix: `--show-fixes` prints it as a diff.
   *[other] { $count } of these findings have a mechanical fix: `--show-fixes` prints it as a diff.
}
text-no-fix = No mechanical fix for these findings.
text-fixes = Fixes (apply with `git apply`, then scan again):
doc-compliance = Compliance
doc-not-in-catalogue = (not in the catalogue)

## Compliance framework coverage (`palisade posture --framework`).
framework-coverage = { $name } coverage ({ $files } file(s) analysed)
framework-not-decidable = not decidable by Palisade
framework-domain-counts = { $evidenced } of { $decidable } decidable requirements evidenced: { $pass } pass, { $fail } fail
framework-passed = { $passed } check(s) passed ({ $by })
framework-passed-failed = { $passed } check(s) passed, { $failed } failed ({ $by })
framework-organisational = not decidable by Palisade (organisational)
framework-no-rule = not decidable by Palisade (no rule)
framework-more-findings = … and { $count } more finding(s)
framework-summary = { $total } requirements: { $evidenced } evidenced ({ $pass } pass, { $fail } fail), { $none } without evidence in the scan, { $undecidable } not decidable by Palisade ({ $organisational } organisational)

## Diagnostics: what a problem with an input file is, before its message.
diagnostic-read = error: cannot read
diagnostic-parse = error: cannot parse
diagnostic-invalid = error: invalid
diagnostic-not-analysed = warning: not analysed
diagnostic-suppression = warning: suppression
diagnostic-baseline = warning: baseline

## Command line: errors, warnings and summaries printed on standard error.
cli-error = error: { $message }
cli-warning = warning: { $message }
cli-no-rule = no rule `{ $id }`{ $hint } (run `palisade rules` to list them)
cli-select-cancelled = { $count ->
    [one] selected `{ $select }` runs no rule: ignored { $ignored } leaves out every rule it names
   *[other] selected `{ $select }` runs no rule: ignored { $ignored } leave out every rule it names
}
cli-baseline-written = { $count ->
    [one] wrote { $count } finding to the baseline { $path }
   *[other] wrote { $count } findings to the baseline { $path }
}
cli-nothing-analysed = no file was analysed: { $why }
cli-nothing-stdin = standard input is not a CloudFormation template, Kubernetes manifest or IAM policy document
cli-nothing-found = no .yaml, .yml, .json or .template file was found
cli-nothing-ignored = all { $count } .yaml, .yml, .json or .template files found were left out by ignore files (.gitignore, .ignore), tool folders (node_modules, .terraform, .aws-sam, ...) or --exclude (see --no-ignore)
cli-nothing-excluded = all { $count } files found were left out by `exclude` in the configuration
cli-nothing-recognised = of the { $count } files found, none is a CloudFormation template, Kubernetes manifest or IAM policy document
cli-nothing-recognised-failed = of the { $count } files found, { $failed } could not be read or parsed; none is a CloudFormation template, Kubernetes manifest or IAM policy document
rules-severity = SEVERITY
rules-layer = LAYER
rules-controls = CONTROLS

## Network exposure (`palisade net exposure`).
net-resource = RESOURCE
net-port = PORT
net-verdict = VERDICT
net-path = PATH
net-verdict-exposed = exposed
net-verdict-not-exposed = not exposed
net-verdict-unknown = unknown
net-via = via `{ $lb }`:{" "}
net-hop = { $hop } (line { $line })
net-summary = { $exposed } exposed, { $not_exposed } not exposed, { $unknown } unknown.

## Custom rule tests (`palisade test-rules`).
test-rules-counts = { $rules } rules, { $examples } examples
test-rules-not-loaded = { $count ->
    [one] ; { $count } rule file did not load
   *[other] ; { $count } rule files did not load
}
test-rules-none = no rule found
test-rules-not-recognised = not recognised as a CloudFormation template, Terraform file or Kubernetes manifest
test-rules-no-marker = failing example has no `# expect: { $id }` marker
test-rules-missing = line { $line }: expected a finding of { $id }, found none
test-rules-unexpected = line { $line }: unexpected finding: { $message } (expected findings on lines: { $lines })
test-rules-unexpected-none = line { $line }: unexpected finding: { $message } (expected findings on lines: none)

## IAM questions (`palisade iam can`, `palisade iam explain`).
iam-can-allowed = ALLOWED
iam-can-explicit-deny = DENIED (explicit deny)
iam-can-implicit-deny = DENIED (no statement allows it)
iam-can-unknown = UNKNOWN
iam-can-head = { $principal } ({ $file }) { $action }
iam-can-head-on = { $principal } ({ $file }) { $action } on { $resource }
iam-can-decided-by = decided by: { $layer }
iam-can-effect-allow = Allow
iam-can-effect-deny = Deny
iam-can-statement = { $effect } in { $policy }
iam-can-statement-maybe = { $effect } in { $policy } (might apply: depends on an unknown value)
iam-can-not-in-files = (not in the files): { $statement }
iam-can-unknown-line = unknown: { $text }
iam-can-note-line = note: { $text }
iam-can-unknown-unread = unknown: { $error }; it may be defined in a file that could not be read or parsed: { $files }
iam-layer-identity = identity policies
iam-layer-scps = service control policies
iam-layer-boundary = permission boundary
iam-layer-session = session policy
iam-layer-resource = resource policy
iam-no-principal-none = no principal `{ $who }` in the scanned files (no roles, users, groups or identity policies were found)
iam-no-principal-known = no principal `{ $who }` in the scanned files (known principals: { $known })
iam-note-default-scp-of = no scanned SCP attached to `{ $id }` allows: AWS's default FullAWSAccess is assumed there
iam-note-default-scp = the scanned SCPs only deny: AWS's default FullAWSAccess SCP is assumed attached
iam-note-same-name = { $count } principals are called `{ $who }`; answering for { $principal } in { $file }
iam-note-did-you-mean = ; did you mean { $actions }?
iam-note-not-in-catalog = `{ $action }` is not in the AWS action catalog{ $hint }
iam-note-other-account = the resource is in another account: its resource policy must allow the request too
iam-note-principal-arn = a resource policy might name this principal: give --principal-arn to decide
iam-note-absent-variable = `{ $value }` in { $label } (line { $line }) has no value: the request has no `{ $key }`, so it matches nothing
iam-explain-no-policy = no policy documents found
iam-explain-count = { $actions ->
    [one] { $actions } action
   *[other] { $actions } actions
} across { $services ->
    [one] { $services } service
   *[other] { $services } services
}
iam-explain-undecidable = actions that cannot be decided
iam-explain-effect-unknown = (unknown)
iam-explain-statement = line { $line }:{ $sid } { $effect } { $count }
iam-explain-more = , ... ({ $count } more)
iam-explain-on = on
iam-explain-except = every resource except
iam-explain-when = when
iam-level-list = List
iam-level-read = Read
iam-level-write = Write
iam-level-permissions = Permissions management
iam-level-tagging = Tagging

## What the posture says of the layers' services, of resources and of what is missing.
posture-services-network = VPC, security groups, network ACLs, flow logs, load balancers
posture-services-identity = IAM, MFA, Access Analyzer, secrets
posture-services-application = WAF, Shield, EC2 metadata, Lambda
posture-services-data = KMS, S3, RDS, backups, data-service encryption
posture-services-monitoring = CloudTrail, CloudWatch, GuardDuty, Security Hub, Config
posture-phrase-no-finding = no finding
posture-phrase-reachability-undecided = reachability undecided
posture-phrase-flow-log = flow log in the template
posture-phrase-no-flow-log = no flow log found
posture-phrase-hub-enabled = Security Hub enabled
posture-phrase-standard-subscription = a standard subscription
posture-phrase-recorder-all-global = all supported and global resource types
posture-phrase-recorder-all-regional = all supported regional resource types
posture-phrase-recorder-list = a list of resource types
posture-phrase-channel = Config delivery channel
posture-phrase-multi-region = multi-region
posture-phrase-single-region = single-region
posture-phrase-log-validation = log file validation
posture-phrase-data-events = data events
posture-phrase-not-declared = none of the scanned files declares it
posture-phrase-no-channel = no AWS::Config::DeliveryChannel in the scanned files
posture-phrase-filter-root = root account usage
posture-phrase-filter-unauthorized = unauthorized API calls
posture-phrase-filter-no-mfa = console sign-in without MFA
posture-phrase-filter-auth-failures = console authentication failures
posture-phrase-filter-iam = IAM policy changes
posture-phrase-filter-cloudtrail = CloudTrail configuration changes
posture-phrase-filter-kms = KMS key disabling or deletion
posture-phrase-filter-s3 = S3 bucket policy changes
posture-phrase-filter-config = AWS Config changes
posture-phrase-filter-sg = security group changes
posture-phrase-filter-nacl = network ACL changes
posture-phrase-filter-gateway = network gateway changes
posture-phrase-filter-route = route table changes
posture-phrase-filter-vpc = VPC changes
posture-phrase-filter-organizations = AWS Organizations changes
posture-phrase-filter-unencrypted = unencrypted S3 uploads
posture-phrase-features = { $count } protection features listed
posture-phrase-standard = standard { $name }
posture-phrase-backup-rules = { $count } backup rule(s)
posture-phrase-vpcs-without-flow-log = { $count } VPC(s) without a flow log
posture-phrase-vpcs-maybe-without-flow-log = { $count } VPC(s) without a flow log in the scanned files; a flow log names a VPC outside its template, which may be one of them
posture-phrase-no-alarm = no alarmed metric filter for { $names }
posture-phrase-undecided-resources = { $count ->
    [one] { $count } resource whose reachability from the internet cannot be decided
   *[other] { $count } resources whose reachability from the internet cannot be decided
}

## The privilege-escalation methods in the documentation of PAL-IAM-006.
doc-methods-intro = The { $count } methods checked (one per distinct permission set; catalogues: { $catalogues }):
doc-methods-method = method
doc-methods-permissions = permissions
doc-methods-gives = gives
doc-methods-catalogues = catalogues
collect-not-built = this palisade was built without the AWS collector: install it with the `aws` feature (`cargo install --locked --path . --features aws` in a clone of the source). Snapshots written elsewhere can still be scanned: `palisade scan account.json`
collect-wrote = wrote { $path }
