//! ECR repositories (application layer).

area! { scan_on_push, immutable_tags, encryption_kms }

const REPOSITORY: &[&str] = &["AWS::ECR::Repository"];
