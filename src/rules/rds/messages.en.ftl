# English finding messages of the `rds` rules: one message per template, with its
# arguments as variables. Translations use the same ids and variables.

rds-backup-retention-read-replica = read replica `{ $replica }` keeps its own automated backups for { $n ->
        [one] { $n } day
       *[other] { $n } days
    } (at least { $min_backup_days } recommended)
rds-backup-retention-sets-backupretentionperiod = { $what } `{ $name }` sets BackupRetentionPeriod to 0: automated backups are disabled
rds-backup-retention-keeps-automated = { $what } `{ $name }` keeps automated backups for { $n ->
        [one] { $n } day
       *[other] { $n } days
    } (at least { $min_backup_days } recommended)
rds-backup-retention-set-backupretentionperiod = { $what } `{ $name }` does not set BackupRetentionPeriod (defaults to 1 day; at least { $min_backup_days } recommended)
rds-customer-managed-key-aws = { $what } `{ $name }` is encrypted without KmsKeyId, with the AWS managed key `aws/rds`
rds-customer-managed-key-message = { $what } `{ $name }` is encrypted with the AWS managed key `{ $k }`
rds-in-public-subnet-contains = { $what } `{ $name }` uses subnet group `{ $group }`, which contains public { $count ->
        [one] subnet
       *[other] subnets
    } { $names }{ $note }
rds-in-public-subnet-message = public subnet `{ $subnet }`
rds-publicly-accessible-endpoint-gets = { $what } `{ $name }` is publicly accessible: its endpoint gets a public IP address
rds-security-group-open-to-internet-port-uses = { $what } `{ $name }` (port { $port }) uses security group `{ $group }`, which admits { $cidr } on { $describe_ports }
rds-security-group-open-to-internet-ingress = ingress from { $what } on { $describe_ports }
rds-snapshot-public-shared-all = snapshot `{ $snapshot }` is shared with all AWS accounts: anyone can restore it
rds-storage-encrypted-sets-storageencrypted = { $what } `{ $name }` sets StorageEncrypted to false{ $key_note }
rds-storage-encrypted-set-storageencrypted = { $what } `{ $name }` does not set StorageEncrypted (defaults to false): its storage is not encrypted
rds-storage-encrypted-sets-kmskeyid = { $what } `{ $name }` sets KmsKeyId but not StorageEncrypted (defaults to false): storage is only encrypted when StorageEncrypted is true
rds-tls-enforced-set-default = { $what } `{ $name }` does not set { $parameter_group_source_name } (the default { $engine } parameter group leaves { $param } off): TLS is not enforced
rds-tls-enforced-parameter-group = parameter group `{ $group }` (used by { $used_by }) sets { $param } to `{ $text }`: TLS is not enforced
rds-tls-enforced-parameter-group-2 = parameter group `{ $group }` (used by { $used_by }) does not set { $param }: TLS is not enforced
rds-tls-enforced-uses-parameter = `{ $id }` uses this parameter group
rds-in-public-subnet-publicly-accessible = not publicly accessible
rds-storage-encrypted-kmskeyid-used = the KmsKeyId that is not used
rds-db-instance = DB instance
rds-db-cluster = DB cluster
rds-in-public-subnet-not-public = ; it is not publicly accessible, so it has no public address while that setting holds
rds-in-public-subnet-maps-public-ip = subnet `{ $subnet }` sets MapPublicIpOnLaunch to true
rds-in-public-subnet-route = route { $dest } of route table `{ $table }` (associated with subnet `{ $subnet }`) goes to internet gateway `{ $gateway }`
rds-ports-all-traffic = all traffic
rds-ports-all-tcp = all TCP ports
rds-port-tcp = TCP port { $port }
rds-ports-tcp = TCP ports { $from }-{ $to }
