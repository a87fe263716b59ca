"""Line-by-line prompts (`triage run ID --plain`) over the same engine as the full-screen app.

Nothing is imported here, so that `triage.plain.prompts` (the inert printing every command
uses) stays cheap to import; the runner is `triage.plain.runner.run_plain`.
"""
