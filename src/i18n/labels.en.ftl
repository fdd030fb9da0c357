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
