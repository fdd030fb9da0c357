//! AWS Backup plans (data layer): how long recovery points are kept.

area! { plan_retention }
