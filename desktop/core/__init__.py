"""The Qt-free heart of SelfCheck: policy, assessment, checks. Never imports Qt."""
