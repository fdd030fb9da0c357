# English finding messages of the `encryption` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

ebs-volume-encryption-unset-set-encrypted = EBS volume `{ $volume }` does not set { $source_name }: it is encrypted only if the account's EBS encryption by default is on, which it is not unless someone opted in
encryption-encrypted-off = { $kind } `{ $name }` is not encrypted { $what } ({ $source_name } is off or not set)
redshift-tls-not-required-cluster-set = Redshift cluster `{ $cluster }` does not set { $parameter_group_source_name } (the default parameter group leaves require_ssl false): connections without TLS are accepted
redshift-tls-not-required-cluster-leaves = Redshift cluster `{ $cluster }` uses the default parameter group `{ $name }`, which leaves require_ssl false: connections without TLS are accepted
redshift-tls-not-required-parameter-group = parameter group `{ $group }` (used by Redshift cluster `{ $cluster }`) sets require_ssl to `{ $v }`: connections without TLS are accepted
redshift-tls-not-required-parameter-group-2 = parameter group `{ $group }` (used by Redshift cluster `{ $cluster }`) does not set require_ssl (false by default): connections without TLS are accepted
redshift-tls-not-required-uses-parameter = `{ $name }` uses this parameter group
ebs-encryption-by-default-off-region = EBS encryption by default is off (`{ $id }`)
