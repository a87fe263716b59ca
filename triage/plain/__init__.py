"""Line-by-line prompts (`triage run ID --plain`) over the same engine as the full-screen app."""

from triage.plain.runner import run_plain

__all__ = ["run_plain"]
