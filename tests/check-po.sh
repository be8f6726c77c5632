#!/usr/bin/env bash
# The translations are complete and current: po/bulwark.pot holds every string the C sources
# mark for translation, and each language in po/LINGUAS compiles with no errors, no fuzzy
# entries and nothing untranslated.
set -euo pipefail
cd "$BW_SOURCE_DIR/po"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# The template is up to date with the code (the .ui, desktop, metainfo and schema strings come
# from meson's own extraction; the C strings are checked here).
grep -E '^src/.*\.c$' POTFILES.in | sed 's|^|../|' > "$work/files"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=ngettext:1,2 -f "$work/files" -o "$work/code.pot"
if ! msgcmp --use-untranslated bulwark.pot "$work/code.pot" 2> "$work/cmp"; then
  echo "po/bulwark.pot is out of date; run: meson compile -C build bulwark-pot"
  head -n 20 "$work/cmp"
  status=1
fi

languages=$(grep -v '^#' LINGUAS | tr -s ' \n' ' ')
[ -n "$languages" ] || { echo "po/LINGUAS lists no language"; exit 1; }
for lang in $languages; do
  [ -f "$lang.po" ] || { echo "po/LINGUAS lists $lang, but po/$lang.po is missing"; status=1; continue; }
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o "$work/$lang.mo" "$lang.po" 2>&1); then
    echo "$lang.po: $stats"
    status=1
    continue
  fi
  case "$stats" in
    *fuzzy*|*untranslated*) echo "$lang.po is incomplete: $stats"; status=1 ;;
  esac
  # Every string of the template is in the translation.
  if ! msgcmp "$lang.po" bulwark.pot 2> "$work/cmp-$lang"; then
    echo "$lang.po lacks strings of the template (run msgmerge):"
    head -n 20 "$work/cmp-$lang"
    status=1
  fi
  echo "$lang: $stats"
done
exit $status
