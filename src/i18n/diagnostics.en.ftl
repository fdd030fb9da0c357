# The details of diagnostics: problems with the input rather than with the infrastructure it
# describes. The kind of each (`error: cannot parse`) is a label (`labels.en.ftl`).

## Reading files.
diag-file-too-large = file is too large ({ $size } bytes; the limit is { $limit } bytes)
diag-file-over-limit = file is too large (more than the limit of { $limit } bytes)
diag-not-utf8 = file is not valid UTF-8 (first invalid byte at line { $line }, column { $col })
diag-not-utf16 = file is not valid UTF-16 (byte order mark found; first invalid code unit at line { $line }, column { $col })
diag-is-directory = is a directory
diag-not-regular-file = not a regular file (a FIFO, socket or device); not read
diag-not-regular-file-opened = not a regular file; not read
# $kind: not-found, permission-denied or other; $detail: the system's own text.
diag-io-error = { $kind ->
   *[other] { $detail }
}
diag-stdin = standard input: { $problem }
diag-stdin-too-large = standard input: { $problem } (raise it with --max-file-size)
diag-internal-error = internal error while analysing this file; please report it with the file
diag-internal-rule-error = internal error in rule { $rule } while checking this file; please report it
diag-excluded-by-config = left out by `exclude` in the configuration
diag-invalid-exclude = invalid --exclude pattern: { $detail }

## Parsing.
# $detail: the parser's own text.
diag-syntax-error = { $detail }
diag-not-valid-syntax = not valid { $syntax }: { $detail }
diag-helm-template = looks like an unrendered Helm template; render it with `helm template` first ({ $detail })
diag-unknown-input = not a CloudFormation template, Terraform plan, Kubernetes manifest or IAM policy document
diag-unknown-input-resources = not a CloudFormation template, Terraform plan, Kubernetes manifest or IAM policy document (a CloudFormation template needs `AWSTemplateFormatVersion`, or a resource whose `Type` is a string starting with `AWS::`)

## Account snapshots.
diag-snapshot-same-account = another snapshot of the scan is of account { $account } already: this one is not analysed
diag-snapshot-version = unsupported snapshot format version (this version reads { $version })
diag-snapshot-account-id = `account` must be the 12-digit account id
diag-snapshot-not-list = `{ $key }` must be a list
diag-snapshot-not-list-but = `{ $key }` must be a list, not { $found }
diag-snapshot-not-object = `{ $key }` must be an object
diag-snapshot-error-entry = an entry of `errors` needs `service` and `call`
diag-snapshot-in-region = {" "}in { $region }
diag-snapshot-for-resource = {" "}for `{ $resource }`
diag-snapshot-not-answered = `{ $call }`{ $place } was not answered ({ $error }): what it shows is unknown and no finding depends on it; collecting it needs the permission `{ $permission }`
diag-snapshot-function-policy = the function's policy is not JSON
diag-snapshot-no-arn = an entry of `{ $list }` has no `Arn`
diag-snapshot-credential-report = `GetCredentialReport` must be a list of rows
diag-snapshot-collected-at = `collected_at` must be an RFC 3339 time: ages of credentials are not judged
diag-snapshot-row-no-user = a credential report row has no `user`

## Values.
diag-value-type = { $kind ->
    [null] null
    [boolean] a boolean
    [number] a number
    [string] a string
    [list] a list
   *[map] a map
}
diag-walk-error = { $detail }

## Suppressions.
diag-suppress-metadata-not-map = `Metadata.palisade` of `{ $id }` must be a map with an `ignore` list
diag-suppress-metadata-unknown-key = unknown key `{ $key }` in `Metadata.palisade` of `{ $id }` (expected `ignore`)
diag-suppress-unknown-key = unknown key `{ $key }` in a suppression (expected `id` and `reason`)
diag-suppress-needs-id = a suppression needs an `id` (the rule id or slug)
diag-suppress-not-map = a suppression must be a map with `id` and `reason`
diag-suppress-needs-rule = `{ $marker }` needs a rule id: `# { $marker } PAL-S3-001 reason`
diag-suppress-unknown-rule = suppression of unknown rule `{ $rule }`
diag-suppress-no-reason = suppression of `{ $rule }` has no reason: say why the risk is accepted
diag-suppress-unused = unused suppression: `{ $rule }` reports nothing here

## Baselines.
diag-baseline-resource = {" "}({ $resource })
# $message: the finding's message as the baseline keeps it (in English).
diag-baseline-gone = entry no longer occurs, remove it: { $rule } in { $file }{ $resource }: { $message }

## Custom rules.
# $detail: what the rule's engine says.
diag-custom-rule = custom rule: { $detail }
diag-custom-rule-failed = custom rule { $rule } on { $file }: { $detail }

## CloudFormation.
diag-cfn-out-of-work = evaluating the template takes more than { $steps } steps
diag-cfn-expression-too-deep = expression nesting deeper than { $depth }
diag-cfn-condition-too-deep = condition nesting deeper than { $depth }
diag-cfn-parameter-cycle = the default of parameter `{ $name }` refers to itself
diag-cfn-text-too-long = { $function } makes a string longer than { $bytes } bytes
diag-cfn-mapping-cycle = mapping `{ $map }`.`{ $k1 }`.`{ $k2 }` refers to itself
diag-cfn-condition-cycle = condition `{ $name }` refers to itself
diag-cfn-resources-not-map = `Resources` must be a map, found { $found }
diag-cfn-resource-twice = resource `{ $id }` is defined twice
diag-cfn-type-not-string = resource `{ $id }`: `Type` must be a string
diag-cfn-no-type = resource `{ $id }` has no `Type`
diag-cfn-undefined-ref = `Ref` to `{ $name }`, which is not a parameter or resource of the template
diag-cfn-undefined-getatt = `Fn::GetAtt` to `{ $name }`, which is not a parameter or resource of the template
diag-cfn-undefined-sub = `Fn::Sub` placeholder to `{ $name }`, which is not a parameter or resource of the template
diag-cfn-loop-work = expanding the loops of this template takes more than { $steps } steps
diag-cfn-loop-shape = expected a list of [identifier, collection, output map]
diag-cfn-loop-identifier = the loop identifier must be a string
diag-cfn-loop-collection-unknown = its collection is not a list of known strings (a parameter without a value, or an unresolved function)
diag-cfn-loop-collection-large = its collection has { $count } values, more than { $max }
diag-cfn-loop-output = the output must be a map of resource templates
diag-cfn-loop-resources = its loops make more than { $max } resources
diag-cfn-unexpanded = the resources of `{ $name }` were not analysed: { $reason }
diag-cfn-conditions-unexplored = conditions { $names } were not explored for resource `{ $id }` (at most { $max } undecidable conditions of related resources are explored together): findings that depend on them are not reported
diag-cfn-conditions-unexplored-large = conditions { $names } were not explored for resource `{ $id }`: the template ({ $size } bytes) is too large to be evaluated in more than { $variants } combinations of its undecidable conditions; findings that depend on them are not reported
diag-cfn-not-evaluated = a value was not evaluated: { $reason }
diag-cfn-not-analysed = a value was not analysed: { $reason }
diag-sam-unknown-template = policy template `{ $name }` is not known to Palisade
diag-sam-template-parameter = policy template `{ $name }` needs the parameter `{ $parameter }`
diag-sam-policy-not-analysed = { $why }: the permissions of role `{ $role }` are not analysed
diag-sam-policies-item = `Policies` item is not a policy: the permissions of role `{ $role }` are not analysed

## Kubernetes.
diag-k8s-list-depth = this object is in `List`s nested more than { $depth } deep; it and its items were not analysed

## Terraform.
# $detail: why the function's result is not known.
diag-tf-function-failed = { $detail }; the value is unknown
diag-tf-variable-cycle = variable `{ $name }` depends on itself; its value is unknown
diag-tf-local-cycle = local `{ $name }` depends on itself; its value is unknown
diag-tf-output-cycle = output `{ $name }` depends on itself; its value is unknown
diag-tf-too-deep = expression nested too deeply; its value is unknown
diag-tf-function-unsupported = function `{ $name }` is not supported; its result is unknown
diag-tf-template-invalid = not a valid template: { $detail }
diag-tf-module-not-evaluated = the module could not be evaluated
diag-tf-count-cycle = `count` or `for_each` depends on itself
diag-tf-too-many-instances = { $count } instances asked for; only the first { $max } were analysed
diag-tf-too-many-instances-total = { $count } instances asked for; only { $kept } were analysed, as the configuration reached { $max } instances made by `count` and `for_each`
diag-tf-resource-cycle = the resource's arguments depend on themselves
diag-tf-too-many-modules = too many module instances; the rest were not analysed
diag-tf-module-not-downloaded = module `{ $name }` (source `{ $source }`) is not available locally: run `terraform init` to download it; its resources were not analysed
diag-tf-module-cycle = module `{ $name }` calls itself or is nested too deeply; not analysed
diag-tf-module-empty = module `{ $name }`: no Terraform files in `{ $source }`; not analysed
diag-internal-module-error = internal error while analysing this module; please report it with the module
diag-tf-plan-modules-depth = modules nested deeper than { $depth } levels were not analysed

## YAML readings.
diag-duplicate-key = duplicate key `{ $key }` (first defined at line { $line })
diag-yaml11-yn = `{ $text }` was read as a string, not a boolean (YAML 1.1 readers differ on `y`/`n`): write `{ $write }`
diag-yaml11-bool-string = `{ $text }` was read as a string, not a boolean (quoted, or not in a YAML 1.1 spelling): write `{ $write }`
diag-yaml11-octal-0o = `{ $text }` is an integer in YAML 1.2 but a string in YAML 1.1, which CloudFormation follows: write `{ $value }`
diag-yaml11-octal-0o-decimal = `{ $text }` is an integer in YAML 1.2 but a string in YAML 1.1, which CloudFormation follows: write a decimal number
diag-yaml11-leading-zero-value = `{ $text }` is decimal in YAML 1.2 but octal ({ $value }) in YAML 1.1: write the number meant without a leading zero
diag-yaml11-leading-zero = `{ $text }` is decimal in YAML 1.2 but octal in YAML 1.1: write the number meant without a leading zero

## Rules.
diag-rule-id-taken = a rule with id `{ $id }` already exists
diag-rule-slug-taken = a rule with slug `{ $slug }` already exists

## Parser messages (the detail of a syntax error)
parse-too-large = file is too large to parse
parse-end-of-input = end of input
parse-invalid-byte = an invalid byte
parse-expected = expected { $what }, found { $found }
parse-too-deep = nesting deeper than { $max } levels
parse-json-trailing = unexpected { $found } after the JSON value
parse-json-literal = invalid literal (expected `{ $word }`)
parse-json-leading-zero = leading zeros are not allowed in JSON numbers
parse-json-unterminated = unterminated string
parse-json-escape = invalid escape sequence in string
parse-json-control = control characters must be escaped in JSON strings
parse-json-hex4 = `\u` must be followed by four hexadecimal digits
parse-json-lone-surrogate = lone UTF-16 surrogate in `\u` escape
parse-what-json-value = a JSON value
parse-what-array-next = `,` or `]` after array element
parse-what-object-next = `,` or `{"}"}` after object member
parse-what-colon = `:` after object key
parse-what-digit = a digit
parse-what-fraction-digit = a digit after the decimal point
parse-what-exponent-digit = a digit in the exponent
parse-what-key-or-end = a string key or `{"}"}`
parse-what-key = a string key
parse-yaml-scanner = { $detail }
parse-yaml-alias-nodes = alias expansion exceeds { $max } nodes (possible billion-laughs)
parse-yaml-copy-budget = { $what } would copy more than { $max } bytes (possible billion-laughs)
parse-yaml-what-nested-anchors = anchored nodes nested in other anchored nodes
parse-yaml-what-alias = alias expansion
parse-yaml-unbalanced = unbalanced collection end
parse-yaml-key-without-value = key `{ $key }` has no value
parse-yaml-key-not-scalar = map keys must be scalars, found { $found }
parse-yaml-merge = merge key `<<` needs a map or a list of maps
parse-yaml-unknown-anchor = alias to an unknown anchor
