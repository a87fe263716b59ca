"""The exit statuses of the triage command, in one place (see README.md)."""

EXIT_OK = 0  # done
EXIT_INVALID = 1  # a file, an answer or a case is not valid; the message says what and where
EXIT_USAGE = 2  # the command line itself is wrong
EXIT_STOPPED = 130  # stopped with Ctrl-C; what was answered is kept
