# Labels of reports, of the posture scorecard and of the rule documentation, in English.

finding-when = { $message } (when { $condition })
