# PAL-SECURITYHUB-001
securityhub-superseded-standard = Security Hub가 대체된 표준 버전을 구독함
    .description = CIS AWS Foundations Benchmark 1.2.0 및 1.4.0과 PCI DSS 3.2.1은 최신 버전으로 대체되었으며, 최신 버전의 제어는 이전 버전이 다루지 않는 서비스와 공격(예: IMDSv2, EBS 기본 암호화, 계정 수준의 S3 퍼블릭 액세스)을 다룹니다. 대체된 표준의 결과는 더 이상 감사인이 점검하는 내용과 일치하지 않으며, AWS는 해당 표준에 제어를 더 이상 추가하지 않습니다.
    .remediation = 대신 최신 버전인 `arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/3.0.0` 및 `arn:aws:securityhub:<region>::standards/pci-dss/v/4.0.1`을 AWS 기본 보안 모범 사례(`arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0`)와 함께 `AWS::SecurityHub::Standard` 리소스로 구독하십시오.
