#!/usr/bin/env bash
# Put Latent Studio in the Linux desktop's menu, with its icon (files under ~/.local/share).
#
#   assets/packaging/install-menu-entry.sh                 # the bundle in dist/LatentStudio if built, else
#                                                          # the `latent-studio` on PATH (pip install)
#   assets/packaging/install-menu-entry.sh --bundle DIR    # a bundle unpacked elsewhere
#   assets/packaging/install-menu-entry.sh --pip           # the pip entry point (.venv/bin or PATH)
#   assets/packaging/install-menu-entry.sh --uninstall
#
# The work is done by `latent-studio --install-menu-entry` (desktop/menu_entry.py), which points the
# launcher's Exec at the program that runs it; a bundle or a pip install needs no checkout for that.
set -euo pipefail
cd "$(dirname "$0")/../.."

action=--install-menu-entry
program=
while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) program="$(cd "$2" && pwd)/latent-studio"; shift 2 ;;
        --pip) program=$( [ -x .venv/bin/latent-studio ] && echo "$PWD/.venv/bin/latent-studio" \
                          || command -v latent-studio || true ); shift ;;
        --uninstall) action=--uninstall-menu-entry; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [ -z "$program" ]; then
    for candidate in "$PWD/dist/LatentStudio/latent-studio" "$PWD/.venv/bin/latent-studio" "$(command -v latent-studio || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then program=$candidate; break; fi
    done
fi
if [ -z "$program" ] || [ ! -x "$program" ]; then
    echo "error: no latent-studio found: build the bundle (assets/packaging/build-bundle.sh) or pip install ." >&2
    exit 1
fi
exec "$program" "$action"
