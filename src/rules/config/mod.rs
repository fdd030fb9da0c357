//! AWS Config (monitoring layer): what the recorder records.

area! { recorder_partial }
