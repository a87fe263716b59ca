"""Each file format triage reads, declared once.

- :mod:`.declare`: the words a format is declared in (tables, keys, types) and the
  checker that reports, from a declaration, every unknown key (with a "did you mean"),
  wrong type and missing key of a parsed file at its line.
- :mod:`.jsonschema`: a declaration written as a JSON Schema, for editors.
- :mod:`.playbook`: playbooks and the stage files they include (``triage schema``).
- :mod:`.case`: case files (``case.toml``) and the keys of answers files that are not
  answers.
- :mod:`.settings`: the app's own settings file.

The tone rules (``tone-rules.toml``) are still checked by hand in
:mod:`triage.engine.tone`. To bring them here: declare a rule as a :class:`.declare.Table`
in a ``tone.py`` beside these (the file: ``format``, ``rules``, ``words``; a rule: ``id``,
``enabled``, the text and context keys), check the file and each ``[[rules]]`` entry with
``Checker.shape`` before compiling its patterns, and keep the pattern checks in tone.py,
as the playbook's expression checks stay in checks.py.
"""
