$ sleep-is-probably-flaky-i-have-justified-my-need-with-a-comment duration="500ms"
