//! PAL-EC2-002 `sg-ingress-database-ports-open`: Security group allows a database port from the internet.

use super::{Exposure, SG_TYPES, report_exposure};

rule!(RULE,
    id: "PAL-EC2-002",
    slug: "sg-ingress-database-ports-open",
    title: "Security group allows a database port from the internet",
    severity: Critical,
    layer: Network,
    service: "ec2",
    controls: &["NET-01"],
    well_architected: &["SEC05-BP02"],
    compliance: &[
        "isms-p:2.6.1", "isms-p:2.6.4", "pci-4.0:1.3.1", "pci-4.0:1.4.2", "pci-4.0:1.4.4", "fsbp:EC2.19",
    ],
    resource_types: SG_TYPES,
    remediation: "Allow database ports only from the security groups of the application tier \
(`SourceSecurityGroupId: !Ref AppSecurityGroup`) or from private CIDRs, and keep databases in private subnets. \
Never use `CidrIp: 0.0.0.0/0` or `CidrIpv6: ::/0` on a database port.",
    description: "Databases, caches and search engines hold the data an attacker is after, and several \
(Redis, Memcached, Elasticsearch, MongoDB in older defaults) accept connections without authentication. A \
world-open rule on their port puts them one credential guess — or none — away from a breach. Ports checked: \
1433 (SQL Server), 1521 (Oracle), 3306 (MySQL/MariaDB/Aurora), 5432 (PostgreSQL), 5439 (Redshift), 5984 \
(CouchDB), 6379 (Redis), 7000-7001 and 9042 (Cassandra), 8086 (InfluxDB), 9200 and 9300 \
(Elasticsearch/OpenSearch), 11211 (Memcached), 27017 (MongoDB) and 50000 (Db2). A range that also includes \
SSH or RDP is reported by PAL-EC2-001.",
    check: |m, facts, out| {
        report_exposure(m, facts, out, |c| match c {
            Exposure::Database(names) => Some(names.clone()),
            _ => None,
        })
    },
);
