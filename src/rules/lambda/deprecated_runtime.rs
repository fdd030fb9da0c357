//! PAL-LAMBDA-001 `lambda-deprecated-runtime`: Lambda function uses a deprecated runtime.

use crate::model::kind;

/// Runtimes past their deprecation date, with the date (end of security patches).
pub const DEPRECATED: &[(&str, &str)] = &[
    ("nodejs", "2016-10-31"),
    ("nodejs4.3", "2020-03-05"),
    ("nodejs6.10", "2019-08-12"),
    ("nodejs8.10", "2020-03-06"),
    ("nodejs10.x", "2021-07-30"),
    ("nodejs12.x", "2023-03-31"),
    ("nodejs14.x", "2023-12-04"),
    ("nodejs16.x", "2024-06-12"),
    ("nodejs18.x", "2025-09-01"),
    ("python2.7", "2021-07-15"),
    ("python3.6", "2022-07-18"),
    ("python3.7", "2023-12-04"),
    ("python3.8", "2024-10-14"),
    ("python3.9", "2025-12-15"),
    ("ruby2.5", "2021-07-30"),
    ("ruby2.7", "2023-12-07"),
    ("java8", "2024-01-08"),
    ("go1.x", "2024-01-08"),
    ("provided", "2024-01-08"),
    ("dotnetcore1.0", "2019-07-30"),
    ("dotnetcore2.0", "2019-05-30"),
    ("dotnetcore2.1", "2022-01-05"),
    ("dotnetcore3.1", "2023-04-03"),
    ("dotnet5.0", "2022-05-10"),
    ("dotnet6", "2024-12-20"),
    ("dotnet7", "2024-05-14"),
];

rule!(RULE,
    id: "PAL-LAMBDA-001",
    slug: "lambda-deprecated-runtime",
    title: "Lambda function uses a deprecated runtime",
    severity: Medium,
    layer: Application,
    service: "lambda",
    controls: &["APP-12"],
    well_architected: &["SEC06-BP01"],
    compliance: &["isms-p:2.10.8", "pci-4.0:6.3.3", "fsbp:Lambda.2"],
    resource_types: &[kind::LAMBDA_FUNCTION],
    remediation: "Move the function to a supported runtime (e.g. `nodejs22.x`, `python3.13`, `java21`, \
`dotnet8`, `provided.al2023`), test it, and set `Runtime` accordingly.",
    description: "After a runtime's deprecation date AWS no longer applies security patches to it, and \
later blocks creating and then updating functions that use it. Vulnerabilities in the language runtime or its \
bundled libraries then stay open for good.",
    check: |m, _, out| {
        for f in &m.lambda_functions {
            if let Some((rt, date)) = f.runtime.get().and_then(|r| DEPRECATED.iter().find(|(d, _)| d == r)) {
                out.report_field(
                    &f.meta,
                    &f.runtime,
                    msg!("lambda-deprecated-runtime-function-uses", function = f.meta.id, rt = rt, date = date),
                );
            }
        }
    },
);
