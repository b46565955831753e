#!/usr/bin/python3
"""Checks one translation domain, as GNOME projects' POTFILES checks do.

  check-translations.py SOURCE_ROOT PO_DIR GLOB...

- every file POTFILES names exists and has marked strings;
- every file the GLOBs match (relative to SOURCE_ROOT) that has marked
  strings is in POTFILES, so that xgettext sees it;
- every .po of LINGUAS passes `msgfmt --check` (c-format included);
- every .po translates every message the sources mark today: the template
  is extracted afresh (with meson's glib preset) and merged without fuzzy
  matching, and `msgfmt --statistics` must count 0 fuzzy, 0 untranslated.

Prints TAP.
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

# What xgettext extracts with meson's `preset: 'glib'` (mesonbuild/modules/i18n.py).
GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]
MARKED = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"')

n = 0
failed = False


def result(ok, name, detail=''):
    global n, failed
    n += 1
    print(('ok' if ok else 'not ok') + f' {n} {name}')
    if not ok:
        failed = True
        for line in detail.strip().splitlines():
            print('# ' + line)


def main():
    root, po_dir = sys.argv[1], sys.argv[2]
    rel_po = os.path.relpath(po_dir, root)
    listed = [line.strip() for line in open(os.path.join(po_dir, 'POTFILES'), encoding='utf-8')
              if line.strip() and not line.startswith('#')]

    missing = [f for f in listed if not os.path.isfile(os.path.join(root, f))]
    result(not missing, f'{rel_po}/POTFILES names existing files', '\n'.join(missing))

    def has_marks(path):
        with open(os.path.join(root, path), encoding='utf-8') as f:
            return MARKED.search(f.read()) is not None

    idle = [f for f in listed if f not in missing and not has_marks(f)]
    result(not idle, f'{rel_po}/POTFILES names only files with marked strings', '\n'.join(idle))

    scanned = sorted({os.path.relpath(p, root) for pattern in sys.argv[3:]
                      for p in glob.glob(os.path.join(root, pattern), recursive=True)})
    unlisted = [f for f in scanned if has_marks(f) and f not in listed]
    result(not unlisted, f'{rel_po}/POTFILES lists every file with marked strings',
           'marked strings in files POTFILES does not list:\n' + '\n'.join(unlisted))

    languages = [line.strip() for line in open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8')
                 if line.strip() and not line.startswith('#')]
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'template.pot')
        extract = subprocess.run(['xgettext', '-D', root, '-f', os.path.join(po_dir, 'POTFILES'),
                                  '-o', pot, '--force-po'] + GLIB_PRESET,
                                 capture_output=True, text=True)
        result(extract.returncode == 0, f'{rel_po}: xgettext extracts the template', extract.stderr)
        for lang in languages:
            po = os.path.join(po_dir, lang + '.po')
            check = subprocess.run(['msgfmt', '--check', '-o', os.devnull, po],
                                   capture_output=True, text=True)
            result(check.returncode == 0, f'{rel_po}/{lang}.po: msgfmt --check', check.stderr)
            merged = os.path.join(tmp, lang + '.po')
            merge = subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                                   capture_output=True, text=True)
            stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged],
                                   capture_output=True, text=True)
            counts = stats.stderr.strip()
            complete = (merge.returncode == 0 and stats.returncode == 0 and
                        'fuzzy' not in counts and 'untranslated' not in counts)
            untranslated = ''
            if not complete:
                for flag in ('--untranslated', '--only-fuzzy'):
                    untranslated += subprocess.run(['msgattrib', flag, '--no-wrap', merged],
                                                   capture_output=True, text=True).stdout
            result(complete, f'{rel_po}/{lang}.po translates every marked string ({counts})',
                   merge.stderr + counts + '\n' + untranslated[:4000])
    print(f'1..{n}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
