"""Each file format triage reads, declared once.

- :mod:`.declare`: the words a format is declared in (tables, keys, types) and the
  checker that reports, from a declaration, every unknown key (with a "did you mean"),
  wrong type and missing key of a parsed file at its line.
- :mod:`.jsonschema`: a declaration written as a JSON Schema, for editors.
- :mod:`.playbook`: playbooks and the stage files they include (``triage schema``).
- :mod:`.case`: case files (``case.toml``) and the keys of answers files that are not
  answers.
- :mod:`.settings`: the app's own settings file.

- :mod:`.tone`: tone rules files (triage's own and a team's); their key names are plain
  tuples the tone module reads at import, their tables built only when a file is checked
  (``triage schema tone-rules``). The tone module reports a file's first mistake in its
  own sentence (naming the rule) and checks the patterns themselves.
"""
