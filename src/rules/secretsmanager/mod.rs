//! Secrets Manager (data layer): rotation.

area! { secret_without_rotation }
