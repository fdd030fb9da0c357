//! `palisade collect aws` end to end against an AWS emulator (moto_server, started by
//! `scripts/test-moto.sh`, which sets PALISADE_MOTO_ENDPOINT): an insecure account is seeded
//! through the SDK, collected by the real binary and scanned; each weakness must be reported on
//! its resource. Then each is fixed (MFA required by policy, and a device), the account collected again, and the findings must be gone.
//! The organisation mode assumes a role in each account of an emulated organization and writes
//! one snapshot per account, which are scanned together.
//!
//! Without PALISADE_MOTO_ENDPOINT the test says so and does nothing; without the `aws` feature
//! it checks that `collect aws` explains how to get the collector.

use std::process::Command;

fn palisade(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).output().expect("run palisade")
}

#[cfg(not(feature = "aws"))]
#[test]
fn without_the_feature_collect_explains_how_to_install_it() {
    let out = palisade(&["collect", "aws", "--region", "us-east-1"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--features aws"), "{err}");
    // One line, nothing escaped.
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(!err.contains("\\u{"), "{err}");
    let out = palisade(&["scan", "--aws", "--region", "us-east-1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--features aws"));
}

#[cfg(feature = "aws")]
mod moto {
    use std::path::Path;
    use std::time::Instant;

    use aws_config::{BehaviorVersion, Region, SdkConfig};
    use serde_json::Value;

    use super::palisade;

    const REGION: &str = "us-east-1";
    const BUCKET: &str = "palisade-public-data";
    const TRAIL_BUCKET: &str = "palisade-trail-logs";
    const USER: &str = "alice";

    fn endpoint() -> Option<String> {
        std::env::var("PALISADE_MOTO_ENDPOINT").ok().filter(|e| !e.is_empty())
    }

    async fn config(endpoint: &str) -> SdkConfig {
        aws_config::defaults(BehaviorVersion::latest())
            .endpoint_url(endpoint)
            .region(Region::new(REGION))
            .http_client(aws_smithy_http_client::Builder::new().build_http())
            .load()
            .await
    }

    fn s3(cfg: &SdkConfig) -> aws_sdk_s3::Client {
        aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(cfg).force_path_style(true).build())
    }

    /// What the fixes need to know of the seeded account.
    struct Seeded {
        group: String,
        volume: String,
        detector: String,
        account: String,
    }

    const ADMIN: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

    /// Opens (or closes) SSH to a group from `cidr`.
    async fn ssh(ec2: &aws_sdk_ec2::Client, group: &str, cidr: &str, open: bool) {
        let rule = aws_sdk_ec2::types::IpPermission::builder()
            .ip_protocol("tcp")
            .from_port(22)
            .to_port(22)
            .ip_ranges(aws_sdk_ec2::types::IpRange::builder().cidr_ip(cidr).build())
            .build();
        if open {
            ec2.authorize_security_group_ingress().group_id(group).ip_permissions(rule).send().await.unwrap();
        } else {
            ec2.revoke_security_group_ingress().group_id(group).ip_permissions(rule).send().await.unwrap();
        }
    }

    /// Console users must use MFA: everything but setting up one's device is denied without it.
    const REQUIRE_MFA: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:ListMFADevices","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}"#;

    async fn seed(cfg: &SdkConfig) -> Seeded {
        let account = aws_sdk_sts::Client::new(cfg).get_caller_identity().send().await.unwrap().account.unwrap();
        // A bucket made public by its policy, no public access block anywhere.
        let s3 = s3(cfg);
        s3.create_bucket().bucket(BUCKET).send().await.unwrap();
        let policy = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{BUCKET}/*"}}]}}"#
        );
        s3.put_bucket_policy().bucket(BUCKET).policy(policy).send().await.unwrap();
        // A console user without MFA, with an administrator inline policy.
        let iam = aws_sdk_iam::Client::new(cfg);
        iam.create_user().user_name(USER).send().await.unwrap();
        iam.create_login_profile().user_name(USER).password("Correct-Horse-1").send().await.unwrap();
        iam.put_user_policy().user_name(USER).policy_name("admin").policy_document(ADMIN).send().await.unwrap();
        // SSH open to the world on an instance with a public address in a subnet routed to an
        // internet gateway.
        let ec2 = aws_sdk_ec2::Client::new(cfg);
        let vpc = ec2.create_vpc().cidr_block("10.0.0.0/16").send().await.unwrap().vpc.unwrap().vpc_id.unwrap();
        let subnet = ec2
            .create_subnet()
            .vpc_id(&vpc)
            .cidr_block("10.0.1.0/24")
            .availability_zone("us-east-1a")
            .send()
            .await
            .unwrap()
            .subnet
            .unwrap()
            .subnet_id
            .unwrap();
        let igw =
            ec2.create_internet_gateway().send().await.unwrap().internet_gateway.unwrap().internet_gateway_id.unwrap();
        ec2.attach_internet_gateway().internet_gateway_id(&igw).vpc_id(&vpc).send().await.unwrap();
        let rtb =
            ec2.create_route_table().vpc_id(&vpc).send().await.unwrap().route_table.unwrap().route_table_id.unwrap();
        ec2.create_route()
            .route_table_id(&rtb)
            .destination_cidr_block("0.0.0.0/0")
            .gateway_id(&igw)
            .send()
            .await
            .unwrap();
        ec2.associate_route_table().route_table_id(&rtb).subnet_id(&subnet).send().await.unwrap();
        let group = ec2
            .create_security_group()
            .group_name("ssh")
            .description("ssh from anywhere")
            .vpc_id(&vpc)
            .send()
            .await
            .unwrap()
            .group_id
            .unwrap();
        ssh(&ec2, &group, "0.0.0.0/0", true).await;
        let image = ec2.describe_images().owners("amazon").send().await.unwrap().images()[0].image_id.clone().unwrap();
        let nic = aws_sdk_ec2::types::InstanceNetworkInterfaceSpecification::builder()
            .device_index(0)
            .subnet_id(&subnet)
            .groups(&group)
            .associate_public_ip_address(true)
            .build();
        ec2.run_instances()
            .image_id(image)
            .instance_type(aws_sdk_ec2::types::InstanceType::T3Micro)
            .min_count(1)
            .max_count(1)
            .network_interfaces(nic)
            .send()
            .await
            .unwrap();
        // An unencrypted volume, encryption by default off.
        let volume = ec2
            .create_volume()
            .availability_zone("us-east-1a")
            .size(8)
            .encrypted(false)
            .send()
            .await
            .unwrap()
            .volume_id
            .unwrap();
        // A trail that does not log, a disabled GuardDuty detector.
        s3.create_bucket().bucket(TRAIL_BUCKET).send().await.unwrap();
        let ct = aws_sdk_cloudtrail::Client::new(cfg);
        ct.create_trail().name("main").s3_bucket_name(TRAIL_BUCKET).send().await.unwrap();
        let gd = aws_sdk_guardduty::Client::new(cfg);
        let detector = gd.create_detector().enable(false).send().await.unwrap().detector_id.unwrap();
        Seeded { group, volume, detector, account }
    }

    /// Fixes each weakness; returns the id of the encrypted volume that replaces the seeded one.
    async fn fix(cfg: &SdkConfig, seeded: &Seeded) -> String {
        use aws_sdk_s3::types::PublicAccessBlockConfiguration as Pab;
        let s3 = s3(cfg);
        let all = Pab::builder()
            .block_public_acls(true)
            .ignore_public_acls(true)
            .block_public_policy(true)
            .restrict_public_buckets(true)
            .build();
        s3.put_public_access_block().bucket(BUCKET).public_access_block_configuration(all).send().await.unwrap();
        s3.delete_bucket_policy().bucket(BUCKET).send().await.unwrap();
        let control = palisade::collect::s3control_client(cfg, cfg.endpoint_url());
        let all = aws_sdk_s3control::types::PublicAccessBlockConfiguration::builder()
            .block_public_acls(true)
            .ignore_public_acls(true)
            .block_public_policy(true)
            .restrict_public_buckets(true)
            .build();
        control
            .put_public_access_block()
            .account_id(&seeded.account)
            .public_access_block_configuration(all)
            .send()
            .await
            .unwrap();
        let iam = aws_sdk_iam::Client::new(cfg);
        let device = iam.create_virtual_mfa_device().virtual_mfa_device_name(USER).send().await.unwrap();
        let serial = device.virtual_mfa_device.unwrap().serial_number;
        iam.enable_mfa_device()
            .user_name(USER)
            .serial_number(serial)
            .authentication_code1("123456")
            .authentication_code2("654321")
            .send()
            .await
            .unwrap();
        iam.put_user_policy()
            .user_name(USER)
            .policy_name("require-mfa")
            .policy_document(REQUIRE_MFA)
            .send()
            .await
            .unwrap();
        iam.delete_user_policy().user_name(USER).policy_name("admin").send().await.unwrap();
        let ec2 = aws_sdk_ec2::Client::new(cfg);
        ssh(&ec2, &seeded.group, "0.0.0.0/0", false).await;
        ssh(&ec2, &seeded.group, "10.0.0.0/8", true).await;
        ec2.delete_volume().volume_id(&seeded.volume).send().await.unwrap();
        let volume = ec2
            .create_volume()
            .availability_zone("us-east-1a")
            .size(8)
            .encrypted(true)
            .send()
            .await
            .unwrap()
            .volume_id
            .unwrap();
        ec2.enable_ebs_encryption_by_default().send().await.unwrap();
        aws_sdk_cloudtrail::Client::new(cfg).start_logging().name("main").send().await.unwrap();
        aws_sdk_guardduty::Client::new(cfg)
            .update_detector()
            .detector_id(&seeded.detector)
            .enable(true)
            .send()
            .await
            .unwrap();
        volume
    }

    /// Collects the emulated account into `path`; the snapshot.
    fn collect(endpoint: &str, path: &Path) -> Value {
        let started = Instant::now();
        let out = palisade(&[
            "collect",
            "aws",
            "--endpoint-url",
            endpoint,
            "--region",
            REGION,
            "--no-progress",
            "--output",
            path.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "collect failed: {err}");
        let text = std::fs::read_to_string(path).unwrap();
        eprintln!("collected in {:.1} s, {} bytes", started.elapsed().as_secs_f64(), text.len());
        serde_json::from_str(&text).expect("the snapshot is JSON")
    }

    /// (rule id, resource id) of each finding of a scan of `path`.
    fn scan(path: &Path) -> Vec<(String, String)> {
        let out = palisade(&["scan", "--format", "json", "--no-config", path.to_str().unwrap()]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
        });
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["rule_id"].as_str().unwrap().to_string(), f["resource"]["id"].as_str().unwrap().to_string()))
            .collect()
    }

    /// Every answer and error of a snapshot is a call of the collector's table, and each error
    /// names the table's permission.
    fn check_calls(snap: &Value) {
        use palisade::collect::{Scope, find};
        let check = |service: &str, call: &str, scope: Scope| {
            let c = find(service, call).unwrap_or_else(|| panic!("{service}.{call} is not in the call table"));
            assert_eq!(c.scope, scope, "{service}.{call}");
        };
        for (service, calls) in snap["global"].as_object().unwrap() {
            for call in calls.as_object().unwrap().keys() {
                check(service, call, Scope::Global);
            }
        }
        for services in snap["regional"].as_object().unwrap().values() {
            for (service, calls) in services.as_object().unwrap() {
                for call in calls.as_object().unwrap().keys() {
                    check(service, call, Scope::Regional);
                }
            }
        }
        for e in snap["errors"].as_array().unwrap() {
            let (service, call) = (e["service"].as_str().unwrap(), e["call"].as_str().unwrap());
            let c = find(service, call).unwrap_or_else(|| panic!("{e}"));
            assert_eq!(e["permission"], c.permission, "{e}");
            assert!(e["error"].as_str().is_some_and(|c| !c.is_empty()), "{e}");
        }
    }

    #[test]
    fn a_seeded_account_is_collected_scanned_fixed_and_clean() {
        let Some(endpoint) = endpoint() else {
            eprintln!(
                "skipped: PALISADE_MOTO_ENDPOINT is not set (scripts/test-moto.sh runs this test against moto_server)"
            );
            return;
        };
        let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
        let cfg = rt.block_on(config(&endpoint));
        let seeded = rt.block_on(seed(&cfg));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("account.json");
        let snap = collect(&endpoint, &path);
        check_calls(&snap);
        assert_eq!(snap["account"], seeded.account.as_str());
        assert_eq!(snap["partition"], "aws");
        let ec2 = &snap["regional"][REGION]["ec2"];
        assert!(
            ec2["DescribeSnapshots"]["Snapshots"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["OwnerId"] == seeded.account.as_str()),
            "only the account's own snapshots"
        );
        assert_eq!(snap["global"]["s3control"]["GetPublicAccessBlock"], Value::Null, "not configured is null");
        assert_eq!(snap["global"]["s3"]["GetPublicAccessBlock"][BUCKET], Value::Null);
        assert_eq!(snap["global"]["iam"]["GetAccountPasswordPolicy"], Value::Null);
        let found = scan(&path);
        let has = |id: &str, resource: &str| found.iter().any(|(r, res)| r == id && res.contains(resource));
        let expected = [
            ("PAL-S3-009", BUCKET.to_string(), "public bucket policy"),
            ("PAL-S3-010", "s3control:PublicAccessBlock".to_string(), "no account public access block"),
            ("PAL-IAM-010", format!("user/{USER}"), "console user without MFA"),
            ("PAL-IAM-001", format!("user/{USER}"), "administrator inline policy on a user"),
            ("PAL-EC2-001", format!("security-group/{}", seeded.group), "SSH open to the world"),
            ("PAL-ENC-005", "ec2:EbsEncryptionByDefault".to_string(), "EBS encryption by default off"),
            ("PAL-ENC-001", format!("volume/{}", seeded.volume), "unencrypted volume"),
            ("PAL-CLOUDTRAIL-005", "trail/main".to_string(), "trail not logging"),
            ("PAL-GUARDDUTY-001", format!("detector/{}", seeded.detector), "detector disabled"),
        ];
        for (id, resource, what) in &expected {
            assert!(has(id, resource), "{what}: {id} on {resource} not found in {found:?}");
        }
        // What the emulator does not answer is unknown, never a finding.
        assert!(!found.iter().any(|(r, _)| r.starts_with("PAL-SECURITYHUB")), "{found:?}");

        let volume = rt.block_on(fix(&cfg, &seeded));
        let snap = collect(&endpoint, &path);
        check_calls(&snap);
        let found = scan(&path);
        for (id, resource, what) in &expected {
            assert!(
                !found.iter().any(|(r, res)| r == id && res.contains(resource.as_str())),
                "{what} was fixed but {id} on {resource} is still reported"
            );
        }
        assert!(!found.iter().any(|(_, res)| res.ends_with(&format!("volume/{volume}"))), "{found:?}");
        // Collecting and scanning in one go gives the same findings, located in the kept snapshot.
        let kept = dir.path().join("kept.json");
        let out = palisade(&[
            "scan",
            "--aws",
            "--endpoint-url",
            &endpoint,
            "--region",
            REGION,
            "--snapshot-output",
            kept.to_str().unwrap(),
            "--format",
            "json",
            "--no-config",
        ]);
        let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
        let in_one_go = report["findings"].as_array().unwrap();
        assert_eq!(in_one_go.len(), found.len(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(in_one_go.iter().all(|f| f["file"].as_str().is_some_and(|p| p.ends_with("kept.json"))));
        assert!(
            snap["regional"][REGION]["ec2"]["DescribeVolumes"]["Volumes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|v| v["VolumeId"] == volume.as_str() && v["Encrypted"] == true),
            "the encrypted volume is collected"
        );
    }

    /// The configuration of credentials for `account`, by assuming a role there (moto maps the
    /// credentials it gives to that account), and those credentials.
    async fn in_account(cfg: &SdkConfig, account: &str) -> (SdkConfig, aws_sdk_sts::types::Credentials) {
        let arn = format!("arn:aws:iam::{account}:role/seed");
        let sts = aws_sdk_sts::Client::new(cfg);
        let creds =
            sts.assume_role().role_arn(arn).role_session_name("seed").send().await.unwrap().credentials.unwrap();
        let provider = aws_credential_types::Credentials::new(
            creds.access_key_id(),
            creds.secret_access_key(),
            Some(creds.session_token().to_string()),
            None,
            "moto",
        );
        let cfg = cfg
            .to_builder()
            .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(provider))
            .build();
        (cfg, creds)
    }

    /// A bucket made public by its policy, in the account of `cfg`.
    async fn public_bucket(cfg: &SdkConfig, name: &str) {
        let s3 = s3(cfg);
        s3.create_bucket().bucket(name).send().await.unwrap();
        let policy = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{name}/*"}}]}}"#
        );
        s3.put_bucket_policy().bucket(name).policy(policy).send().await.unwrap();
    }

    /// `palisade collect aws` in organisation mode with the credentials `creds`; the files
    /// written, by name.
    fn collect_organisation(
        endpoint: &str,
        creds: &aws_sdk_sts::types::Credentials,
        accounts: Option<&str>,
        dir: &Path,
    ) -> Vec<String> {
        let mut args = vec!["collect", "aws", "--endpoint-url", endpoint, "--region", REGION, "--no-progress"];
        args.extend(["--role-name", "audit", "--output", dir.to_str().unwrap()]);
        if let Some(a) = accounts {
            args.extend(["--accounts", a]);
        }
        let started = Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_palisade"))
            .args(&args)
            .env("AWS_ACCESS_KEY_ID", creds.access_key_id())
            .env("AWS_SECRET_ACCESS_KEY", creds.secret_access_key())
            .env("AWS_SESSION_TOKEN", creds.session_token())
            .output()
            .expect("run palisade");
        assert_eq!(out.status.code(), Some(0), "collect failed: {}", String::from_utf8_lossy(&out.stderr));
        let mut files: Vec<String> =
            std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        files.sort();
        eprintln!(
            "organisation mode ({}): {} accounts collected in {:.1} s",
            if accounts.is_some() { "--accounts" } else { "ListAccounts" },
            files.len(),
            started.elapsed().as_secs_f64()
        );
        files
    }

    fn snapshot(path: &Path) -> Value {
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the snapshot is JSON")
    }

    #[test]
    fn an_organisation_is_collected_account_by_account_and_scanned_together() {
        let Some(endpoint) = endpoint() else {
            eprintln!("skipped: PALISADE_MOTO_ENDPOINT is not set (scripts/test-moto.sh runs this test)");
            return;
        };
        let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
        let base = rt.block_on(config(&endpoint));
        // The collection runs from a management account of its own, so that the organization
        // does not touch the account of the other test.
        let (management, creds) = rt.block_on(in_account(&base, "999999999999"));
        let members = ["111111111111", "222222222222"];
        for id in members {
            let (cfg, _) = rt.block_on(in_account(&base, id));
            rt.block_on(public_bucket(&cfg, &format!("palisade-org-{id}")));
        }

        // Named accounts.
        let dir = tempfile::tempdir().unwrap();
        let files = collect_organisation(&endpoint, &creds, Some(&members.join(",")), dir.path());
        assert_eq!(files, ["111111111111.json", "222222222222.json"]);
        for id in members {
            let snap = snapshot(&dir.path().join(format!("{id}.json")));
            check_calls(&snap);
            assert_eq!(snap["account"], id);
            let buckets = snap["global"]["s3"]["ListBuckets"]["Buckets"].as_array().unwrap();
            let names: Vec<&str> = buckets.iter().filter_map(|b| b["Name"].as_str()).collect();
            assert!(names.contains(&format!("palisade-org-{id}").as_str()), "{id}: {names:?}");
        }
        let out = palisade(&["scan", "--format", "json", "--no-config", dir.path().to_str().unwrap()]);
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
        let findings = report["findings"].as_array().unwrap();
        for id in members {
            assert!(
                findings.iter().any(|f| f["rule_id"] == "PAL-S3-009"
                    && f["file"].as_str().is_some_and(|p| p.ends_with(&format!("{id}.json")))
                    && f["resource"]["id"].as_str().is_some_and(|r| r.contains(&format!("palisade-org-{id}")))),
                "the public bucket of {id}, from its own snapshot: {findings:?}"
            );
        }

        // Every account of the organization, listed by ListAccounts; the management account's
        // snapshot has the organization's structure, from the account through its
        // organizational unit up to the root.
        let org = aws_sdk_organizations::Client::new(&management);
        rt.block_on(async {
            org.create_organization()
                .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
                .send()
                .await
        })
        .unwrap();
        let root = rt.block_on(org.list_roots().send()).unwrap().roots()[0].id().unwrap().to_string();
        let member = rt
            .block_on(org.create_account().account_name("workload").email("workload@example.com").send())
            .unwrap()
            .create_account_status
            .unwrap()
            .account_id
            .unwrap();
        let ou = rt
            .block_on(org.create_organizational_unit().parent_id(&root).name("workloads").send())
            .unwrap()
            .organizational_unit
            .unwrap()
            .id
            .unwrap();
        rt.block_on(org.move_account().account_id(&member).source_parent_id(&root).destination_parent_id(&ou).send())
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let files = collect_organisation(&endpoint, &creds, None, dir.path());
        let mut expected = vec!["999999999999.json".to_string(), format!("{member}.json")];
        expected.sort();
        assert_eq!(files, expected);
        let snap = snapshot(&dir.path().join("999999999999.json"));
        check_calls(&snap);
        let o = &snap["global"]["organizations"];
        assert_eq!(o["DescribeOrganization"]["Organization"]["MasterAccountId"], "999999999999");
        assert_eq!(o["ListRoots"]["Roots"][0]["Id"], root.as_str());
        assert_eq!(o["ListParents"][member.as_str()]["Parents"][0]["Id"], ou.as_str());
        assert_eq!(o["ListParents"][ou.as_str()]["Parents"][0]["Id"], root.as_str());
        assert_eq!(o["ListParents"]["999999999999"]["Parents"][0]["Id"], root.as_str());
        let member_snap = snapshot(&dir.path().join(format!("{member}.json")));
        check_calls(&member_snap);
        assert_eq!(member_snap["account"], member.as_str());
        let out = palisade(&["scan", "--format", "json", "--no-config", dir.path().to_str().unwrap()]);
        assert!(serde_json::from_slice::<Value>(&out.stdout).is_ok(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}
