"""Each file format triage reads, declared once.

- :mod:`.declare`: the words a format is declared in (tables, keys, types) and the
  checker that reports, from a declaration, every unknown key (with a "did you mean"),
  wrong type and missing key of a parsed file at its line.
- :mod:`.jsonschema`: a declaration written as a JSON Schema, for editors.
- :mod:`.playbook`: playbooks and the stage files they include (``triage schema``).
- :mod:`.case`: case files (``case.toml``) and the keys of answers files that are not
  answers.

Settings and the tone rules are still checked by hand where they are read; they join
here next.
"""
