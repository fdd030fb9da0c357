//! Security Hub (monitoring layer): which standards are subscribed.

area! { superseded_standard }
