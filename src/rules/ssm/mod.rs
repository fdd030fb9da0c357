//! Systems Manager Parameter Store (data layer): secrets kept in plain parameters.

area! { secret_in_plain_parameter }
