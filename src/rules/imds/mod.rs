//! EC2 instance metadata (application layer): IMDSv2.

area! { imdsv2_not_required }
