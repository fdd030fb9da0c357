//! Systems Manager Parameter Store (data layer): secrets kept in plain parameters.

pub mod secret_in_plain_parameter;

super::area_rules!("ssm");
