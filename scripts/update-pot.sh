#!/usr/bin/env bash
# Regenerates the message template assets/i18n/branch-kiosk.pot from every tr(), trc() and tr_n() call
# in firmware_app/app and ui, then merges it into each assets/i18n/<tag>.po:
#   - new messages appear in every .po with an empty msgstr (the catalog test fails until translated);
#   - messages gone from the code become obsolete (#~) entries, which the kiosk ignores.
# No fuzzy matching: a changed English text must be translated again, never guessed from an old one.
# The catalog test (tests/unit/i18n/catalog_quality_test.cpp) runs the same xgettext command and fails
# when the template is stale. Needs gettext (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

i18n_dir=assets/i18n
pot="$i18n_dir/branch-kiosk.pot"
version=$(sed -n 's/^project(branch_kiosk VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
# Placeholder until the bank names a real address; i18nspector warns (W:) about example.com.
bugs_address="kiosk-i18n@example.com"

mapfile -t sources < <(find firmware_app/app ui -type f \( -name '*.cpp' -o -name '*.hpp' \) 2>/dev/null |
  LC_ALL=C sort)
if ((${#sources[@]} == 0)); then
  echo "update-pot: no .cpp/.hpp files under firmware_app/app or ui" >&2
  exit 1
fi

new_pot=$(mktemp --suffix=.pot)
trap 'rm -f "$new_pot"' EXIT

# The keyword list must match the catalog test; --add-comments passes "// TRANSLATORS: ..." notes on.
xgettext --from-code=UTF-8 --language=C++ --keyword=tr:1 --keyword=trc:1c,2 --keyword=tr_n:1,2 \
  --no-location --force-po --add-comments=TRANSLATORS: \
  --package-name=branch-kiosk --package-version="$version" --msgid-bugs-address="$bugs_address" \
  --copyright-holder="The branch-kiosk authors" \
  -o "$new_pot" "${sources[@]}"
sed -i -e "1s/.*/# Messages shown to customers by branch-kiosk, the bank-branch touchscreen kiosk./" \
  -e "2s/YEAR/$(date +%Y)/" "$new_pot"

# Keep the old template when only its creation date would change, so an idle run touches no file.
if [[ -f "$pot" ]] && diff -q <(grep -v '^"POT-Creation-Date:' "$pot") \
  <(grep -v '^"POT-Creation-Date:' "$new_pot") >/dev/null; then
  echo "update-pot: $pot is current"
else
  cp "$new_pot" "$pot"
  echo "update-pot: wrote $pot ($(grep -c '^msgid ' "$pot") entries including the header)"
fi

for po in "$i18n_dir"/*.po; do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$pot"
  echo "update-pot: merged into $po"
done
