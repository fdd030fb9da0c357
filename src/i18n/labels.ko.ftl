# 보고서, 보안 태세 점수표, 규칙 문서의 레이블 (한국어).

finding-when = { $message } (조건: { $condition })
